package app.wellkeep.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.PersonService;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.vitals.SampleService.NewReading;

/**
 * The stored weeks are their days added up: after every kind of write, and as the migration first filled them; and
 * a range's weeks read through them are those added up from the range's own days, cut weeks at either end included.
 */
@QuarkusTest
class WeeklyRollupTest {

    static final List<Metric> METRICS = List.of(Metric.STEPS, Metric.HEART_RATE, Metric.SLEEP, Metric.SYSTOLIC);
    static final LocalDate FIRST = LocalDate.of(2025, 11, 20);
    static final int DAYS = 200;

    @Inject
    SampleService samples;

    @Inject
    TrendService trends;

    @Inject
    PersonService persons;

    @Test
    void aWeekIsItsDaysAddedUpWithOneBitADay() {
        UUID id = UUID.randomUUID();
        // Monday 30 November and Sunday 6 December 2026 are one ISO week; Monday 7 December starts the next.
        List<WeeklyRollup> weeks = WeeklyRollup.of(List.of(
                new DailyRollup(id, Metric.WEIGHT, "", LocalDate.of(2026, 12, 6), 1, 81, 81, 81, 81),
                new DailyRollup(id, Metric.WEIGHT, "", LocalDate.of(2026, 11, 30), 2, 160, 79, 81, 79.5),
                new DailyRollup(id, Metric.WEIGHT, "", LocalDate.of(2026, 12, 7), 1, 82, 82, 82, 82)));
        assertEquals(2, weeks.size());
        WeeklyRollup first = weeks.get(0);
        assertEquals(LocalDate.of(2026, 11, 30), first.weekStart);
        assertEquals(0b1000001, first.dayMask, "Monday is bit 0, Sunday bit 6");
        assertEquals(2, first.days());
        assertEquals(3, first.count);
        assertEquals(241, first.total);
        assertEquals(79, first.min);
        assertEquals(81, first.max);
        assertEquals(81, first.latest, "the latest of the week's last day, whatever the order given");
        assertEquals(LocalDate.of(2026, 12, 7), weeks.get(1).weekStart);
        assertEquals(1, weeks.get(1).dayMask);
    }

    @Test
    void storedWeeksAreTheirDaysAfterWritesDeletesAZoneChangeAndTheMigration() throws IOException {
        Person person = person("Europe/London");
        Random random = new Random(20261203);
        List<UUID> manual = new ArrayList<>();
        for (int batch = 0; batch < 12; batch++) {
            List<NewReading> readings = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                readings.add(reading(random, manual));
            }
            samples.record(person, readings);
        }
        assertStoredWeeksAreTheirDays(person);

        for (int i = 0; i < manual.size(); i += 3) {
            samples.deleteManual(person, manual.get(i));
        }
        assertStoredWeeksAreTheirDays(person);

        // Day boundaries move, so every day and week is counted again.
        QuarkusTransaction.requiringNew().run(() -> persons.changeTimeZone(person.id, ZoneId.of("Pacific/Auckland")));
        Person moved = QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(person.id));
        assertStoredWeeksAreTheirDays(moved);

        // The migration's fill, run again over the figures as they stand, stores the same weeks.
        List<WeeklyRollup> kept = stored(moved);
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V34__create_weekly_rollup.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String fill = migration.substring(migration.indexOf("INSERT INTO weekly_rollup")).strip();
        QuarkusTransaction.requiringNew().run(() -> {
            WeeklyRollup.delete("personId", moved.id);
            // Only this person's weeks are missing: the fill is asked for theirs alone.
            WeeklyRollup.getEntityManager()
                    .createNativeQuery(fill.replace("FROM daily_rollup\n", "FROM daily_rollup WHERE person_id = ?1\n")
                            .replaceAll(";$", ""))
                    .setParameter(1, moved.id).executeUpdate();
        });
        assertSame(kept, stored(moved));
    }

    @Test
    void aRangesWeeksAreThoseOfItsOwnDaysWhereverItStartsAndEnds() {
        Person person = person("America/New_York");
        Random random = new Random(7);
        List<NewReading> readings = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            readings.add(reading(random, new ArrayList<>()));
        }
        samples.record(person, readings);
        for (int round = 0; round < 150; round++) {
            LocalDate from = FIRST.minusDays(10).plusDays(random.nextInt(DAYS));
            LocalDate to = from.plusDays(random.nextInt(DAYS));
            for (Metric metric : METRICS) {
                List<WeeklyRollup> read = QuarkusTransaction.requiringNew()
                        .call(() -> trends.weekly(person, metric, from, to));
                List<WeeklyRollup> added = QuarkusTransaction.requiringNew()
                        .call(() -> WeeklyRollup.of(trends.daily(person, metric, from, to)));
                assertSame(added, read);
            }
        }
    }

    private Person person(String zone) {
        Person person = ConsentFixture.person("weeks-" + UUID.randomUUID(), Role.PATIENT);
        QuarkusTransaction.requiringNew().run(() -> persons.changeTimeZone(person.id, ZoneId.of(zone)));
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(person.id));
    }

    /** A random reading of one of {@link #METRICS} in the {@link #DAYS} days from {@link #FIRST}; a few by hand. */
    private static NewReading reading(Random random, List<UUID> manual) {
        Metric metric = METRICS.get(random.nextInt(METRICS.size()));
        Instant at = FIRST.atStartOfDay(ZoneId.of("UTC")).toInstant()
                .plus(Duration.ofMinutes(random.nextInt(DAYS * 24 * 60)));
        if (metric == Metric.SLEEP) {
            String stage = List.of("CORE", "DEEP", "REM", "AWAKE", "IN_BED").get(random.nextInt(5));
            int minutes = 10 + random.nextInt(80);
            return new NewReading(metric, at, at.plus(Duration.ofMinutes(minutes)), 0, minutes, stage, "watch", false,
                    null);
        }
        double value = switch (metric) {
            case STEPS -> 1 + random.nextInt(3000);
            case HEART_RATE -> 45 + random.nextInt(100);
            default -> 95 + random.nextInt(60);
        };
        if (metric == Metric.SYSTOLIC && random.nextBoolean()) {
            UUID readingId = UUID.randomUUID();
            manual.add(readingId);
            return NewReading.at(metric, at, 0, value, SampleService.MANUAL_SOURCE, true, readingId);
        }
        return NewReading.at(metric, at, 0, value, random.nextBoolean() ? "watch" : "phone", false, null);
    }

    private void assertStoredWeeksAreTheirDays(Person person) {
        List<DailyRollup> days = QuarkusTransaction.requiringNew()
                .call(() -> DailyRollup.<DailyRollup>list("personId = ?1 order by metric, localDate", person.id));
        List<WeeklyRollup> expected = new ArrayList<>();
        for (Metric metric : METRICS) {
            expected.addAll(WeeklyRollup.of(days.stream().filter(d -> d.metric == metric).toList()));
        }
        for (Metric metric : METRICS) {
            long weeks = expected.stream().filter(w -> w.metric == metric).map(w -> w.weekStart).distinct().count();
            assertTrue(weeks >= DAYS / 7 - 2, metric + " has figures in almost every week: " + weeks);
        }
        assertSame(expected, stored(person));
    }

    private static List<WeeklyRollup> stored(Person person) {
        List<WeeklyRollup> weeks = new ArrayList<>(QuarkusTransaction.requiringNew()
                .call(() -> WeeklyRollup.<WeeklyRollup>list("personId", person.id)));
        weeks.sort(java.util.Comparator.comparing((WeeklyRollup w) -> METRICS.indexOf(w.metric))
                .thenComparing(w -> w.weekStart).thenComparing(w -> w.stage));
        return weeks;
    }

    private static void assertSame(List<WeeklyRollup> expected, List<WeeklyRollup> actual) {
        assertEquals(describe(expected), describe(actual));
    }

    /** The weeks as text, sums to nine significant digits: days added up in another order differ in the last bits. */
    private static String describe(List<WeeklyRollup> weeks) {
        StringBuilder text = new StringBuilder();
        for (WeeklyRollup w : weeks) {
            text.append(String.format("%s %s %s %s mask=%d n=%d total=%.9g min=%.9g max=%.9g latest=%.9g%n",
                    w.metric, w.stage, w.weekStart, w.weekStart.getDayOfWeek(), w.dayMask, w.count, w.total, w.min,
                    w.max, w.latest));
        }
        return text.toString();
    }
}
