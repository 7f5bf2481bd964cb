package app.wellkeep.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.PersonService;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.vitals.SampleService.NewReading;

/** Recording readings: identity, daily figures in the person's time zone across DST, sources, sleep, corrections. */
@QuarkusTest
class SampleServiceTest {

    @Inject
    SampleService samples;

    @Inject
    PersonService persons;

    private Person person(String zone) {
        Person person = ConsentFixture.person("vitals-" + UUID.randomUUID(), Role.PATIENT);
        QuarkusTransaction.requiringNew().run(() -> persons.changeTimeZone(person.id, ZoneId.of(zone)));
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(person.id));
    }

    private static NewReading at(Metric metric, String instant, double value, String source) {
        return NewReading.at(metric, Instant.parse(instant), 0, value, source, false, null);
    }

    private static Map<LocalDate, DailyRollup> days(Person person, Metric metric) {
        return QuarkusTransaction.requiringNew()
                .call(() -> DailyRollup.<DailyRollup>list("personId = ?1 and metric = ?2", person.id, metric))
                .stream().collect(Collectors.toMap(r -> r.localDate, r -> r));
    }

    @Test
    void theSameReadingTwiceIsOneReading() {
        Person p = person("Europe/London");
        List<NewReading> batch = List.of(at(Metric.HEART_RATE, "2026-05-01T08:00:00Z", 61, "watch"),
                at(Metric.HEART_RATE, "2026-05-01T08:01:00Z", 63, "watch"),
                at(Metric.HEART_RATE, "2026-05-01T08:01:00Z", 63, "watch"));
        assertEquals(2, samples.record(p, batch).added().size(), "a repeat inside one batch counts once");
        var again = samples.record(p, batch);
        assertEquals(0, again.added().size());
        assertEquals(3, again.duplicates());
        assertEquals(2, days(p, Metric.HEART_RATE).get(LocalDate.parse("2026-05-01")).count);
        // The same moment from another source is another reading, kept with its provenance.
        assertEquals(1, samples.record(p, List.of(at(Metric.HEART_RATE, "2026-05-01T08:00:00Z", 62, "chest strap")))
                .added().size());
    }

    @Test
    void theValuesOfADayAreItsReadingsWithoutTheirIds() {
        Person p = person("Europe/London");
        samples.record(p, List.of(at(Metric.HEART_RATE, "2026-05-01T08:00:00Z", 61, "watch"),
                at(Metric.HEART_RATE, "2026-05-01T08:01:00Z", 63, "watch"),
                at(Metric.HEART_RATE, "2026-05-01T08:00:00Z", 62, "chest strap"),
                at(Metric.HEART_RATE, "2026-05-02T08:00:00Z", 90, "watch"),
                NewReading.at(Metric.HEART_RATE, Instant.parse("2026-05-01T09:00:00Z"), 0, 70, "manual", true,
                        null)));
        // An import bringing one of those readings again and a new one.
        ReadingBatch batch = samples.stagedBatch(p, UUID.randomUUID(), 1, 1000);
        batch.add(Metric.HEART_RATE, Instant.parse("2026-05-01T08:01:00Z"), Instant.parse("2026-05-01T08:01:00Z"), 0,
                63, Sample.NO_STAGE, "watch");
        batch.add(Metric.HEART_RATE, Instant.parse("2026-05-01T08:02:00Z"), Instant.parse("2026-05-01T08:02:00Z"), 0,
                65, Sample.NO_STAGE, "watch");
        batch.finishReading();
        QuarkusTransaction.requiringNew().run(() -> samples.publish(batch));

        Instant from = Instant.parse("2026-04-30T23:00:00Z");
        Instant to = Instant.parse("2026-05-01T23:00:00Z");
        List<String> expected = QuarkusTransaction.requiringNew()
                .call(() -> samples.readings(p.id, Metric.HEART_RATE, from, to)).stream()
                .map(r -> r.start().toEpochMilli() + "=" + r.value()).sorted().toList();
        List<String> values = QuarkusTransaction.requiringNew()
                .call(() -> samples.values(p.id, Metric.HEART_RATE, from, to)).stream()
                .map(v -> v.startMs() + "=" + v.value()).sorted().toList();
        assertEquals(5, expected.size(), "the day's readings, the repeat once: " + expected);
        assertEquals(expected, values);
    }

    @Test
    void daysFollowThePersonsZoneThroughTheLongDayOfTheAutumnChange() {
        // New York leaves daylight saving on 1 November 2026: that day has 25 hours.
        Person p = person("America/New_York");
        samples.record(p, List.of(at(Metric.HEART_RATE, "2026-11-01T04:30:00Z", 70, "watch"), // 00:30 EDT
                at(Metric.HEART_RATE, "2026-11-02T04:30:00Z", 90, "watch"), // 23:30 EST, still 1 November
                at(Metric.HEART_RATE, "2026-11-02T05:30:00Z", 50, "watch"))); // 00:30 EST on the 2nd
        Map<LocalDate, DailyRollup> days = days(p, Metric.HEART_RATE);
        DailyRollup first = days.get(LocalDate.parse("2026-11-01"));
        assertEquals(2, first.count);
        assertEquals(70, first.min);
        assertEquals(90, first.max);
        assertEquals(80, first.mean());
        assertEquals(90, first.latest);
        assertEquals(1, days.get(LocalDate.parse("2026-11-02")).count);
    }

    @Test
    void theShortDayOfTheSpringChangeKeepsItsReadings() {
        // London moves to summer time at 01:00 UTC on 29 March 2026: the day has 23 hours.
        Person p = person("Europe/London");
        samples.record(p, List.of(at(Metric.STEPS, "2026-03-29T00:30:00Z", 100, "phone"), // 00:30 GMT
                at(Metric.STEPS, "2026-03-29T22:30:00Z", 200, "phone"), // 23:30 BST
                at(Metric.STEPS, "2026-03-29T23:30:00Z", 400, "phone"))); // 00:30 BST on the 30th
        assertEquals(300, days(p, Metric.STEPS).get(LocalDate.parse("2026-03-29")).total);
        assertEquals(400, days(p, Metric.STEPS).get(LocalDate.parse("2026-03-30")).total);
    }

    @Test
    void movingToAnotherZoneRecountsTheDays() {
        Person p = person("Europe/London");
        samples.record(p, List.of(at(Metric.WEIGHT, "2026-06-10T23:30:00Z", 80, "scale")));
        assertTrue(days(p, Metric.WEIGHT).containsKey(LocalDate.parse("2026-06-11")), "00:30 BST is the 11th");
        QuarkusTransaction.requiringNew().run(() -> persons.changeTimeZone(p.id, ZoneId.of("America/Los_Angeles")));
        Map<LocalDate, DailyRollup> moved = days(p, Metric.WEIGHT);
        assertEquals(List.of(LocalDate.parse("2026-06-10")), List.copyOf(moved.keySet()), "16:30 PDT is the 10th");
    }

    @Test
    void twoDevicesCountingStepsDoNotDoubleTheDay() {
        Person p = person("Europe/London");
        samples.record(p, List.of(at(Metric.STEPS, "2026-05-02T09:00:00Z", 3000, "phone"),
                at(Metric.STEPS, "2026-05-02T15:00:00Z", 2000, "phone"),
                at(Metric.STEPS, "2026-05-02T09:00:00Z", 3500, "watch"),
                at(Metric.STEPS, "2026-05-02T16:00:00Z", 2200, "watch")));
        assertEquals(5700, days(p, Metric.STEPS).get(LocalDate.parse("2026-05-02")).total,
                "the fuller source's total, not 10,700");
    }

    @Test
    void aNightCountsTowardTheMorningItEndsOnByStage() {
        Person p = person("Europe/London");
        samples.record(p, List.of(
                new NewReading(Metric.SLEEP, Instant.parse("2026-05-03T21:30:00Z"),
                        Instant.parse("2026-05-04T00:30:00Z"), 3600, 180, "CORE", "watch", false, null),
                new NewReading(Metric.SLEEP, Instant.parse("2026-05-04T00:30:00Z"),
                        Instant.parse("2026-05-04T02:00:00Z"), 3600, 90, "DEEP", "watch", false, null),
                new NewReading(Metric.SLEEP, Instant.parse("2026-05-04T02:00:00Z"),
                        Instant.parse("2026-05-04T02:20:00Z"), 3600, 20, "AWAKE", "watch", false, null)));
        List<DailyRollup> night = QuarkusTransaction.requiringNew().call(() -> DailyRollup
                .<DailyRollup>list("personId = ?1 and metric = ?2", p.id, Metric.SLEEP));
        Map<String, Double> byStage = night.stream().collect(Collectors.toMap(r -> r.stage, r -> r.total));
        assertEquals(Map.of("CORE", 180.0, "DEEP", 90.0, "AWAKE", 20.0), byStage);
        assertTrue(night.stream().allMatch(r -> r.localDate.equals(LocalDate.parse("2026-05-04"))));
    }

    @Test
    void anImplausibleReadingRefusesTheWholeWrite() {
        Person p = person("Europe/London");
        assertThrows(IllegalArgumentException.class, () -> samples.record(p,
                List.of(at(Metric.WEIGHT, "2026-05-05T07:00:00Z", 80, "scale"),
                        at(Metric.WEIGHT, "2026-05-05T07:01:00Z", 4000, "scale"))));
        assertEquals(0L, samples.count(p.id));
        assertEquals(0, days(p, Metric.WEIGHT).size());
        assertEquals("badStage", SampleService.problem(at(Metric.SLEEP, "2026-05-05T07:00:00Z", 10, "x")).get());
        assertEquals("badInterval", SampleService.problem(new NewReading(Metric.STEPS,
                Instant.parse("2026-05-05T07:00:00Z"), Instant.parse("2026-05-05T06:00:00Z"), 0, 10, "", "x", false,
                null)).get());
        assertEquals("implausible", SampleService.problem(at(Metric.HEART_RATE, "2026-05-05T07:00:00Z",
                Double.NaN, "x")).get());
    }

    @Test
    void correctingAndDeletingAManualReadingKeepsTheDayRight() {
        Person p = person("Europe/London");
        UUID reading = UUID.randomUUID();
        samples.record(p, List.of(
                NewReading.at(Metric.SYSTOLIC, Instant.parse("2026-05-06T07:00:00Z"), 3600, 150,
                        SampleService.MANUAL_SOURCE, true, reading),
                NewReading.at(Metric.DIASTOLIC, Instant.parse("2026-05-06T07:00:00Z"), 3600, 95,
                        SampleService.MANUAL_SOURCE, true, reading)));
        samples.replaceManual(p, reading, List.of(
                NewReading.at(Metric.SYSTOLIC, Instant.parse("2026-05-07T07:00:00Z"), 3600, 130, "", true, null),
                NewReading.at(Metric.DIASTOLIC, Instant.parse("2026-05-07T07:00:00Z"), 3600, 85, "", true, null)));
        Map<LocalDate, DailyRollup> systolic = days(p, Metric.SYSTOLIC);
        assertEquals(List.of(LocalDate.parse("2026-05-07")), List.copyOf(systolic.keySet()), "moved to the 7th");
        assertEquals(130, systolic.get(LocalDate.parse("2026-05-07")).latest);
        assertEquals(2, QuarkusTransaction.requiringNew().call(() -> samples.manualReading(p, reading)).size());
        samples.deleteManual(p, reading);
        assertEquals(0, days(p, Metric.SYSTOLIC).size());
        assertEquals(0, days(p, Metric.DIASTOLIC).size());
    }

    @Test
    void aWriteOfMoreThanTwoYearsCountsEveryDayAcrossTheYearsItIsRecountedIn() {
        Person p = person("Europe/London");
        LocalDate first = LocalDate.parse("2023-01-01");
        int days = 2 * SampleService.WINDOW_DAYS + 40;
        List<NewReading> steps = new java.util.ArrayList<>();
        for (int i = 0; i < days; i++) {
            // Late in the evening in London, winter and summer; the next morning in Tokyo.
            steps.add(at(Metric.STEPS, first.plusDays(i) + "T22:30:00Z", i + 1, "phone"));
        }
        assertEquals(days, samples.record(p, steps).added().size());
        assertEveryDay(p, first, days);
        assertEquals(days, samples.record(p, steps).duplicates(), "stored once, in whichever year it is looked up");
        assertEveryDay(p, first, days);
        QuarkusTransaction.requiringNew().run(() -> persons.changeTimeZone(p.id, ZoneId.of("Asia/Tokyo")));
        Map<LocalDate, DailyRollup> tokyo = days(p, Metric.STEPS);
        assertEquals(days, tokyo.size());
        for (int i = 0; i < days; i++) {
            assertEquals(i + 1, tokyo.get(first.plusDays(i + 1L)).total, "07:30 in Tokyo, the next morning");
        }
    }

    private static void assertEveryDay(Person p, LocalDate first, int days) {
        Map<LocalDate, DailyRollup> counted = days(p, Metric.STEPS);
        assertEquals(days, counted.size());
        for (int i = 0; i < days; i++) {
            LocalDate day = first.plusDays(i);
            assertEquals(1, counted.get(day).count, "one reading on " + day);
            assertEquals(i + 1, counted.get(day).total, "the reading of " + day);
        }
    }

    @Test
    void aStageThatCannotBeWrittenAsideFailsTheBatchAndLeavesNothing() {
        // No such person: the parts break the staged table's foreign key, on the thread that writes them aside.
        Person nobody = new Person();
        nobody.id = UUID.randomUUID();
        nobody.timeZone = "Europe/London";
        UUID batchId = UUID.randomUUID();
        ReadingBatch batch = samples.stagedBatch(nobody, batchId, 1, 10);
        Instant first = Instant.parse("2026-03-01T08:00:00Z");
        assertThrows(RuntimeException.class, () -> {
            for (int i = 0; i < 25; i++) {
                Instant at = first.plusSeconds(60L * i);
                batch.add(Metric.STEPS, at, at, 0, 10, Sample.NO_STAGE, "phone");
            }
            batch.finishReading();
        });
        batch.close();
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> StagedBlock.count("batchId", batchId)));
    }
}
