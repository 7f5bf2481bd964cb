package app.wellkeep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import app.wellkeep.coach.OutreachRules.Finding;
import app.wellkeep.coach.OutreachRules.Reason;
import app.wellkeep.coach.OutreachRules.Windows;

/** Each outreach rule at its boundaries, with the default windows and with a policy's own. */
class OutreachRulesTest {

    static final ZoneId ZONE = ZoneId.of("Europe/London");
    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);
    static final Instant NOW = TODAY.atTime(10, 0).atZone(ZONE).toInstant();
    static final Windows DEFAULTS = Windows.DEFAULTS;

    @Test
    void theDefaultsAreThreeDaysSixteenOfThirtyAndTwentyFourHours() {
        assertEquals(new Windows(3, 16, 24), DEFAULTS);
    }

    @Test
    void aCheckInTwoDaysAgoIsFineThreeDaysAgoCallsForContact() {
        assertTrue(OutreachRules.checkInGap(TODAY.minusDays(2), TODAY.minusDays(60), TODAY, ZONE, DEFAULTS)
                .isEmpty());
        Finding gap = OutreachRules.checkInGap(TODAY.minusDays(3), TODAY.minusDays(60), TODAY, ZONE, DEFAULTS)
                .orElseThrow();
        assertEquals(Reason.NO_CHECK_IN, gap.reason());
        assertEquals(3, gap.figure());
        assertEquals(TODAY.atStartOfDay(ZONE).toInstant(), gap.arose(), "arose the day the gap reached 3");
    }

    @Test
    void withoutAnyCheckInTheGapCountsFromWhenSharingBegan() {
        assertTrue(OutreachRules.checkInGap(null, TODAY.minusDays(2), TODAY, ZONE, DEFAULTS).isEmpty());
        assertEquals(3, OutreachRules.checkInGap(null, TODAY.minusDays(3), TODAY, ZONE, DEFAULTS).orElseThrow()
                .figure());
    }

    @Test
    void aPolicyMovesTheCheckInBoundary() {
        Windows week = new Windows(7, 16, 24);
        assertTrue(OutreachRules.checkInGap(TODAY.minusDays(6), TODAY, TODAY, ZONE, week).isEmpty());
        assertTrue(OutreachRules.checkInGap(TODAY.minusDays(7), TODAY, TODAY, ZONE, week).isPresent());
    }

    @Test
    void fifteenDaysWithDataCallForContactSixteenDoNot() {
        Finding few = OutreachRules.dataDays(days(15), TODAY, ZONE, DEFAULTS).orElseThrow();
        assertEquals(Reason.FEW_DATA_DAYS, few.reason());
        assertEquals(15, few.figure());
        assertTrue(OutreachRules.dataDays(days(16), TODAY, ZONE, DEFAULTS).isEmpty());
    }

    @Test
    void onlyTheLastThirtyDaysTodayIncludedCount() {
        Set<LocalDate> fifteenInside = days(15);
        // The 31st day back and tomorrow are outside the 30 days.
        Set<LocalDate> withOutside = new java.util.HashSet<>(fifteenInside);
        withOutside.add(TODAY.minusDays(30));
        withOutside.add(TODAY.plusDays(1));
        assertEquals(15, OutreachRules.dataDays(withOutside, TODAY, ZONE, DEFAULTS).orElseThrow().figure());
        Set<LocalDate> withFirst = new java.util.HashSet<>(fifteenInside);
        withFirst.add(TODAY.minusDays(29));
        assertTrue(OutreachRules.dataDays(withFirst, TODAY, ZONE, DEFAULTS).isEmpty(), "the 30th day back counts");
    }

    @Test
    void anAlertOpenFor23h59IsNotOverdueFor24hItIs() {
        Instant almost = NOW.minus(Duration.ofHours(24).minusMinutes(1));
        Instant day = NOW.minus(Duration.ofHours(24));
        assertTrue(OutreachRules.openAlerts(List.of(almost), NOW, DEFAULTS).isEmpty());
        Finding overdue = OutreachRules.openAlerts(List.of(almost, day), NOW, DEFAULTS).orElseThrow();
        assertEquals(Reason.OPEN_ALERT, overdue.reason());
        assertEquals(1, overdue.figure(), "only the overdue alert counts");
        assertEquals(NOW, overdue.arose());
    }

    @Test
    void aContactAtOrAfterEveryReasonAroseMeansContacted() {
        Finding gap = OutreachRules.checkInGap(TODAY.minusDays(4), TODAY, TODAY, ZONE, DEFAULTS).orElseThrow();
        Finding alert = OutreachRules.openAlerts(List.of(NOW.minus(Duration.ofHours(30))), NOW, DEFAULTS)
                .orElseThrow();
        List<Finding> both = List.of(gap, alert);
        assertFalse(OutreachRules.contacted(both, null));
        assertFalse(OutreachRules.contacted(both, gap.arose()), "before the alert became overdue");
        assertTrue(OutreachRules.contacted(both, alert.arose()));
        assertFalse(OutreachRules.contacted(List.of(), NOW), "nothing to be contacted about");
    }

    @Test
    void contactedPatientsSortBelowTheOthersThenMostReasonsThenLongestOverdue() {
        OutreachService.Line contacted = line("a", true, 3, 100);
        OutreachService.Line oneOld = line("b", false, 1, 50);
        OutreachService.Line twoNew = line("c", false, 2, 1);
        OutreachService.Line oneNew = line("d", false, 1, 2);
        List<OutreachService.Line> sorted = java.util.stream.Stream.of(contacted, oneNew, oneOld, twoNew)
                .sorted(OutreachService.ORDER).toList();
        assertEquals(List.of("c", "b", "d", "a"), sorted.stream().map(OutreachService.Line::name).toList());
    }

    private static OutreachService.Line line(String name, boolean contacted, int reasons, long overdueHours) {
        List<Reason> list = List.of(Reason.values()).subList(0, reasons);
        return new OutreachService.Line(java.util.UUID.nameUUIDFromBytes(name.getBytes()), name,
                OutreachService.Rule.NOT_SHARED, OutreachService.Rule.NOT_SHARED, OutreachService.Rule.NOT_SHARED, list,
                null, contacted, Duration.ofHours(overdueHours));
    }

    private static Set<LocalDate> days(int count) {
        return IntStream.range(0, count).mapToObj(TODAY::minusDays).collect(Collectors.toSet());
    }
}
