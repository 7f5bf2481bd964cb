package app.wellkeep.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.common.RecentDays;
import app.wellkeep.consent.Access;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.Purpose;
import app.wellkeep.vitals.SampleService.NewReading;

/**
 * The days with data that the outreach list counts, read from each metric's latest day and the days before it,
 * are those of the daily figures themselves: for any period, any window and categories shared, a latest day far
 * ahead of today included; and the migration fills the days before the latest as the app keeps them.
 */
@QuarkusTest
class DaysWithDataTest {

    static final List<Metric> METRICS = List.of(Metric.STEPS, Metric.HEART_RATE, Metric.WEIGHT);

    @Inject
    SampleService samples;

    @Inject
    TrendService trends;

    @Inject
    ConsentGate gate;

    @Test
    void theLatestDaysTellTheDaysWithDataAsTheDailyFiguresDoAndTheMigrationFillsThemAlike() throws IOException {
        Random random = new Random(20261204);
        ZoneId zone = ZoneId.of(ConsentFixture.ZONE);
        LocalDate today = ConsentFixture.today();
        Person coach = ConsentFixture.person("days-coach-" + UUID.randomUUID(), Role.COACH);
        List<Person> patients = new ArrayList<>();
        for (int p = 0; p < 8; p++) {
            Person patient = ConsentFixture.person("days-patient-" + UUID.randomUUID(), Role.PATIENT);
            patients.add(patient);
            double density = 0.1 + 0.8 * random.nextDouble();
            List<NewReading> readings = new ArrayList<>();
            // The first patient has steps only, so no other metric's days hide a day its latest days miss.
            for (Metric metric : p == 0 ? List.of(Metric.STEPS) : METRICS) {
                for (int d = 0; d < 90; d++) {
                    if (random.nextDouble() < density) {
                        readings.add(reading(metric, today.minusDays(d), zone, random));
                    }
                }
            }
            if (p == 0) {
                // A latest day so far ahead that the days kept before it do not reach back over the month.
                readings.add(reading(Metric.STEPS, today.plusDays(40), zone, random));
            }
            if (p == 1) {
                readings.add(reading(Metric.HEART_RATE, today.plusDays(2), zone, random));
            }
            samples.record(patient, readings);
            Set<Category> shared = EnumSet.noneOf(Category.class);
            METRICS.stream().map(Metric::category).filter(c -> random.nextInt(4) != 0).forEach(shared::add);
            shared.add(Category.CHECK_INS);
            LocalDate from = random.nextBoolean() ? null : today.minusDays(random.nextInt(45));
            if (p == 0) {
                shared.add(Category.ACTIVITY);
                from = null;
            }
            ConsentFixture.grant(patient, coach, null, shared, from, null, null);
        }
        List<Access> accesses = QuarkusTransaction.requiringNew().call(() -> {
            List<Access> all = new ArrayList<>();
            for (Person patient : patients) {
                for (Category category : EnumSet.of(Category.ACTIVITY, Category.HEART, Category.BODY)) {
                    gate.check(coach, patient.id, category, Purpose.OUTREACH).ifPresent(all::add);
                }
            }
            return all;
        });

        for (int days : List.of(1, 7, 30, 45, RecentDays.DAYS)) {
            Map<UUID, Set<LocalDate>> expected = sorted(
                    QuarkusTransaction.requiringNew().call(() -> trends.dailyDaysWithData(accesses, days)));
            Map<UUID, Set<LocalDate>> read = sorted(
                    QuarkusTransaction.requiringNew().call(() -> trends.sharedDaysWithData(accesses, days)));
            assertEquals(expected, read, "the days with data of the last " + days);
            if (days == 30) {
                assertTrue(expected.size() >= 5, "most patients have days with data: " + expected.keySet());
                assertTrue(expected.containsKey(patients.get(0).id), "the patient far ahead is counted");
                assertTrue(expected.values().stream().anyMatch(d -> d.size() > 5 && d.size() < 30),
                        "some months are partly covered");
            }
        }

        // The migration's fill over the figures as they stand keeps the same days before each latest.
        Map<String, Long> kept = masks(patients);
        assertTrue(kept.values().stream().anyMatch(m -> m != 0 && m != 1 && m != Long.MAX_VALUE), "masks vary");
        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V38__latest_day_recent_days.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String fill = migration.substring(migration.indexOf("UPDATE latest_day")).strip().replaceAll(";$", "");
        QuarkusTransaction.requiringNew().run(() -> {
            for (Person patient : patients) {
                LatestDay.update("recentDays = 0 where personId = ?1", patient.id);
                LatestDay.getEntityManager().createNativeQuery(fill + " WHERE person_id = ?1")
                        .setParameter(1, patient.id).executeUpdate();
            }
        });
        assertEquals(kept, masks(patients));
    }

    private static NewReading reading(Metric metric, LocalDate day, ZoneId zone, Random random) {
        Instant at = day.atTime(8 + random.nextInt(12), random.nextInt(60)).atZone(zone).toInstant();
        double value = switch (metric) {
            case STEPS -> 100 + random.nextInt(9000);
            case HEART_RATE -> 50 + random.nextInt(90);
            default -> 60 + random.nextInt(40);
        };
        return NewReading.at(metric, at, zone.getRules().getOffset(at).getTotalSeconds(), value, "watch", false,
                null);
    }

    private static Map<UUID, Set<LocalDate>> sorted(Map<UUID, Set<LocalDate>> days) {
        Map<UUID, Set<LocalDate>> sorted = new HashMap<>();
        days.forEach((k, v) -> {
            if (!v.isEmpty()) {
                sorted.put(k, new TreeSet<>(v));
            }
        });
        return sorted;
    }

    private static Map<String, Long> masks(List<Person> patients) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Long> masks = new HashMap<>();
            for (Person patient : patients) {
                LatestDay.<LatestDay>list("personId", patient.id).forEach(
                        l -> masks.put(l.personId + " " + l.metric + " " + l.localDate, l.recentDays));
            }
            return masks;
        });
    }
}
