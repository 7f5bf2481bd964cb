package app.wellkeep.coach;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * When a patient needs contact, rule by rule, from the facts a coach may see. Pure functions of those facts and the
 * moment, so each boundary is tested without a database.
 * <p>
 * Each finding says when its reason arose; a contact logged at or after the latest of those moments means the
 * patient has been contacted about what they are listed for: no check-in, the day the gap reached the window; an
 * overdue alert, the moment the newest overdue alert reached the window; too few days with data, the first day of
 * the 30 counted (remote-monitoring programmes expect one interactive contact a month).
 */
public final class OutreachRules {

    /** Remote-monitoring programmes count the days with readings over 30 days. */
    public static final int DATA_DAYS = 30;

    /** The windows of a policy. */
    public record Windows(int checkInGapDays, int minDataDays, int alertHours) {

        /** Without a policy of their own: 3 days, the 16-of-30 remote-monitoring rule, 24 hours. */
        public static final Windows DEFAULTS = new Windows(3, 16, 24);
    }

    public enum Reason {
        NO_CHECK_IN, FEW_DATA_DAYS, OPEN_ALERT
    }

    /** A reason to contact: since when it holds, and its figure (days, days with data, alerts). */
    public record Finding(Reason reason, Instant arose, long figure) {
    }

    private OutreachRules() {
    }

    /**
     * No check-in for the window's days or more: counted from the latest check-in the coach may see, or, without
     * one, from the later of the first day shared and the window's first day.
     */
    public static Optional<Finding> checkInGap(LocalDate lastCheckIn, LocalDate countFrom, LocalDate today,
            ZoneId zone, Windows windows) {
        LocalDate from = lastCheckIn != null ? lastCheckIn : countFrom;
        long days = ChronoUnit.DAYS.between(from, today);
        if (days < windows.checkInGapDays()) {
            return Optional.empty();
        }
        Instant arose = from.plusDays(windows.checkInGapDays()).atStartOfDay(zone).toInstant();
        return Optional.of(new Finding(Reason.NO_CHECK_IN, arose, days));
    }

    /** Fewer than the window's days with readings in the last 30 local days, today included. */
    public static Optional<Finding> dataDays(Collection<LocalDate> daysWithData, LocalDate today, ZoneId zone,
            Windows windows) {
        LocalDate first = today.minusDays(DATA_DAYS - 1L);
        long count = daysWithData.stream().filter(d -> !d.isBefore(first) && !d.isAfter(today)).distinct().count();
        if (count >= windows.minDataDays()) {
            return Optional.empty();
        }
        return Optional.of(new Finding(Reason.FEW_DATA_DAYS, first.atStartOfDay(zone).toInstant(), count));
    }

    /** Alerts left unacknowledged for the window's hours or more. */
    public static Optional<Finding> openAlerts(List<Instant> raised, Instant now, Windows windows) {
        Duration window = Duration.ofHours(windows.alertHours());
        List<Instant> overdue = raised.stream().filter(r -> !r.plus(window).isAfter(now)).toList();
        if (overdue.isEmpty()) {
            return Optional.empty();
        }
        Instant arose = overdue.stream().max(Instant::compareTo).orElseThrow().plus(window);
        return Optional.of(new Finding(Reason.OPEN_ALERT, arose, overdue.size()));
    }

    /** Whether the last contact came at or after every reason arose. */
    public static boolean contacted(List<Finding> findings, Instant lastContact) {
        return lastContact != null && !findings.isEmpty()
                && findings.stream().noneMatch(f -> lastContact.isBefore(f.arose()));
    }
}
