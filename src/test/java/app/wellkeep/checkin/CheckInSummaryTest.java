package app.wellkeep.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import app.wellkeep.checkin.CheckInService.SharedCompliance;
import app.wellkeep.common.RecentDays;

/**
 * The roster's check-in figures read from a {@link CheckInSummary} equal those counted from the check-ins
 * themselves, for any pattern of days, any window and a today a little before or long after the latest check-in.
 */
class CheckInSummaryTest {

    static final LocalDate LAST = LocalDate.of(2026, 3, 29); // the day before a daylight-saving change in Europe

    @Test
    void bitsMarkTheDaysUpToTheLatest() {
        long days = RecentDays.of(LAST, List.of(LAST, LAST.minusDays(2), LAST.minusDays(62), LAST.minusDays(63)));
        assertTrue(RecentDays.has(LAST, days, LAST));
        assertFalse(RecentDays.has(LAST, days, LAST.minusDays(1)));
        assertTrue(RecentDays.has(LAST, days, LAST.minusDays(2)));
        assertTrue(RecentDays.has(LAST, days, LAST.minusDays(62)), "the oldest day a summary holds");
        assertFalse(RecentDays.has(LAST, days, LAST.minusDays(63)), "beyond what a summary holds");
        assertFalse(RecentDays.has(LAST, days, LAST.plusDays(1)));
        assertEquals(1L | 1L << 2 | 1L << 62, days);
    }

    @Test
    void noCheckInEver() {
        SharedCompliance none = CheckInService.compliance(LAST, null, null, 0);
        assertEquals(Optional.empty(), none.last());
        assertEquals(0, none.done7());
        assertEquals(7, none.days7());
        assertEquals(30, none.days30());
    }

    @Test
    void aWindowStartingTomorrowShowsNothing() {
        SharedCompliance figures = CheckInService.compliance(LAST, LAST.plusDays(1), LAST, 1);
        assertEquals(Optional.empty(), figures.last());
        assertEquals(0, figures.days7());
        assertEquals(Optional.empty(), figures.adherence7());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void figuresEqualThoseCountedFromTheCheckIns(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 500; round++) {
            double rate = random.nextDouble();
            TreeSet<LocalDate> checkIns = new TreeSet<>();
            checkIns.add(LAST);
            for (int back = 1; back < 120; back++) {
                if (random.nextDouble() < rate) {
                    checkIns.add(LAST.minusDays(back));
                }
            }
            // A today from two days before the latest (written a zone ahead) to well after it.
            LocalDate today = LAST.plusDays(random.nextInt(45) - 2);
            LocalDate windowStart = random.nextBoolean() ? null : today.minusDays(random.nextInt(40) - 1);
            long days = RecentDays.of(LAST, new ArrayList<>(checkIns));
            SharedCompliance expected = counted(checkIns, today, windowStart);
            SharedCompliance actual = CheckInService.compliance(today, windowStart, LAST, days);
            assertEquals(expected, actual, "today " + today + ", window from " + windowStart + ", days " + checkIns);
        }
    }

    /** The figures as the roster defines them, counted from every check-in. */
    private static SharedCompliance counted(TreeSet<LocalDate> checkIns, LocalDate today, LocalDate windowStart) {
        // The latest on or before today; a summary holds the 63 days up to the latest, which bounds the search.
        Optional<LocalDate> latest = Optional.ofNullable(checkIns.floor(today))
                .filter(d -> !d.isBefore(LAST.minusDays(62)))
                .filter(d -> windowStart == null || !d.isBefore(windowStart));
        int[] done = new int[2];
        int[] shown = new int[2];
        int[] periods = {7, 30};
        for (int p = 0; p < 2; p++) {
            for (LocalDate day = today.minusDays(periods[p] - 1L); !day.isAfter(today); day = day.plusDays(1)) {
                if (windowStart != null && day.isBefore(windowStart)) {
                    continue;
                }
                shown[p]++;
                if (checkIns.contains(day)) {
                    done[p]++;
                }
            }
        }
        return new SharedCompliance(latest, latest.map(d -> ChronoUnit.DAYS.between(d, today)), done[0], shown[0],
                done[1], shown[1]);
    }
}
