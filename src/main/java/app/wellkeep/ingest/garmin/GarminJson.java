package app.wellkeep.ingest.garmin;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.SafeJson;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;

/**
 * What the JSON files of a Garmin "Export Your Data" archive share: one array of small per-day entries, times written
 * as {@code "2024-01-14T22:41:00.0"} (a local date and time, in UTC for the fields named {@code ...Gmt}).
 */
final class GarminJson {

    /** Far larger than any real entry (a night's sleep log is a few kilobytes); a larger one is garbage or an attack. */
    static final int MAX_ENTRY_BYTES = 1 << 20;

    static final String SOURCE = "Garmin";

    /** Reads one entry of the array, numbered from 1. */
    interface Entries {

        void entry(JsonNode entry, long position);
    }

    private GarminJson() {
    }

    /** Whether the file has that name and begins as an array with {@code marker} in it (or an empty one). */
    static boolean reads(String fileName, byte[] head, Pattern name, String marker) {
        if (!name.matcher(fileName.substring(fileName.lastIndexOf('/') + 1)).matches()) {
            return false;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).strip();
        return text.startsWith("[")
                && (text.contains("\"" + marker + "\"") || text.substring(1).strip().startsWith("]"));
    }

    /** Streams the file's array, each entry read as a small tree. */
    static void entries(InputStream in, Entries entries) {
        EntryBytes bytes = new EntryBytes(in);
        try (JsonParser parser = SafeJson.open(bytes)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new ImportException(Problem.EMPTY, "no JSON value");
            }
            if (token != JsonToken.START_ARRAY) {
                throw new ImportException(Problem.UNSUPPORTED_FORMAT, "not an array of Garmin entries");
            }
            long position = 0;
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token == null) {
                    throw new ImportException(Problem.TRUNCATED, "ends inside the array");
                }
                bytes.startEntry();
                JsonNode entry = SafeJson.MAPPER.readTree(parser);
                bytes.endEntry();
                entries.entry(entry, ++position);
            }
            if (parser.nextToken() != null) {
                throw new ImportException(Problem.MALFORMED, "content after the array");
            }
        } catch (IOException e) {
            throw problem(e);
        }
    }

    /**
     * A time field as a local date and time ({@code "2024-01-14T22:41:00.0"}), or, as some exports write it, epoch
     * milliseconds, returned as the UTC date and time; null when absent. Throws when present but neither.
     */
    static LocalDateTime time(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long millis = node.longValue();
            if (Math.abs(millis) > 10_000_000_000_000L) {
                throw new IllegalArgumentException("out of range");
            }
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
        }
        if (node.isTextual()) {
            try {
                return LocalDateTime.parse(node.asText().strip().replaceFirst(" ", "T"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not a date and time", e);
            }
        }
        throw new IllegalArgumentException("not a date and time");
    }

    /** The offset between a local and a GMT time of the same moment, or null when it is no offset there can be. */
    static ZoneOffset offset(LocalDateTime local, LocalDateTime gmt) {
        long seconds = Duration.between(gmt, local).getSeconds();
        return Math.abs(seconds) <= 18 * 3600 ? ZoneOffset.ofTotalSeconds((int) seconds) : null;
    }

    /**
     * Reports the numeric field {@code name} of the entry as a reading, converted from {@code unit}; nothing when it is
     * absent or null (Garmin's "not measured"), a rejection when it is not a number.
     */
    static void report(JsonNode entry, String name, Metric metric, String unit, Instant start, Instant end,
            int offset, String stage, long position, ReadingSink sink) {
        JsonNode node = entry.get(name);
        if (node == null || node.isNull()) {
            return;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            sink.rejected(position, Rejection.INVALID_FIELD, name + " is not a number");
            return;
        }
        sink.reading(metric, start, end, offset, Units.toStored(metric, node.doubleValue(), unit).orElseThrow(), stage,
                SOURCE, position);
    }

    /**
     * {@link SafeJson#problem} but for one case it misses: the parser says a file that ends between two entries of an
     * object is malformed ("Unexpected end-of-input within/between Object entries"); it ends early.
     */
    static ImportException problem(IOException e) {
        ImportException problem = SafeJson.problem(e);
        return problem.problem() == Problem.MALFORMED && String.valueOf(e.getMessage()).contains("end-of-input")
                ? new ImportException(Problem.TRUNCATED, "ends early", e)
                : problem;
    }

    /**
     * Counts the bytes the parser takes, so that no entry read as a tree is larger than {@link #MAX_ENTRY_BYTES}: the
     * file as a whole is streamed, but an entry is held in memory whole.
     */
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
