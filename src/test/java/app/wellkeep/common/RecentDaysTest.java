package app.wellkeep.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecentDaysTest {

    static final LocalDate LAST = LocalDate.of(2026, 3, 1);

    @Test
    void theSetOfAMaskHoldsItsMarkedDaysAndNoOthers() {
        List<LocalDate> marked = List.of(LAST, LAST.minusDays(1), LAST.minusDays(28), LAST.minusDays(62));
        Set<LocalDate> days = RecentDays.asSet(LAST, RecentDays.of(LAST, marked));
        assertEquals(4, days.size());
        assertEquals(marked, new ArrayList<>(days), "latest first");
        assertEquals(new HashSet<>(marked), days);
        assertEquals(days, new HashSet<>(marked));
        assertTrue(days.contains(LAST.minusDays(28)));
        assertFalse(days.contains(LAST.minusDays(2)));
        assertFalse(days.contains(LAST.plusDays(1)), "after the latest");
        assertFalse(days.contains(LAST.minusDays(63)), "before what a mask keeps");
        assertFalse(days.contains("2026-03-01"));
    }

    @Test
    void bitsPastTheDaysAMaskKeepsAreNotDays() {
        Set<LocalDate> days = RecentDays.asSet(LAST, -1L);
        assertEquals(RecentDays.DAYS, days.size());
        assertTrue(RecentDays.asSet(LAST, 0).isEmpty());
        Iterator<LocalDate> none = RecentDays.asSet(LAST, 0).iterator();
        assertThrows(java.util.NoSuchElementException.class, none::next);
        assertThrows(UnsupportedOperationException.class, () -> days.add(LAST));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4})
    void countsAndTheLatestAreThoseOfTheMarkedDays(long seed) {
        Random random = new Random(seed);
        for (int round = 0; round < 2_000; round++) {
            long mask = random.nextLong();
            Set<LocalDate> marked = new HashSet<>(RecentDays.asSet(LAST, mask));
            // Days from well before what a mask keeps to well after the latest, in either order.
            LocalDate from = LAST.plusDays(random.nextInt(160) - 110);
            LocalDate to = from.plusDays(random.nextInt(90) - 5);
            int expected = 0;
            for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
                expected += marked.contains(day) ? 1 : 0;
            }
            assertEquals(expected, RecentDays.count(LAST, mask, from, to), from + " to " + to);
            Optional<LocalDate> latest = marked.stream().filter(d -> !d.isAfter(to)).max(LocalDate::compareTo);
            assertEquals(latest, RecentDays.latest(LAST, mask, to), "on or before " + to);
        }
    }

    @Test
    void theEdgesOfAMask() {
        long all = -1L;
        assertEquals(RecentDays.DAYS, RecentDays.count(LAST, all, LAST.minusDays(500), LAST.plusDays(500)));
        assertEquals(1, RecentDays.count(LAST, all, LAST.minusDays(62), LAST.minusDays(62)), "the oldest day");
        assertEquals(0, RecentDays.count(LAST, all, LAST.minusDays(63), LAST.minusDays(63)), "beyond the oldest");
        assertEquals(0, RecentDays.count(LAST, all, LAST.plusDays(1), LAST.plusDays(9)), "after the latest");
        assertEquals(0, RecentDays.count(LAST, all, LAST, LAST.minusDays(1)), "an empty period");
        assertEquals(Optional.of(LAST.minusDays(62)), RecentDays.latest(LAST, all, LAST.minusDays(62)));
        assertEquals(Optional.empty(), RecentDays.latest(LAST, all, LAST.minusDays(63)));
        // 64 and 127 days back would wrap to 0 and 63 as shift distances.
        assertEquals(Optional.empty(), RecentDays.latest(LAST, all, LAST.minusDays(64)));
        assertEquals(Optional.empty(), RecentDays.latest(LAST, all, LAST.minusDays(127)));
        assertEquals(Optional.of(LAST), RecentDays.latest(LAST, all, LAST.plusDays(64)));
    }
}
