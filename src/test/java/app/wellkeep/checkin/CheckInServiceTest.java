package app.wellkeep.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Streaks and the compliance figures a care team reads, at their boundaries. */
class CheckInServiceTest {

    static final LocalDate TODAY = LocalDate.parse("2026-11-22");

    static LocalDate ago(int days) {
        return TODAY.minusDays(days);
    }

    @Test
    void aStreakCountsDaysInARowAndIsNotLostBeforeTheDayEnds() {
        assertEquals(0, CheckInService.streak(Set.of(), TODAY));
        assertEquals(1, CheckInService.streak(Set.of(TODAY), TODAY));
        assertEquals(3, CheckInService.streak(Set.of(TODAY, ago(1), ago(2), ago(4)), TODAY));
        assertEquals(2, CheckInService.streak(Set.of(ago(1), ago(2)), TODAY), "today still open");
        assertEquals(0, CheckInService.streak(Set.of(ago(2), ago(3)), TODAY), "yesterday missed");
    }

    @Test
    void complianceCountsTheLast7And30LocalDaysTodayIncluded() {
        var none = CheckInService.compliance(List.of(), TODAY);
        assertEquals(Optional.empty(), none.daysSinceLast());
        assertEquals(0, none.last7());

        var figures = CheckInService.compliance(List.of(TODAY, ago(6), ago(7), ago(29), ago(30)), TODAY);
        assertEquals(Optional.of(0L), figures.daysSinceLast());
        assertEquals(2, figures.last7(), "today and 6 days ago are inside, 7 days ago is not");
        assertEquals(4, figures.last30(), "29 days ago is inside, 30 days ago is not");

        assertEquals(Optional.of(30L), CheckInService.compliance(List.of(ago(30)), TODAY).daysSinceLast());
        assertEquals(0, CheckInService.compliance(List.of(TODAY.plusDays(1)), TODAY).last7(),
                "future days do not count");
    }
}
