package app.wellkeep.ingest.fitbit;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.SafeJson;

/**
 * What the JSON files of a Fitbit account archive share: each is one array of small entries, named
 * {@code <kind>-YYYY-MM-DD.json} after the first day it holds, with US-style dates ("01/15/24 00:00:05").
 */
final class FitbitJson {

    /** Far larger than any real entry (a night's sleep log is a few kilobytes); a larger one is garbage or an attack. */
    static final int MAX_ENTRY_BYTES = 1 << 20;

    static final String SOURCE = "Fitbit";

    /** "MM/dd/yy HH:mm:ss", the two-digit year in 2000-2099. */
    private static final DateTimeFormatter US_DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/uu HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Reads one entry of the array, numbered from 1. */
    interface Entries {

        void entry(JsonNode entry, long position);
    }

    private FitbitJson() {
    }

    /** Whether the file is named {@code <kind>-YYYY-MM-DD.json} and begins as an array with {@code marker} in it. */
    static boolean reads(String fileName, byte[] head, String kind, String marker) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        if (!Pattern.matches(Pattern.quote(kind) + "-\\d{4}-\\d{2}-\\d{2}\\.json", name)) {
            return false;
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).strip();
        if (!text.startsWith("[")) {
            return false;
        }
        return text.contains("\"" + marker + "\"") || text.substring(1).strip().startsWith("]");
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
                throw new ImportException(Problem.UNSUPPORTED_FORMAT, "not an array of Fitbit entries");
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

    /** A "MM/dd/yy HH:mm:ss" field, or null when absent or not such a time. */
    static LocalDateTime usDateTime(JsonNode entry, String field) {
        JsonNode node = entry.get(field);
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDateTime.parse(node.asText().strip(), US_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A "MM/dd/yy" field, or null when absent or not such a date. */
    static LocalDate usDate(JsonNode entry, String field) {
        JsonNode node = entry == null ? null : entry.get(field);
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText().strip(), US_DATE);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A number written as a JSON number or, as the activity files do, as a string; null when it is neither. */
    static Double number(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isNumber()) {
            return Double.isFinite(node.doubleValue()) ? node.doubleValue() : null;
        }
        if (node.isTextual() && Pattern.matches("-?\\d{1,15}(\\.\\d{1,15})?", node.asText().strip())) {
            return Double.parseDouble(node.asText().strip());
        }
        return null;
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
