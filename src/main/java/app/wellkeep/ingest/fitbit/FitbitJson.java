package app.wellkeep.ingest.fitbit;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.JsonEntries;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;

/**
 * What the JSON files of a Fitbit account archive share: each is one array of small entries, named
 * {@code <kind>-YYYY-MM-DD.json} after the first day it holds, with US-style dates ("01/15/24 00:00:05").
 */
final class FitbitJson {

    static final String SOURCE = "Fitbit";

    /** "MM/dd/yy HH:mm:ss", the two-digit year in 2000-2099. */
    private static final DateTimeFormatter US_DATE_TIME = DateTimeFormatter.ofPattern("MM/dd/uu HH:mm:ss", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter US_DATE = DateTimeFormatter.ofPattern("MM/dd/uu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private FitbitJson() {
    }

    /** The name of a file of one kind: {@code <kind>-YYYY-MM-DD.json}, after the first day it holds. */
    static Pattern fileName(String kind) {
        return Pattern.compile(Pattern.quote(kind) + "-\\d{4}-\\d{2}-\\d{2}\\.json");
    }

    /**
     * Streams the file's array, each entry read as a small tree: objects go to {@code entry}, any other entry is
     * rejected as "{@code noun} is not an object".
     */
    static void entries(InputStream in, String noun, ReadingSink sink, JsonEntries.Entry entry) {
        JsonEntries.array(in, "Fitbit", noun, sink, entry);
    }

    /** The entry's {@code dateTime} ("MM/dd/yy HH:mm:ss", UTC), or null after rejecting the entry. */
    static Instant utcDateTime(JsonNode entry, long position, ReadingSink sink) {
        LocalDateTime utc = usDateTime(entry, "dateTime");
        if (utc == null) {
            sink.rejected(position, entry.has("dateTime") ? Rejection.BAD_TIME : Rejection.MISSING_FIELD,
                    "dateTime is not MM/dd/yy HH:mm:ss");
            return null;
        }
        return utc.toInstant(ZoneOffset.UTC);
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

    /** A JSON number (not a string of one), or null when it is none. */
    static Double jsonNumber(JsonNode node) {
        return node != null && node.isNumber() ? number(node) : null;
    }

    /**
     * {@code node}, the field {@code name} of an entry, as {@code read} reads a number ({@link #number} or
     * {@link #jsonNumber}); null after rejecting the entry: a missing field when absent or null, else an invalid one.
     */
    static Double required(JsonNode node, String name, Function<JsonNode, Double> read, long position,
            ReadingSink sink) {
        if (node == null || node.isNull()) {
            sink.rejected(position, Rejection.MISSING_FIELD, "no " + name);
            return null;
        }
        Double value = read.apply(node);
        if (value == null) {
            sink.rejected(position, Rejection.INVALID_FIELD, name + " is not a number");
        }
        return value;
    }
}
