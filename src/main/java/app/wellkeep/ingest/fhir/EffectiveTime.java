package app.wellkeep.ingest.fhir;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

import app.wellkeep.ingest.Rejection;

/**
 * Reads {@code Observation.effective[x]} into a {@link Span}. The text as written is parsed here rather than taken
 * from HAPI's {@code Date}, which drops the offset the source recorded ({@code -05:00} must stay -18000 seconds).
 * <ul>
 * <li>{@code effectiveDateTime} / {@code effectiveInstant} with a time: a moment. FHIR requires an offset with a
 * time; one written without it is taken as local time in the importing person's zone rather than refused.</li>
 * <li>{@code effectiveDateTime} with a date only ({@code 2024-10-25}): the whole local day in the person's zone for
 * metrics that add up over a day (steps, distance, energy, sleep), since "10,000 steps on that day" is what such a
 * record says; refused as {@link Rejection#BAD_TIME} for measurements, which happen at a moment a date does not
 * give. A year or a month alone is too coarse for anything.</li>
 * <li>{@code effectivePeriod}: from its start to its end; a bound written as a date covers that whole day (FHIR's
 * reading of a period's end); no end means a moment at the start (or the start's day for a date).</li>
 * <li>{@code effectiveTiming}: a schedule, not a time a value was measured at: refused.</li>
 * </ul>
 */
final class EffectiveTime {

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern COARSE = Pattern.compile("\\d{4}(-\\d{2})?");

    private EffectiveTime() {
    }

    /** One bound as written: where it starts, where the day or moment it names ends, and its offset. */
    private record Point(Instant start, Instant end, int offset, boolean dateOnly) {
    }

    static Span of(Type effective, boolean dailySum, ZoneId zone) throws Unreadable {
        if (effective == null || effective.isEmpty()) {
            throw new Unreadable(Rejection.MISSING_FIELD, "no effective time");
        }
        if (effective instanceof DateTimeType dateTime) {
            Point point = point(dateTime.getValueAsString(), zone, "effectiveDateTime");
            if (point.dateOnly() && !dailySum) {
                throw new Unreadable(Rejection.BAD_TIME, "effectiveDateTime is a date without a time");
            }
            return new Span(point.start(), point.dateOnly() ? point.end() : point.start(), point.offset());
        }
        if (effective instanceof InstantType instant) {
            Point point = point(instant.getValueAsString(), zone, "effectiveInstant");
            if (point.dateOnly()) {
                throw new Unreadable(Rejection.BAD_TIME, "effectiveInstant without a time");
            }
            return new Span(point.start(), point.start(), point.offset());
        }
        if (effective instanceof Period period) {
            if (!period.getStartElement().hasValue()) {
                throw new Unreadable(Rejection.MISSING_FIELD, "effectivePeriod without a start");
            }
            Point start = point(period.getStartElement().getValueAsString(), zone, "effectivePeriod.start");
            Instant end;
            if (period.getEndElement().hasValue()) {
                Point last = point(period.getEndElement().getValueAsString(), zone, "effectivePeriod.end");
                end = last.dateOnly() ? last.end() : last.start();
            } else {
                end = start.dateOnly() ? start.end() : start.start();
            }
            if (end.isBefore(start.start())) {
                throw new Unreadable(Rejection.BAD_INTERVAL, "effectivePeriod ends before it starts");
            }
            return new Span(start.start(), end, start.offset());
        }
        throw new Unreadable(Rejection.BAD_TIME, "effective[x] of type " + effective.fhirType() + " is no time");
    }

    private static Point point(String text, ZoneId zone, String field) throws Unreadable {
        if (text == null || text.isBlank()) {
            throw new Unreadable(Rejection.MISSING_FIELD, field + " without a value");
        }
        String value = text.strip();
        try {
            if (DATE.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                ZonedDateTime start = day.atStartOfDay(zone);
                return new Point(start.toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant(),
                        start.getOffset().getTotalSeconds(), true);
            }
            if (COARSE.matcher(value).matches()) {
                throw new Unreadable(Rejection.BAD_TIME, field + " less precise than a day");
            }
            if (hasOffset(value)) {
                OffsetDateTime moment = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                return new Point(moment.toInstant(), moment.toInstant(), moment.getOffset().getTotalSeconds(), false);
            }
            ZonedDateTime local = LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone);
            return new Point(local.toInstant(), local.toInstant(), local.getOffset().getTotalSeconds(), false);
        } catch (DateTimeException e) {
            throw new Unreadable(Rejection.BAD_TIME, field + " is not a FHIR dateTime");
        }
    }

    /** Whether the time part ends in {@code Z} or {@code +hh:mm}/{@code -hh:mm}. */
    private static boolean hasOffset(String value) {
        int time = value.indexOf('T');
        return time >= 0 && (value.endsWith("Z") || value.indexOf('+', time) > 0
                || value.indexOf('-', time) > 0);
    }
}
