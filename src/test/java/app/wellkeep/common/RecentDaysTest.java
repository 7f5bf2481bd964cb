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
import java.util.Set;

import org.junit.jupiter.api.Test;

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
}
