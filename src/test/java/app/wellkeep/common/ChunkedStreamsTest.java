package app.wellkeep.common;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stream cut into chunks and read back whole, whatever its length against the chunk size. */
class ChunkedStreamsTest {

    static final int CHUNK = 16;

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 15, 16, 17, 32, 33, 1000})
    void whatIsWrittenInChunksReadsBackTheSame(int length) throws IOException {
        byte[] file = new byte[length];
        new Random(length).nextBytes(file);
        List<byte[]> stored = new ArrayList<>();
        ChunkedOutputStream out = new ChunkedOutputStream(CHUNK, (seq, data) -> {
            assertEquals(stored.size(), seq, "chunks come in order");
            stored.add(data);
        });
        // Odd pieces and single bytes: chunk borders fall inside writes.
        for (int at = 0; at < length;) {
            if (at % 3 == 0) {
                out.write(file[at++]);
            } else {
                int n = Math.min(7, length - at);
                out.write(file, at, n);
                at += n;
            }
            out.flush();
        }
        out.close();
        out.close();

        assertEquals(length, out.size());
        assertEquals((length + CHUNK - 1) / CHUNK, stored.size());
        assertEquals(stored.size(), out.chunks());
        for (int i = 0; i < stored.size() - 1; i++) {
            assertEquals(CHUNK, stored.get(i).length, "every chunk but the last is full");
        }
        try (InputStream in = new ChunkedInputStream(seq -> seq < stored.size() ? stored.get(seq) : null)) {
            assertArrayEquals(file, in.readAllBytes());
        }
    }

    @Test
    void emptyChunksAreSkippedWhenReading() throws IOException {
        List<byte[]> stored = List.of(new byte[]{1, 2}, new byte[0], new byte[]{3});
        try (InputStream in = new ChunkedInputStream(seq -> seq < stored.size() ? stored.get(seq) : null)) {
            assertEquals(1, in.read());
            byte[] rest = new byte[8];
            assertEquals(1, in.read(rest, 0, 8), "a read ends at its chunk's end");
            assertEquals(1, in.read(rest, 1, 7));
            assertArrayEquals(new byte[]{2, 3}, Arrays.copyOf(rest, 2));
            assertEquals(-1, in.read());
        }
    }

    @Test
    void aDiscardedStreamStoresNothingMore() throws IOException {
        List<byte[]> stored = new ArrayList<>();
        ChunkedOutputStream out = new ChunkedOutputStream(CHUNK, (seq, data) -> stored.add(data));
        out.write(new byte[CHUNK + 3]);
        out.discard();
        out.write(new byte[CHUNK * 2]);
        out.close();
        assertEquals(1, stored.size(), "only the chunk stored before the failure");
    }

    @Test
    void aClosedStreamRefusesWrites() throws IOException {
        OutputStream out = new ChunkedOutputStream(CHUNK, (seq, data) -> {
        });
        out.close();
        assertThrows(IOException.class, () -> out.write(1));
    }

    @Test
    void aFailingStoreStopsTheWriter() {
        OutputStream out = new ChunkedOutputStream(CHUNK, (seq, data) -> {
            throw new IOException("database gone");
        });
        assertThrows(IOException.class, () -> out.write(new byte[CHUNK]));
    }
}
