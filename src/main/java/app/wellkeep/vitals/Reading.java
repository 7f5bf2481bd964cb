package app.wellkeep.vitals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A stored reading as the rest of the app reads it, wherever it is kept: typed in by hand (a {@link Sample} row) or
 * from a device or an import (inside a {@link SampleBlock}). A device reading's id is derived from its identity, so
 * it is the same id every time it is read, and the two values of one blood-pressure measurement share a reading id.
 */
public record Reading(UUID id, UUID readingId, Metric metric, Instant start, Instant end, int utcOffset, double value,
        String stage, String source, boolean manual) {

    static Reading of(Sample s) {
        return new Reading(s.id, s.readingId, s.metric, s.startAt, s.endAt, s.utcOffset, s.value, s.stage, s.source,
                s.manual);
    }

    static Reading device(UUID personId, Metric metric, String stage, String source, long startMs, long endMs,
            int utcOffset, double value) {
        UUID id = uuid(personId + "|" + metric + "|" + stage + "|" + source + "|" + startMs + "|" + endMs);
        boolean pressure = metric == Metric.SYSTOLIC || metric == Metric.DIASTOLIC;
        UUID readingId = pressure ? uuid(personId + "|blood-pressure|" + source + "|" + startMs + "|" + endMs) : id;
        return new Reading(id, readingId, metric, Instant.ofEpochMilli(startMs), Instant.ofEpochMilli(endMs),
                utcOffset, value, stage, source, false);
    }

    private static UUID uuid(String identity) {
        return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
    }

    /** The day the reading counts toward in a zone: a night counts toward the morning it ends on. */
    public LocalDate day(ZoneId zone) {
        return LocalDate.ofInstant(metric == Metric.SLEEP ? end : start, zone);
    }

    /** When the reading started, as the source's clock showed it. */
    public OffsetDateTime localStart() {
        return start.atOffset(ZoneOffset.ofTotalSeconds(utcOffset));
    }
}
