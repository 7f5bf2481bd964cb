package app.wellkeep.ingest.apple;

/**
 * Apple Health's dates, {@code 2024-10-25 07:04:44 -0500}, read by position: an export has millions, and a general
 * date parser would take as long as reading the XML around them.
 */
final class AppleDate {

    static final long INVALID = Long.MIN_VALUE;
    private static final int LENGTH = 25;

    private AppleDate() {
    }

    /** Seconds since the epoch, or {@link #INVALID} for anything not in the form, or no real date and time. */
    static long epochSecond(CharSequence s) {
        if (s.length() != LENGTH || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':' || s.charAt(19) != ' '
                || (s.charAt(20) != '+' && s.charAt(20) != '-')) {
            return INVALID;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int offsetHours = digits(s, 21, 2);
        int offsetMinutes = digits(s, 23, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour > 23 || hour < 0
                || minute > 59 || minute < 0 || second > 59 || second < 0 || offsetHours < 0 || offsetHours > 18
                || offsetMinutes < 0 || offsetMinutes > 59) {
            return INVALID;
        }
        int offset = (s.charAt(20) == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        return epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second - offset;
    }

    /** The offset of a date that {@link #epochSecond} accepted, in seconds east of UTC. */
    static int offsetSeconds(CharSequence s) {
        int seconds = digits(s, 21, 2) * 3600 + digits(s, 23, 2) * 60;
        return s.charAt(20) == '-' ? -seconds : seconds;
    }

    private static int digits(CharSequence s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (the civil-from-days inverse, as java.time counts). */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }
}
