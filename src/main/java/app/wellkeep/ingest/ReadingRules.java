package app.wellkeep.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SampleService;

/**
 * The rules every reading from outside is held to, whether it came in a file or from a device: a value a person can
 * have, a real interval and offset, a known stage and source, and a date neither in the future nor before any
 * device could have measured it.
 */
public final class ReadingRules {

    /** Readings dated later than this after now are refused: clocks differ a little, not more. */
    public static final Duration CLOCK_SLACK = Duration.ofMinutes(15);
    /** Readings before this are a device's unset clock, not a measurement. */
    public static final Instant EARLIEST = LocalDate.of(1900, 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();

    /** Why a reading is refused, and a short note for the person who sent it. */
    public record Refusal(Rejection reason, String detail) {
    }

    private ReadingRules() {
    }

    /** The latest moment a reading may be dated at, for a check made at {@code now}. */
    public static Instant latest(Instant now) {
        return now.plus(CLOCK_SLACK);
    }

    /** The source's name as stored: trimmed, at most 100 characters. */
    public static String source(String given) {
        String device = given == null ? null : given.strip();
        return device != null && device.length() > 100 ? device.substring(0, 100).strip() : device;
    }

    public static Optional<Refusal> check(Metric metric, Instant start, Instant end, int utcOffset, double value,
            String stage, String source, Instant latest) {
        Optional<String> problem = SampleService.problem(metric, start, end, utcOffset, value, stage, source);
        if (problem.isPresent()) {
            String key = problem.get();
            return Optional.of(new Refusal(reason(key), key.equals("implausible")
                    ? metric.slug() + " " + plain(value) + " is outside " + plain(metric.min()) + " to "
                            + plain(metric.max()) + " " + metric.unit()
                    : key));
        }
        if (end.isAfter(latest)) {
            return Optional.of(new Refusal(Rejection.FUTURE, "dated " + end));
        }
        if (start.isBefore(EARLIEST)) {
            return Optional.of(new Refusal(Rejection.BAD_TIME, "dated " + start));
        }
        return Optional.empty();
    }

    private static String plain(double number) {
        return number == Math.rint(number) && Math.abs(number) < 1e15
                ? Long.toString((long) number)
                : Double.toString(number);
    }

    private static Rejection reason(String problem) {
        return switch (problem) {
            case "implausible" -> Rejection.IMPLAUSIBLE;
            case "badInterval" -> Rejection.BAD_INTERVAL;
            case "badOffset" -> Rejection.BAD_TIME;
            case "badStage" -> Rejection.INVALID_FIELD;
            default -> Rejection.MISSING_FIELD;
        };
    }
}
