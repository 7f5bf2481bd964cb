package app.wellkeep.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A file stored in chunks, read back as one stream a chunk at a time: only the chunk being read is in memory. The
 * chunks are asked for by number from 0 until there is none ({@code null}).
 */
public final class ChunkedInputStream extends InputStream {

    private final IntFunction<byte[]> chunks;
    private int seq;
    private byte[] current = new byte[0];
    private int at;
    private boolean ended;

    public ChunkedInputStream(IntFunction<byte[]> chunks) {
        this.chunks = chunks;
    }

    @Override
    public int read() {
        return fill() ? current[at++] & 0xFF : -1;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, current.length - at);
        System.arraycopy(current, at, b, off, n);
        at += n;
        return n;
    }

    @Override
    public int available() {
        return current.length - at;
    }

    @Override
    public void close() throws IOException {
        ended = true;
        current = new byte[0];
        at = 0;
    }

    private boolean fill() {
        while (!ended && at == current.length) {
            byte[] next = chunks.apply(seq++);
            if (next == null) {
                ended = true;
            } else {
                current = next;
                at = 0;
            }
        }
        return at < current.length;
    }
}
