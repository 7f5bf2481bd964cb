package app.wellkeep.ingest;

import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ImportException.Problem;

/**
 * A JSON file streamed through {@link SafeJson} whose entries (the items of an array: a day, a night, a data point)
 * are each read as a small tree. The file as a whole is never held in memory, but an entry is, so no entry may take
 * more than {@link #MAX_ENTRY_BYTES} of the file.
 */
public final class JsonEntries implements Closeable {

    /** Far larger than any real entry (a night's sleep log is a few kilobytes); a larger one is garbage or an attack. */
    public static final int MAX_ENTRY_BYTES = 1 << 20;

    /** Reads one object entry of an array, numbered from 1. */
    public interface Entry {

        void entry(JsonNode entry, long position);
    }

    private final EntryBytes bytes;
    private final JsonParser parser;

    private JsonEntries(EntryBytes bytes) throws IOException {
        this.bytes = bytes;
        this.parser = SafeJson.open(bytes);
    }

    /** A file to walk with {@link #parser()} up to an array of entries, which {@link #objects} then reads. */
    public static JsonEntries open(InputStream in) throws IOException {
        return new JsonEntries(new EntryBytes(in));
    }

    /**
     * Reads a file that is one array of entries: each entry that is an object goes to {@code entry}, any other is
     * rejected as "{@code noun} is not an object". Throws {@link ImportException} for a file that cannot be read;
     * {@code what} names the export ("Fitbit") where the file is no array.
     */
    public static void array(InputStream in, String what, String noun, ReadingSink sink, Entry entry) {
        try (JsonEntries entries = open(in)) {
            JsonParser parser = entries.parser();
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new ImportException(Problem.EMPTY, "no JSON value");
            }
            if (token != JsonToken.START_ARRAY) {
                throw new ImportException(Problem.UNSUPPORTED_FORMAT, "not an array of " + what + " entries");
            }
            entries.objects("the array", noun, sink, entry);
            if (parser.nextToken() != null) {
                throw new ImportException(Problem.MALFORMED, "content after the array");
            }
        } catch (IOException e) {
            throw SafeJson.problem(e);
        }
    }

    public JsonParser parser() {
        return parser;
    }

    /**
     * Reads the entries of the array the parser stands at the start of, to its end, numbering them from 1: objects go
     * to {@code entry}, others are rejected as "{@code noun} is not an object". {@code where} names the array for a
     * file that ends inside it.
     */
    public void objects(String where, String noun, ReadingSink sink, Entry entry) throws IOException {
        long position = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new ImportException(Problem.TRUNCATED, "ends inside " + where);
            }
            bytes.startEntry();
            JsonNode node = SafeJson.MAPPER.readTree(parser);
            bytes.endEntry();
            position++;
            if (node == null || !node.isObject()) {
                sink.rejected(position, Rejection.INVALID_FIELD, noun + " is not an object");
            } else {
                entry.entry(node, position);
            }
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Counts the bytes the parser takes, so that no entry read as a tree is larger than {@link #MAX_ENTRY_BYTES}. */
    private static final class EntryBytes extends FilterInputStream {

        private long count;
        private long limit = Long.MAX_VALUE;

        EntryBytes(InputStream in) {
            super(in);
        }

        void startEntry() {
            limit = count + MAX_ENTRY_BYTES;
        }

        void endEntry() {
            limit = Long.MAX_VALUE;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                counted(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) throws IOException {
            count += n;
            if (count > limit) {
                throw new ImportException.Carrier(new ImportException(Problem.MALFORMED,
                        "an entry larger than " + MAX_ENTRY_BYTES + " bytes"));
            }
        }
    }
}
