package app.wellkeep.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a reminder is due, across time zones and both daylight-saving changes. */
class ReminderScheduleTest {

    @ParameterizedTest(name = "{0} {1} in {2}")
    @CsvSource({
            // ordinary days
            "2026-06-15, 19:00, Europe/London, 2026-06-15T18:00:00Z",
            "2026-12-15, 19:00, Europe/London, 2026-12-15T19:00:00Z",
            "2026-06-15, 08:30, Asia/Tokyo, 2026-06-14T23:30:00Z",
            "2026-06-15, 19:00, America/Los_Angeles, 2026-06-16T02:00:00Z",
            "2026-06-15, 07:00, Asia/Kolkata, 2026-06-15T01:30:00Z",
            // clocks go forward in London on 29 March 2026: 01:30 does not exist and moves to 02:30 BST
            "2026-03-29, 01:30, Europe/London, 2026-03-29T01:30:00Z",
            "2026-03-28, 19:00, Europe/London, 2026-03-28T19:00:00Z",
            "2026-03-29, 19:00, Europe/London, 2026-03-29T18:00:00Z",
            // clocks go back in New York on 1 November 2026: 01:30 happens twice, the first (EDT) counts
            "2026-11-01, 01:30, America/New_York, 2026-11-01T05:30:00Z",
            "2026-10-31, 19:00, America/New_York, 2026-10-31T23:00:00Z",
            "2026-11-01, 19:00, America/New_York, 2026-11-02T00:00:00Z"})
    void dueAtTheChosenLocalTime(LocalDate day, LocalTime time, ZoneId zone, Instant expected) {
        assertEquals(expected, ReminderService.dueAt(day, time, zone));
    }
}
