package app.wellkeep.common;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;

/**
 * Which of the {@value #DAYS} days up to a latest day are marked, as one {@code long}: bit {@code i} is the latest
 * day minus {@code i}. The short rows that pages of many patients read (check-in summaries, each metric's latest
 * day) keep their recent days this way.
 */
public final class RecentDays {

    /** The days a mask covers: enough for a 30-day period seen from a month or so either side of the latest. */
    public static final int DAYS = 63;

    private RecentDays() {
    }

    /** Whether {@code day} is marked; answers only for the {@value #DAYS} days up to {@code last}. */
    public static boolean has(LocalDate last, long mask, LocalDate day) {
        long back = ChronoUnit.DAYS.between(day, last);
        return back >= 0 && back < DAYS && (mask & (1L << back)) != 0;
    }

    /** The mask of {@code days} seen from {@code last}; days outside the {@value #DAYS} up to it are left out. */
    public static long of(LocalDate last, Collection<LocalDate> days) {
        long mask = 0;
        for (LocalDate day : days) {
            long back = ChronoUnit.DAYS.between(day, last);
            if (back >= 0 && back < DAYS) {
                mask |= 1L << back;
            }
        }
        return mask;
    }
}
