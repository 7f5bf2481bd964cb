package app.wellkeep.vitals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.account.Person;

/**
 * Readings gathered for one write: an import's millions, or a request's few. Readings are grouped by block (metric,
 * stage, source, UTC day) as they come. A staged batch writes its blocks aside ({@link StagedBlock}, committed,
 * invisible to every page) whenever enough readings are waiting, so memory stays bounded however large the
 * file; {@link SampleService#publish} then moves everything into place in the caller's transaction, at once or not
 * at all.
 * <p>
 * Readings must be valid ({@link SampleService#problem}); checking them is the caller's work, so that an importer
 * can report each refusal.
 */
public final class ReadingBatch implements AutoCloseable {

    /** The block a reading belongs to; the day is the epoch day of its start in UTC. */
    record Key(Metric metric, String stage, String source, long epochDay) {

        static final Comparator<Key> ORDER = Comparator.comparing(Key::metric).thenComparing(Key::stage)
                .thenComparing(Key::source).thenComparingLong(Key::epochDay);
    }

    private final Person person;
    private final UUID batchId;
    private final int attempt;
    private final boolean staged;
    private final int stageAt;
    private final Map<Key, Series.Appender> buffer = new HashMap<>();
    private Key lastKey;
    private Series.Appender lastSeries;
    private int buffered;
    private long read;
    private long repeated;
    private boolean stagedAny;
    /** The write of the last stage, while it runs. */
    private Thread staging;
    private volatile RuntimeException stagingFailed;

    ReadingBatch(Person person, UUID batchId, int attempt, boolean staged, int stageAt) {
        this.person = person;
        this.batchId = batchId;
        this.attempt = attempt;
        this.staged = staged;
        this.stageAt = stageAt;
    }

    public Person person() {
        return person;
    }

    public UUID batchId() {
        return batchId;
    }

    int attempt() {
        return attempt;
    }

    /** How many readings were added to the batch so far. */
    public long read() {
        return read;
    }

    long repeated() {
        return repeated;
    }

    void countRepeated(long more) {
        repeated += more;
    }

    /** Adds one valid reading; in a staged batch this may write the waiting readings aside first. */
    public void add(Metric metric, Instant start, Instant end, int utcOffset, double value, String stage,
            String source) {
        long startMs = start.toEpochMilli();
        long day = Math.floorDiv(startMs, Series.DAY_MS);
        Series.Appender series;
        // Files list readings of one kind and source in time order: the same block as the last reading, mostly.
        if (lastKey != null && lastKey.epochDay() == day && lastKey.metric() == metric
                && lastKey.source().equals(source) && lastKey.stage().equals(stage)) {
            series = lastSeries;
        } else {
            lastKey = new Key(metric, stage, source, day);
            series = buffer.computeIfAbsent(lastKey, k -> new Series.Appender(day * Series.DAY_MS));
            lastSeries = series;
        }
        series.add(startMs, end.toEpochMilli(), utcOffset, value);
        read++;
        if (staged && ++buffered >= stageAt) {
            stage();
        }
    }

    /**
     * Call once the file is read, before publishing. A batch that had to write readings aside writes the rest aside
     * too, so that publishing meets each block's parts together; one that never had to is published from memory.
     */
    public void finishReading() {
        if (stagedAny) {
            stage();
        }
        awaitStaging();
    }

    /** Whether some of the readings are staged rather than in memory. */
    boolean stagedAny() {
        return stagedAny;
    }

    /** The waiting readings, sorted and with repeats dropped, by block in key order; the buffer is emptied. */
    List<Map.Entry<Key, Series.Appender>> drain() {
        List<Map.Entry<Key, Series.Appender>> blocks = new ArrayList<>(buffer.entrySet());
        blocks.sort(Map.Entry.comparingByKey(Key.ORDER));
        for (Map.Entry<Key, Series.Appender> block : blocks) {
            block.getValue().settle();
            repeated += block.getValue().repeats();
        }
        buffer.clear();
        lastKey = null;
        lastSeries = null;
        buffered = 0;
        return blocks;
    }

    /**
     * Writes the waiting readings aside on a thread of its own, so that reading the file goes on meanwhile; one write
     * at a time, so memory holds two stages' readings at most. A write that fails fails the next stage, or
     * {@link #finishReading}.
     */
    private void stage() {
        if (buffer.isEmpty()) {
            return;
        }
        List<StagedBlock> parts = parts(drain());
        awaitStaging();
        stagedAny = true;
        staging = new Thread(() -> {
            try {
                // Written as rows, not persisted as entities: thousands of parts at a time, never read back here.
                QuarkusTransaction.requiringNew()
                        .run(() -> BatchInserts.staged(StagedBlock.getEntityManager(), parts));
            } catch (RuntimeException e) {
                stagingFailed = e;
            }
        }, "import-stage");
        staging.setDaemon(true);
        staging.start();
    }

    /**
     * Waits for a write aside still running, as an import that stopped early must before it removes what it staged.
     * Its failure is not reported: the import has failed already, or {@link #finishReading} reported it.
     */
    @Override
    public void close() {
        try {
            awaitStaging();
        } catch (RuntimeException reported) {
            // See above.
        }
    }

    private void awaitStaging() {
        if (staging != null) {
            try {
                staging.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while readings were written aside", e);
            }
            staging = null;
        }
        if (stagingFailed != null) {
            throw stagingFailed;
        }
    }

    private List<StagedBlock> parts(List<Map.Entry<Key, Series.Appender>> blocks) {
        List<StagedBlock> parts = new ArrayList<>(blocks.size());
        for (Map.Entry<Key, Series.Appender> block : blocks) {
            Key key = block.getKey();
            StagedBlock part = new StagedBlock();
            part.id = UUID.randomUUID();
            part.batchId = batchId;
            part.attempt = attempt;
            part.personId = person.id;
            part.metric = key.metric();
            part.stage = key.stage();
            part.source = key.source();
            part.utcDay = java.time.LocalDate.ofEpochDay(key.epochDay());
            part.count = block.getValue().size();
            part.samples = block.getValue().packed();
            parts.add(part);
        }
        return parts;
    }
}
