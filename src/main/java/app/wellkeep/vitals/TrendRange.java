package app.wellkeep.vitals;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The days a trend page or the API shows: the last 7, 30, 90 or 365 days up to today in the person's zone, or a
 * custom from–to of at most {@link TrendService#MAX_YEARS} years.
 */
public record TrendRange(LocalDate from, LocalDate to, int preset) {

    public static final List<Integer> PRESETS = List.of(7, 30, 90, 365);
    public static final int DEFAULT_DAYS = 30;

    /** Input that names no valid range; {@code key} is the message key of the reason. */
    public static class Invalid extends RuntimeException {

        private final String key;

        Invalid(String key) {
            super(key, null, false, false);
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public static TrendRange last(int days, LocalDate today) {
        return new TrendRange(today.minusDays(days - 1L), today, days);
    }

    /** Reads the query; throws {@link Invalid} for anything but a preset or two dates in order, close enough. */
    public static TrendRange parse(String range, String from, String to, LocalDate today) {
        boolean custom = from != null && !from.isBlank() || to != null && !to.isBlank();
        if (custom) {
            if (from == null || from.isBlank() || to == null || to.isBlank()) {
                throw new Invalid("rangeNeedsBoth");
            }
            LocalDate start = date(from);
            LocalDate end = date(to);
            if (start.isAfter(end)) {
                throw new Invalid("rangeFromAfterTo");
            }
            if (end.isAfter(start.plusYears(TrendService.MAX_YEARS))) {
                throw new Invalid("rangeTooLong");
            }
            return new TrendRange(start, end, 0);
        }
        if (range == null || range.isBlank()) {
            return last(DEFAULT_DAYS, today);
        }
        try {
            int days = Integer.parseInt(range.strip());
            if (PRESETS.contains(days)) {
                return last(days, today);
            }
        } catch (NumberFormatException e) {
            // Falls through to the same answer as an unknown number of days.
        }
        throw new Invalid("rangeUnknown");
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Invalid("rangeBadDate");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
