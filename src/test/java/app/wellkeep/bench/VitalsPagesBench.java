package app.wellkeep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.demo.DemoData;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.ReadingBatch;
import app.wellkeep.vitals.SampleService;
import app.wellkeep.vitals.SampleService.NewReading;
import app.wellkeep.vitals.VitalsDemo;

/**
 * The patient pages under load, as the issue asks: a patient with three years of minute-level heart rate (about
 * 1.6 million readings) and daily readings of every other kind, the packaged app on PostgreSQL, 16 concurrent
 * connections of wrk on each page for 10 seconds. Prints requests per second, p50/p95/p99 and the mean page size,
 * with the profile page (signed in, no readings) measured the same way in the same run as the baseline. Run with
 * {@code ./mvnw verify -Pbench}.
 */
@QuarkusTest
@Tag("bench")
class VitalsPagesBench {

    static final int DAYS = 3 * 365;
    static final int CONNECTIONS = 16;
    static final int SECONDS = 10;

    @Inject
    SampleService samples;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void pagesOfThreeYearsOfMinuteLevelHeartRate() throws Exception {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The page benchmark runs on PostgreSQL: use ./mvnw verify -Pbench");
        }
        Person maya = ConsentFixture.person(DemoData.MAYA.subject(), Role.PATIENT);
        ZoneId zone = ZoneId.of(ConsentFixture.ZONE);
        LocalDate yesterday = LocalDate.now(zone).minusDays(1);
        long started = System.nanoTime();
        long rows = fill(maya, zone, yesterday);
        System.out.printf("%n== data: %,d readings written (with their daily figures) in %.0f s%n", rows,
                (System.nanoTime() - started) / 1e9);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("baseline: profile page", "/profile");
        pages.put("dashboard", "/dashboard");
        pages.put("trends index", "/trends");
        for (String range : List.of("7", "30", "90", "365")) {
            pages.put("heart rate, " + range + " days", "/trends/heart-rate?range=" + range);
        }
        pages.put("heart rate, custom 3 years", "/trends/heart-rate?from=" + yesterday.minusDays(DAYS - 1) + "&to="
                + yesterday);
        pages.put("heart rate, one day (1,440 readings)", "/trends/heart-rate/days/" + yesterday);
        pages.put("steps, 365 days", "/trends/steps?range=365");
        pages.put("sleep, 90 days (by stage)", "/trends/sleep?range=90");
        pages.put("sleep, 365 days", "/trends/sleep?range=365");
        pages.put("sleep, custom 3 years", "/trends/sleep?from=" + yesterday.minusDays(DAYS - 1) + "&to=" + yesterday);
        pages.put("blood pressure, 365 days", "/trends/blood-pressure?range=365");
        pages.put("blood pressure, custom 3 years", "/trends/blood-pressure?from=" + yesterday.minusDays(DAYS - 1)
                + "&to=" + yesterday);
        pages.put("weight, 365 days", "/trends/weight?range=365");
        pages.put("glucose, 90 days", "/trends/glucose?range=90");
        PackagedApp.keepAsked(pages);

        Analyze.database(jdbcUrl, user, password.orElse(""));
        try (PackagedApp app = PackagedApp.start(jdbcUrl, user, password.orElse(""))) {
            System.out.printf("%n== pages, %d connections, %d s each (p95 target: 50 ms)%n", CONNECTIONS, SECONDS);
            System.out.printf("   %-38s %9s %9s %9s %9s %10s%n", "page", "req/s", "p50 ms", "p95 ms", "p99 ms",
                    "bytes");
            Wrk.Result baseline = null;
            List<String> failures = new ArrayList<>();
            app.warmUp(pages.values(), CONNECTIONS, "maya", "maya-dev-only", "/dashboard");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String url = app.url() + page.getValue();
                // A fresh session for each page: the realm's tokens live 5 minutes, the whole run longer.
                String cookie = WebSession.signIn(app.url(), "maya", "maya-dev-only");
                Wrk.run(url, cookie, CONNECTIONS, 3); // warm-up of this page
                Wrk.Result r = Wrk.run(url, cookie, CONNECTIONS, SECONDS);
                baseline = baseline == null ? r : baseline;
                System.out.printf("   %-38s %9.0f %9.2f %9.2f %9.2f %10d   p95 x%.1f of baseline%n", page.getKey(),
                        r.requestsPerSecond(), r.p50(), r.p95(), r.p99(), r.meanBytes(), r.p95() / baseline.p95());
                if (r.errors() > 0) {
                    failures.add(page.getValue() + ": " + r.errors() + " failed responses");
                }
            }
            assertEquals(List.of(), failures, "every page answered");
        }
    }

    /** Three years of readings, through the import path: staged as they come, then published in one go. */
    private long fill(Person person, ZoneId zone, LocalDate last) {
        ReadingBatch batch = samples.stagedBatch(person, UUID.randomUUID(), 1, 250_000);
        for (LocalDate day = last.minusDays(DAYS - 1); !day.isAfter(last); day = day.plusDays(1)) {
            List<NewReading> readings = new ArrayList<>(VitalsDemo.day(day, zone, false).stream()
                    .filter(r -> r.metric() != Metric.HEART_RATE).toList());
            Random random = new Random(day.toEpochDay());
            ZonedDateTime next = day.plusDays(1).atStartOfDay(zone);
            // Minute by minute to the next midnight: 1,380 minutes on the spring change, 1,500 in autumn.
            for (ZonedDateTime at = day.atStartOfDay(zone); at.isBefore(next); at = at.plusMinutes(1)) {
                readings.add(NewReading.at(Metric.HEART_RATE, at.toInstant(), at.getOffset().getTotalSeconds(),
                        (at.getHour() < 7 ? 52 : 68) + random.nextInt(14), "Apple Watch", false, null));
            }
            for (NewReading r : readings) {
                batch.add(r.metric(), r.start(), r.end(), r.utcOffset(), r.value(), r.stage(), r.source());
            }
        }
        batch.finishReading();
        long read = batch.read();
        QuarkusTransaction.requiringNew().timeout(3600).call(() -> samples.publish(batch));
        return read;
    }
}
