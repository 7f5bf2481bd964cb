package app.wellkeep.ingest;

import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import app.wellkeep.vitals.Metric;

/**
 * Passes what an importer reports to another sink on a thread of its own, so that reading the file (inflating,
 * parsing, dates) and checking and packing the readings overlap instead of adding up. Entries travel in blocks of
 * {@link #BLOCK} through a short queue, so memory stays bounded and the order is kept. A failure on either side
 * stops both: the consumer's exception (an abandoned attempt, a refused file, an error) is rethrown to the importer
 * at its next hand-over, and {@link #close()} stops the consumer when the importer fails.
 */
final class HandOffSink implements ReadingSink, AutoCloseable {

    static final int BLOCK = 4096;
    private static final int QUEUED = 4;

    private static final byte READING = 0;
    private static final byte REJECTED = 1;
    private static final byte SKIPPED = 2;

    /** One block of entries, its arrays reused once the consumer has drained it. */
    private static final class Block {

        final byte[] kind = new byte[BLOCK];
        final Metric[] metric = new Metric[BLOCK];
        final Instant[] start = new Instant[BLOCK];
        final Instant[] end = new Instant[BLOCK];
        final int[] offset = new int[BLOCK];
        final double[] value = new double[BLOCK];
        final String[] stage = new String[BLOCK];
        final String[] source = new String[BLOCK];
        final long[] position = new long[BLOCK];
        final Rejection[] reason = new Rejection[BLOCK];
        int size;
        /** A block with no entries that asks the consumer to say when all before it are done. */
        boolean barrier;
    }

    private static final Block STOP = new Block();

    private final ReadingSink target;
    private final BlockingQueue<Block> full = new ArrayBlockingQueue<>(QUEUED);
    private final BlockingQueue<Block> free = new ArrayBlockingQueue<>(QUEUED + 2);
    private final BlockingQueue<Block> done = new ArrayBlockingQueue<>(1);
    private final Thread consumer;
    private volatile Throwable failure;
    private Block current;

    HandOffSink(ReadingSink target, String threadName) {
        this.target = target;
        for (int i = 0; i < QUEUED + 2; i++) {
            free.add(new Block());
        }
        current = free.poll();
        consumer = new Thread(this::consume, threadName);
        consumer.setDaemon(true);
        consumer.start();
    }

    @Override
    public void reading(Metric metric, Instant start, Instant end, int utcOffsetSeconds, double value, String stage,
            String source, long position) {
        Block b = current;
        int i = b.size++;
        b.kind[i] = READING;
        b.metric[i] = metric;
        b.start[i] = start;
        b.end[i] = end;
        b.offset[i] = utcOffsetSeconds;
        b.value[i] = value;
        b.stage[i] = stage;
        b.source[i] = source;
        b.position[i] = position;
        if (b.size == BLOCK) {
            handOver();
        }
    }

    @Override
    public void rejected(long position, Rejection reason, String detail) {
        Block b = current;
        int i = b.size++;
        b.kind[i] = REJECTED;
        b.position[i] = position;
        b.reason[i] = reason;
        b.stage[i] = detail;
        if (b.size == BLOCK) {
            handOver();
        }
    }

    @Override
    public void skipped(String type) {
        Block b = current;
        int i = b.size++;
        b.kind[i] = SKIPPED;
        b.stage[i] = type;
        if (b.size == BLOCK) {
            handOver();
        }
    }

    /** Waits until every entry handed in so far has reached the target (before a new file, and at the end). */
    void flush() {
        if (current.size > 0) {
            handOver();
        }
        Block barrier = take(free);
        barrier.barrier = true;
        put(full, barrier);
        take(done);
        rethrowFailure();
    }

    /** Stops the consumer; what was not flushed is dropped (the import failed, or everything was flushed). */
    @Override
    public void close() {
        full.clear();
        full.offer(STOP);
        try {
            consumer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handOver() {
        rethrowFailure();
        put(full, current);
        current = take(free);
        rethrowFailure();
    }

    private void consume() {
        try {
            while (true) {
                Block b = full.take();
                if (b == STOP) {
                    return;
                }
                if (b.barrier) {
                    b.barrier = false;
                    free.put(b);
                    done.put(b);
                    continue;
                }
                drain(b);
                free.put(b);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure = e;
            // Unblock an importer waiting to hand a block over, for a free one or for a flush: it then finds the
            // failure and rethrows it.
            full.clear();
            free.offer(new Block());
            done.offer(STOP);
        }
    }

    private void drain(Block b) {
        for (int i = 0; i < b.size; i++) {
            switch (b.kind[i]) {
                case READING -> target.reading(b.metric[i], b.start[i], b.end[i], b.offset[i], b.value[i], b.stage[i],
                        b.source[i], b.position[i]);
                case REJECTED -> target.rejected(b.position[i], b.reason[i], b.stage[i]);
                default -> target.skipped(b.stage[i]);
            }
            b.start[i] = null;
            b.end[i] = null;
            b.stage[i] = null;
            b.source[i] = null;
        }
        b.size = 0;
    }

    private void rethrowFailure() {
        Throwable e = failure;
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T take(BlockingQueue<T> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing readings over", e);
        }
    }

    private static <T> void put(BlockingQueue<T> queue, T item) {
        try {
            queue.put(item);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while handing readings over", e);
        }
    }
}
