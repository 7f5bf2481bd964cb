package app.wellkeep.common;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

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

    /**
     * How many of the days from {@code from} to {@code to} (both included) are marked, as a bit count of the mask: only
     * the {@value #DAYS} days up to {@code last} can be.
     */
    public static int count(LocalDate last, long mask, LocalDate from, LocalDate to) {
        long latest = last.toEpochDay();
        long nearest = Math.max(0, latest - to.toEpochDay());
        long farthest = Math.min(DAYS - 1L, latest - from.toEpochDay());
        if (nearest > farthest) {
            return 0;
        }
        // Bits nearest..farthest: the bits up to farthest, less those below nearest.
        return Long.bitCount(mask & (ALL >>> (DAYS - 1 - farthest)) & (-1L << nearest));
    }

    /** The latest marked day on or before {@code day}, if the mask covers one. */
    public static Optional<LocalDate> latest(LocalDate last, long mask, LocalDate day) {
        long nearest = Math.max(0, last.toEpochDay() - day.toEpochDay());
        // Checked before shifting: Java shifts by the distance modulo 64.
        long marked = nearest >= DAYS ? 0 : mask & ALL & (-1L << nearest);
        return marked == 0 ? Optional.empty() : Optional.of(last.minusDays(Long.numberOfTrailingZeros(marked)));
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

    /**
     * The marked days seen from {@code last} as a read-only set, read from the mask itself: a page of a thousand
     * patients asks only how many days each has, which is a bit count.
     */
    public static Set<LocalDate> asSet(LocalDate last, long mask) {
        return new MarkedDays(last, mask & ALL);
    }

    private static final long ALL = (1L << DAYS) - 1;

    private static final class MarkedDays extends AbstractSet<LocalDate> {

        private final LocalDate last;
        private final long mask;

        MarkedDays(LocalDate last, long mask) {
            this.last = last;
            this.mask = mask;
        }

        @Override
        public int size() {
            return Long.bitCount(mask);
        }

        @Override
        public boolean contains(Object o) {
            return o instanceof LocalDate day && has(last, mask, day);
        }

        @Override
        public Iterator<LocalDate> iterator() {
            return new Iterator<>() {

                private long left = mask;

                @Override
                public boolean hasNext() {
                    return left != 0;
                }

                @Override
                public LocalDate next() {
                    if (left == 0) {
                        throw new NoSuchElementException();
                    }
                    int back = Long.numberOfTrailingZeros(left);
                    left &= left - 1;
                    return last.minusDays(back);
                }
            };
        }
    }
}
