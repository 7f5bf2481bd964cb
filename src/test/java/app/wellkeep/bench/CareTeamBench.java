package app.wellkeep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.coach.TriageEntries;
import app.wellkeep.common.DerivedRows;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.demo.DemoData;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.Sample;

/**
 * The care-team workspace under load, as the issue asks: the demo coach in a care team that 1,000 patients share
 * with (most everything, some a few categories or a recent window only), each with a year of daily figures of four
 * metrics, a year of check-ins with gaps, some open alerts and reviewed check-ins. The packaged app on PostgreSQL, 16
 * concurrent connections of wrk on each page for 10 seconds; prints requests per second, p50/p95/p99 and the mean
 * page size, with the profile page measured the same way in the same run as the baseline. Run with
 * {@code ./mvnw verify -Pbench -Dtest=CareTeamBench}.
 */
@QuarkusTest
@Tag("bench")
class CareTeamBench {

    static final int PATIENTS = 1_000;
    static final int DAYS = 365;
    static final int CONNECTIONS = 16;
    static final int SECONDS = 10;
    static final List<Metric> METRICS = List.of(Metric.STEPS, Metric.RESTING_HEART_RATE, Metric.SLEEP,
            Metric.WEIGHT);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    @Test
    void rosterAndTriageOfAThousandPatients() throws Exception {
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalStateException("The page benchmark runs on PostgreSQL: use ./mvnw verify -Pbench");
        }
        Person sam = ConsentFixture.person(DemoData.SAM.subject(), Role.COACH);
        UUID team = ConsentFixture.team("Bench care team", List.of(sam));
        long started = System.nanoTime();
        long rows = fill(team);
        System.out.printf("%n== data: %,d patients, %,d rows written in %.0f s%n", PATIENTS, rows,
                (System.nanoTime() - started) / 1e9);

        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("baseline: profile page", "/profile");
        pages.put("roster, by name", "/care-team");
        for (String sort : List.of("shares", "checkin", "data", "adherence7", "adherence30", "alerts", "reviewed",
                "tags")) {
            pages.put("roster, by " + sort + " desc", "/care-team?sort=" + sort + "&dir=desc");
        }
        pages.put("roster, filtered", "/care-team?shares=CHECK_INS&below=60&alerts=open");
        pages.put("roster, name search", "/care-team?q=patient%2012");
        pages.put("roster, page 2", "/care-team?page=2");
        pages.put("triage queue", "/care-team/triage");
        // Not a target of the benchmark, but a coach of these patients opens it: it evaluates every one of them.
        pages.put("outreach", "/care-team/outreach");
        PackagedApp.keepAsked(pages);

        Analyze.database(jdbcUrl, user, password.orElse(""));
        try (PackagedApp app = PackagedApp.start(jdbcUrl, user, password.orElse(""))) {
            System.out.printf("%n== care-team pages, %d patients, %d connections, %d s each (p95 target: 100 ms)%n",
                    PATIENTS, CONNECTIONS, SECONDS);
            System.out.printf("   %-38s %9s %9s %9s %9s %10s%n", "page", "req/s", "p50 ms", "p95 ms", "p99 ms",
                    "bytes");
            Wrk.Result baseline = null;
            List<String> failures = new ArrayList<>();
            app.warmUp(pages.values(), CONNECTIONS, "sam", "sam-dev-only", "/profile");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                String url = app.url() + page.getValue();
                // A fresh session for each page: the realm's tokens live 5 minutes, the whole run longer.
                String cookie = WebSession.signIn(app.url(), "sam", "sam-dev-only", "/profile");
                // Each line shown records an event in its patient's access log, which the linker then updates with
                // its place in the chain, updating the chain's head in place: 16 connections on one page update the
                // same 25 head rows thousands of times a minute, and leave as many dead versions of events.
                Analyze.vacuum(jdbcUrl, user, password.orElse(""), "audit_chain", "audit_event");
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

    /** The patients and a year of their data, in JDBC batches; the grants through the fixture. */
    private long fill(UUID team) throws Exception {
        ZoneId zone = ZoneId.of(ConsentFixture.ZONE);
        LocalDate today = LocalDate.now(zone);
        Instant now = Instant.now();
        Random random = new Random(7);
        List<UUID> patients = new ArrayList<>();
        long rows = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password.orElse(""))) {
            db.setAutoCommit(false);
            try (PreparedStatement person = db.prepareStatement("INSERT INTO person (id, subject, display_name, "
                    + "role, created_at, last_seen_at, time_zone) VALUES (?, ?, ?, 'PATIENT', ?, ?, ?)");
                    PreparedStatement checkIn = db.prepareStatement("INSERT INTO checkin (id, person_id, local_date, "
                            + "time_zone, mood, energy, stress, sleep_quality, medication, symptoms, created_at, "
                            + "updated_at) VALUES (?, ?, ?, ?, ?, 3, 2, 4, 'NOT_APPLICABLE', ?, ?, ?)");
                    PreparedStatement review = db.prepareStatement("INSERT INTO checkin_review (checkin_id, "
                            + "patient_id, reviewer_name, reviewed_at) VALUES (?, ?, 'Sam Rivera', ?)");
                    PreparedStatement rollup = db.prepareStatement("INSERT INTO daily_rollup (person_id, metric, "
                            + "stage, local_date, sample_count, total, minimum, maximum, latest) "
                            + "VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?)");
                    PreparedStatement latest = db.prepareStatement(
                            "INSERT INTO latest_day (person_id, metric, local_date, recent_days) VALUES (?, ?, ?, ?)");
                    PreparedStatement alert = db.prepareStatement("INSERT INTO alert (id, person_id, rule_code, "
                            + "limit_code, metric, sample_id, reading_id, alert_value, threshold_value, measured_at, "
                            + "utc_offset, created_at) VALUES (?, ?, 'SPO2_LOW', 'SPO2_LOW', 'OXYGEN_SATURATION', ?, "
                            + "?, 88, 92, ?, 0, ?)")) {
                for (int i = 0; i < PATIENTS; i++) {
                    UUID id = UUID.randomUUID();
                    patients.add(id);
                    person.setObject(1, id);
                    person.setString(2, "bench-roster-" + id);
                    person.setString(3, String.format("Patient %04d", i));
                    person.setTimestamp(4, Timestamp.from(now));
                    person.setTimestamp(5, Timestamp.from(now));
                    person.setString(6, ConsentFixture.ZONE);
                    person.addBatch();
                }
                person.executeBatch();
                rows += PATIENTS;
                for (UUID id : patients) {
                    // Each patient's own habit: checks in on most days, or on few; stopped some days ago, or not.
                    double rate = 0.3 + 0.65 * random.nextDouble();
                    int stoppedDaysAgo = random.nextInt(10) == 0 ? random.nextInt(40) : 0;
                    for (int d = stoppedDaysAgo; d < DAYS; d++) {
                        if (random.nextDouble() > rate) {
                            continue;
                        }
                        UUID checkInId = UUID.randomUUID();
                        LocalDate day = today.minusDays(d);
                        Timestamp at = Timestamp.from(day.atTime(20, 0).atZone(zone).toInstant());
                        checkIn.setObject(1, checkInId);
                        checkIn.setObject(2, id);
                        checkIn.setObject(3, day);
                        checkIn.setString(4, ConsentFixture.ZONE);
                        checkIn.setShort(5, (short) (1 + random.nextInt(5)));
                        // Now and then a symptom or two, as check-ins have.
                        checkIn.setString(6, random.nextInt(5) != 0
                                ? ""
                                : random.nextBoolean()
                                        ? "FATIGUE"
                                        : random.nextBoolean() ? "HEADACHE" : "COUGH,FATIGUE");
                        checkIn.setTimestamp(7, at);
                        checkIn.setTimestamp(8, at);
                        checkIn.addBatch();
                        rows++;
                        if (d > 3 && random.nextInt(3) == 0) {
                            review.setObject(1, checkInId);
                            review.setObject(2, id);
                            review.setTimestamp(3, Timestamp.from(at.toInstant().plusSeconds(86_400)));
                            review.addBatch();
                            rows++;
                        }
                    }
                    checkIn.executeBatch();
                    review.executeBatch();
                    int dataGap = random.nextInt(8) == 0 ? random.nextInt(30) : random.nextInt(2);
                    for (Metric metric : METRICS) {
                        for (int d = dataGap; d < DAYS; d++) {
                            double value = 50 + random.nextInt(50);
                            rollup.setObject(1, id);
                            rollup.setString(2, metric.name());
                            rollup.setString(3, Sample.NO_STAGE);
                            rollup.setObject(4, today.minusDays(d));
                            rollup.setDouble(5, value);
                            rollup.setDouble(6, value);
                            rollup.setDouble(7, value);
                            rollup.setDouble(8, value);
                            rollup.addBatch();
                            rows++;
                        }
                        latest.setObject(1, id);
                        latest.setString(2, metric.name());
                        latest.setObject(3, today.minusDays(dataGap));
                        // Figures on every day up to the latest: each of the days kept before it has some.
                        latest.setLong(4, Long.MAX_VALUE);
                        latest.addBatch();
                        rows++;
                    }
                    rollup.executeBatch();
                    for (int a = random.nextInt(4); a > 0; a--) {
                        Timestamp at = Timestamp.from(now.minusSeconds(3600L * random.nextInt(24 * 60)));
                        alert.setObject(1, UUID.randomUUID());
                        alert.setObject(2, id);
                        alert.setObject(3, UUID.randomUUID());
                        alert.setObject(4, UUID.randomUUID());
                        alert.setTimestamp(5, at);
                        alert.setTimestamp(6, at);
                        alert.addBatch();
                        rows++;
                    }
                }
                latest.executeBatch();
                alert.executeBatch();
            }
            db.commit();
        }
        // Loaded around the application: the triage queue's entries are derived as the application would.
        DerivedRows.fill(() -> patients, TriageEntries::refresh);
        // Most share everything with the team; some a few categories, some from a recent day only.
        for (int i = 0; i < PATIENTS; i++) {
            Person patient = new Person();
            patient.id = patients.get(i);
            Set<Category> categories = i % 10 == 3
                    ? EnumSet.of(Category.CHECK_INS, Category.ACTIVITY)
                    : i % 10 == 7
                            ? EnumSet.of(Category.HEART, Category.SLEEP, Category.ALERTS)
                            : EnumSet.allOf(Category.class);
            LocalDate from = i % 10 == 5 ? today.minusDays(14) : null;
            ConsentFixture.grant(patient, null, team, categories, from, null, null);
        }
        return rows + PATIENTS;
    }
}
