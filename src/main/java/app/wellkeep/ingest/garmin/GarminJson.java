package app.wellkeep.ingest.garmin;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.JsonEntries;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;

/**
 * What the JSON files of a Garmin "Export Your Data" archive share: one array of small per-day entries, times written
 * as {@code "2024-01-14T22:41:00.0"} (a local date and time, in UTC for the fields named {@code ...Gmt}).
 */
final class GarminJson {

    static final String SOURCE = "Garmin";

    private GarminJson() {
    }

    /**
     * Streams the file's array, each entry read as a small tree: objects go to {@code entry}, any other entry is
     * rejected as "{@code noun} is not an object".
     */
    static void entries(InputStream in, String noun, ReadingSink sink, JsonEntries.Entry entry) {
        JsonEntries.array(in, "Garmin", noun, sink, entry);
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

    /**
     * The offset of a moment written in GMT and, where the file has it, in local time: local minus GMT, or null when
     * that is no offset there can be; without a local time, the offset of {@code zone} then.
     */
    static ZoneOffset offset(LocalDateTime local, LocalDateTime gmt, ZoneId zone) {
        if (local == null) {
            return zone.getRules().getOffset(gmt.toInstant(ZoneOffset.UTC));
        }
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
}
