package app.wellkeep.common;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * A stream cut into chunks of a fixed size, each handed on as soon as it is full and the last one on
 * {@link #close()}: a file of any size is stored a chunk at a time, each in a short transaction of its own, and never
 * held whole in memory. {@link #flush()} hands on nothing, so that every chunk but the last has the full size.
 */
public final class ChunkedOutputStream extends OutputStream {

    /** Where the chunks go, numbered from 0; a failure stops the stream. */
    @FunctionalInterface
    public interface Chunks {

        void store(int seq, byte[] data) throws IOException;
    }

    private enum State {
        OPEN, CLOSED, DISCARDED
    }

    private final int chunkSize;
    private final Chunks chunks;
    private byte[] buffer;
    private int filled;
    private int seq;
    private long size;
    private State state = State.OPEN;

    public ChunkedOutputStream(int chunkSize, Chunks chunks) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("Chunk size " + chunkSize);
        }
        this.chunkSize = chunkSize;
        this.chunks = chunks;
        this.buffer = new byte[chunkSize];
    }

    @Override
    public void write(int b) throws IOException {
        if (writable()) {
            buffer[filled++] = (byte) b;
            size++;
            if (filled == chunkSize) {
                handOn();
            }
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (!writable()) {
            return;
        }
        while (len > 0) {
            int n = Math.min(len, chunkSize - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            size += n;
            off += n;
            len -= n;
            if (filled == chunkSize) {
                handOn();
            }
        }
    }

    /** Stores the last chunk, if any; closing again does nothing. */
    @Override
    public void close() throws IOException {
        if (state != State.OPEN) {
            return;
        }
        state = State.CLOSED;
        if (filled > 0) {
            byte[] last = Arrays.copyOf(buffer, filled);
            buffer = null;
            chunks.store(seq++, last);
        }
    }

    /**
     * Drops what waits to be stored and ignores whatever comes after, so that closing the streams stacked on this one
     * after a failure (to release their resources) stores nothing more.
     */
    public void discard() {
        state = State.DISCARDED;
        buffer = null;
        filled = 0;
    }

    /** How many bytes were written so far: the file's length once closed. */
    public long size() {
        return size;
    }

    /** How many chunks were handed on so far. */
    public int chunks() {
        return seq;
    }

    private boolean writable() throws IOException {
        if (state == State.CLOSED) {
            throw new IOException("Stream closed");
        }
        return state == State.OPEN;
    }

    private void handOn() throws IOException {
        byte[] full = buffer;
        // A fresh buffer rather than a copy: the store may keep the array it was given.
        buffer = new byte[chunkSize];
        filled = 0;
        chunks.store(seq++, full);
    }
}
