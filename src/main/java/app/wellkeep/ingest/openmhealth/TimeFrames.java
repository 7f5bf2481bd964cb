package app.wellkeep.ingest.openmhealth;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.Rejection;

/**
 * Reads Open mHealth time frames: {@code {"date_time": ...}} or {@code {"time_interval": ...}}, the interval given
 * by start and end, start and duration, end and duration, or (omh schemas only, not IEEE 1752.1 ones) a date and a
 * part of the day. Date-times are RFC 3339 with an offset, which is kept.
 * <p>
 * A date and a part of the day are local times, resolved in the importing person's zone: morning is 06:00 to
 * 12:00, afternoon 12:00 to 18:00, evening 18:00 to 22:00 and night 22:00 to 06:00 of the next day. The schemas
 * define no hours for them; these are the usual ones.
 */
final class TimeFrames {

    private TimeFrames() {
    }

    /** RFC 3339 section 5.6, as JSON Schema's "date-time" format: a date, a time and an offset. */
    private static final Pattern DATE_TIME = Pattern
            .compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");
    private static final Pattern FULL_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /** Longer than any reading: the arithmetic stays far from the ends of time. */
    private static final double MAX_DURATION_SECONDS = 1000 * 366 * 86_400.0;

    /**
     * The time frame {@code frame}. {@code intervalOnly}: the schema requires a time interval; {@code ieee}: the
     * schema uses IEEE 1752.1's time interval, which has no date and part of the day.
     */
    static TimeFrame read(JsonNode frame, boolean intervalOnly, boolean ieee, ZoneId zone) {
        if (!frame.isObject()) {
            throw EntryRejected.invalid("effective_time_frame is not an object");
        }
        boolean moment = frame.has("date_time");
        boolean interval = frame.has("time_interval");
        if (moment && interval) {
            throw EntryRejected.invalid("effective_time_frame has both a date_time and a time_interval");
        }
        if (!moment && !interval) {
            throw EntryRejected.missing("date_time or time_interval in effective_time_frame");
        }
        if (moment) {
            if (intervalOnly) {
                throw EntryRejected.invalid("effective_time_frame must be a time_interval for this schema");
            }
            return TimeFrame.at(dateTime(frame, "date_time"));
        }
        return interval(frame.get("time_interval"), ieee, zone);
    }

    private static TimeFrame interval(JsonNode interval, boolean ieee, ZoneId zone) {
        if (!interval.isObject()) {
            throw EntryRejected.invalid("time_interval is not an object");
        }
        boolean start = interval.has("start_date_time");
        boolean end = interval.has("end_date_time");
        boolean duration = interval.has("duration");
        boolean partOfDay = interval.has("date") && interval.has("part_of_day");
        int forms = (start && duration ? 1 : 0) + (end && duration ? 1 : 0) + (start && end ? 1 : 0)
                + (partOfDay && !ieee ? 1 : 0);
        if (forms == 0 && ieee && (interval.has("date") || interval.has("part_of_day"))) {
            throw EntryRejected.invalid("an IEEE 1752.1 time_interval has no date and part_of_day");
        }
        if (forms == 0) {
            throw EntryRejected.missing("start and end, start or end and duration, or date and part_of_day in "
                    + "time_interval");
        }
        if (forms > 1) {
            throw EntryRejected.invalid("time_interval is given in more than one way");
        }
        try {
            if (start && end) {
                OffsetDateTime from = dateTime(interval, "start_date_time");
                OffsetDateTime to = dateTime(interval, "end_date_time");
                return ordered(from.toInstant(), to.toInstant(), from.getOffset().getTotalSeconds());
            }
            if (duration) {
                Duration length = duration(interval);
                if (start) {
                    OffsetDateTime from = dateTime(interval, "start_date_time");
                    return ordered(from.toInstant(), from.toInstant().plus(length),
                            from.getOffset().getTotalSeconds());
                }
                OffsetDateTime to = dateTime(interval, "end_date_time");
                return ordered(to.toInstant().minus(length), to.toInstant(), to.getOffset().getTotalSeconds());
            }
            return partOfDay(interval, zone);
        } catch (DateTimeException | ArithmeticException e) {
            throw new EntryRejected(Rejection.BAD_INTERVAL, "time_interval reaches beyond the supported dates");
        }
    }

    private static TimeFrame ordered(Instant start, Instant end, int offsetSeconds) {
        if (end.isBefore(start)) {
            throw new EntryRejected(Rejection.BAD_INTERVAL, "time_interval ends before it starts");
        }
        return new TimeFrame(start, end, offsetSeconds);
    }

    private static Duration duration(JsonNode interval) {
        UnitValue duration = UnitValue.read(interval, "duration", OmhUnits.DURATION, true);
        double seconds = OmhUnits.seconds(duration.value(), duration.unit());
        if (seconds < 0) {
            throw new EntryRejected(Rejection.BAD_INTERVAL, "time_interval has a negative duration");
        }
        if (seconds > MAX_DURATION_SECONDS) {
            throw new EntryRejected(Rejection.BAD_INTERVAL, "time_interval lasts longer than a reading can");
        }
        long whole = (long) Math.floor(seconds);
        long nanos = Math.min(999_999_999L, Math.round((seconds - whole) * 1e9));
        return Duration.ofSeconds(whole, nanos);
    }

    private static TimeFrame partOfDay(JsonNode interval, ZoneId zone) {
        JsonNode date = interval.get("date");
        if (!date.isTextual() || !FULL_DATE.matcher(date.textValue()).matches()) {
            throw new EntryRejected(Rejection.BAD_TIME, "date in time_interval is not a full date");
        }
        LocalDate day;
        try {
            day = LocalDate.parse(date.textValue());
        } catch (DateTimeException e) {
            throw new EntryRejected(Rejection.BAD_TIME, "date in time_interval is not a calendar date");
        }
        JsonNode part = interval.get("part_of_day");
        if (!part.isTextual() || !Vocabulary.PART_OF_DAY.contains(part.textValue())) {
            throw EntryRejected.invalid("part_of_day is not morning, afternoon, evening or night");
        }
        ZonedDateTime from;
        ZonedDateTime to;
        switch (part.textValue()) {
            case "morning" -> {
                from = ZonedDateTime.of(day, LocalTime.of(6, 0), zone);
                to = ZonedDateTime.of(day, LocalTime.NOON, zone);
            }
            case "afternoon" -> {
                from = ZonedDateTime.of(day, LocalTime.NOON, zone);
                to = ZonedDateTime.of(day, LocalTime.of(18, 0), zone);
            }
            case "evening" -> {
                from = ZonedDateTime.of(day, LocalTime.of(18, 0), zone);
                to = ZonedDateTime.of(day, LocalTime.of(22, 0), zone);
            }
            default -> {
                from = ZonedDateTime.of(day, LocalTime.of(22, 0), zone);
                to = ZonedDateTime.of(day.plusDays(1), LocalTime.of(6, 0), zone);
            }
        }
        return new TimeFrame(from.toInstant(), to.toInstant(), from.getOffset().getTotalSeconds());
    }

    /** The RFC 3339 date-time in {@code field}, which must be present. */
    static OffsetDateTime dateTime(JsonNode parent, String field) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw EntryRejected.missing(field);
        }
        if (!node.isTextual() || !DATE_TIME.matcher(node.textValue()).matches()) {
            throw new EntryRejected(Rejection.BAD_TIME, field + " is not an RFC 3339 date-time with an offset");
        }
        try {
            return OffsetDateTime.parse(node.textValue().toUpperCase(Locale.ROOT));
        } catch (DateTimeException e) {
            throw new EntryRejected(Rejection.BAD_TIME, field + " is not a valid date-time");
        }
    }
}
