package app.wellkeep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckIn;
import app.wellkeep.checkin.CheckIn.Medication;
import app.wellkeep.checkin.CheckIn.Symptom;
import app.wellkeep.checkin.CheckInForm;
import app.wellkeep.checkin.CheckInService;
import app.wellkeep.checkin.InstrumentCatalogue;
import app.wellkeep.common.SqlRows;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;

/**
 * The triage queue's stored entries are what the check-ins, answers and reviews say: as {@link TriageEntries}
 * rewrites them, as the migration first filled them, and after each write the application makes.
 */
@QuarkusTest
class TriageEntriesTest {

    private static final LocalDate TODAY = ConsentFixture.today();

    @Inject
    CheckInService checkIns;

    @Inject
    InstrumentCatalogue instruments;

    @Inject
    TriageService triage;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /** A stored check-in, with the review it may have, as the expected entries are worked out from them. */
    private record Written(CheckIn checkIn, Instant reviewedAt) {
    }

    @Test
    void entriesAreTheUnreviewedRecentCheckInsWithTheirPreviousAndAnswersAsRefreshAndTheMigrationWriteThem()
            throws IOException {
        Person patient = ConsentFixture.person("entries-patient-" + run, Role.PATIENT);
        Random random = new Random(20261204);
        Instant now = Instant.now();
        List<Written> written = new ArrayList<>();
        Map<LocalDate, int[]> answers = new HashMap<>();
        List<Runnable> answered = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int ago = 40; ago >= 0; ago--) {
                LocalDate day = TODAY.minusDays(ago);
                if (random.nextInt(10) < 3) {
                    continue;
                }
                CheckIn c = new CheckIn();
                c.id = UUID.randomUUID();
                c.personId = patient.id;
                c.localDate = day;
                c.timeZone = ConsentFixture.ZONE;
                c.mood = (short) (1 + random.nextInt(5));
                c.energy = 3;
                c.stress = 3;
                c.sleepQuality = 3;
                c.medication = Medication.NOT_APPLICABLE;
                Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
                for (Symptom s : Symptom.values()) {
                    if (random.nextInt(6) == 0) {
                        symptoms.add(s);
                    }
                }
                c.symptoms = CheckIn.encode(symptoms);
                c.createdAt = now.minusSeconds(86_400L * ago);
                // Some edited after a review, some reviewed after their last edit, most not reviewed.
                c.updatedAt = c.createdAt.plusSeconds(random.nextInt(3) == 0 ? 7_200 : 0);
                c.persist();
                Instant reviewedAt = switch (random.nextInt(4)) {
                    case 0 -> c.createdAt.plusSeconds(3_600);
                    case 1 -> c.createdAt.plusSeconds(10_000);
                    default -> null;
                };
                if (reviewedAt != null) {
                    CheckInReview review = new CheckInReview();
                    review.checkinId = c.id;
                    review.patientId = patient.id;
                    review.reviewerName = "Reviewer";
                    review.reviewedAt = reviewedAt;
                    review.persist();
                }
                written.add(new Written(c, reviewedAt));
                if (random.nextInt(3) == 0) {
                    int[] day3 = answers.computeIfAbsent(day, d -> new int[3]);
                    for (String instrument : List.of("phq-2", "gad-2", "phq-9")) {
                        int total = random.nextInt(7);
                        boolean urgent = "phq-9".equals(instrument) && random.nextInt(4) == 0;
                        answered.add(() -> TriageFixture.response(patient, day, instrument, total, urgent));
                        day3[0] = "phq-2".equals(instrument) ? Math.max(day3[0], total) : day3[0];
                        day3[1] = "gad-2".equals(instrument) ? Math.max(day3[1], total) : day3[1];
                        day3[2] |= urgent ? 1 : 0;
                    }
                }
            }
        });
        // Each answer in a transaction of its own, the entries rewritten after each, as the fixture writes them.
        answered.forEach(Runnable::run);
        QuarkusTransaction.requiringNew().run(() -> TriageEntries.refresh(patient.id));
        List<String> expected = expected(written, answers);
        assertTrue(expected.size() >= 5, "the data has entries to compare: " + expected);
        assertEquals(expected, stored(patient));

        String migration;
        try (InputStream in = getClass().getResourceAsStream("/db/migration/V35__create_triage_entry.sql")) {
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String fill = migration.substring(migration.indexOf("INSERT INTO triage_entry")).strip().replaceAll(";$", "");
        QuarkusTransaction.requiringNew().run(() -> {
            CheckInReview.getEntityManager().createNativeQuery("DELETE FROM triage_entry WHERE person_id = ?1")
                    .setParameter(1, patient.id).executeUpdate();
            // Only this patient's entries are missing: the fill is asked for theirs alone.
            CheckInReview.getEntityManager()
                    .createNativeQuery(
                            fill.replace("WHERE c.local_date >", "WHERE c.person_id = ?1 AND c.local_date >"))
                    .setParameter(1, patient.id).executeUpdate();
        });
        assertEquals(expected, stored(patient), "the migration's fill writes the same entries");
    }

    @Test
    void eachWriteOfTheApplicationLeavesTheEntriesCurrent() {
        Person patient = ConsentFixture.person("entries-writer-" + run, Role.PATIENT);
        Person coach = ConsentFixture.person("entries-coach-" + run, Role.COACH);
        ConsentFixture.grant(patient, coach, null, EnumSet.of(Category.CHECK_INS), null, null, null);
        UUID id = checkIns.save(patient, values(4, EnumSet.of(Symptom.CHEST_PAIN))).id;
        assertEquals(List.of(TODAY + " mood 4 [CHEST_PAIN] after null null fresh true phq2 0 gad2 0 urgent false "
                + "edited false"), stored(patient), "a new check-in");

        checkIns.save(patient, values(2, EnumSet.of(Symptom.CHEST_PAIN, Symptom.FEVER)));
        assertEquals(List.of(TODAY + " mood 2 [CHEST_PAIN,FEVER] after null null fresh true phq2 0 gad2 0 "
                + "urgent false edited false"), stored(patient), "the check-in edited the same day");

        checkIns.answer(patient, instruments.find("phq-2").orElseThrow(), Map.of("phq-1", 2, "phq-2", 1),
                UUID.randomUUID(), null);
        assertEquals(List.of(TODAY + " mood 2 [CHEST_PAIN,FEVER] after null null fresh true phq2 3 gad2 0 "
                + "urgent false edited false"), stored(patient), "a screening answered that day");

        QuarkusTransaction.requiringNew().run(() -> assertTrue(triage.review(coach, id).isPresent()));
        assertEquals(List.of(), stored(patient), "reviewed: no longer waiting");

        checkIns.save(patient, values(3, EnumSet.of(Symptom.FEVER)));
        assertEquals(List.of(TODAY + " mood 3 [FEVER] after null null fresh true phq2 3 gad2 0 urgent false "
                + "edited true"), stored(patient), "edited after its review: back, and marked so");

        QuarkusTransaction.requiringNew().run(() -> assertEquals(TriageService.Undo.UNDONE,
                triage.undo(coach, id).orElseThrow().outcome()));
        assertEquals(List.of(TODAY + " mood 3 [FEVER] after null null fresh true phq2 3 gad2 0 urgent false "
                + "edited false"), stored(patient), "the review undone: waiting, as never reviewed");
    }

    private static CheckInForm.Values values(int mood, Set<Symptom> symptoms) {
        return new CheckInForm.Values(mood, 3, 3, 3, Medication.NOT_APPLICABLE, symptoms, null, null);
    }

    /** The entries worked out in Java from what was written, in the form {@link #stored} reads them. */
    private static List<String> expected(List<Written> written, Map<LocalDate, int[]> answers) {
        LocalDate last = written.get(written.size() - 1).checkIn().localDate;
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            CheckIn c = written.get(i).checkIn();
            Instant reviewedAt = written.get(i).reviewedAt();
            boolean waiting = reviewedAt == null || reviewedAt.isBefore(c.updatedAt);
            if (!c.localDate.isAfter(last.minusDays(TriageEntries.KEPT_DAYS)) || !waiting) {
                continue;
            }
            CheckIn before = i == 0 ? null : written.get(i - 1).checkIn();
            // Older than the days read for the previous one: as none.
            if (before != null && !before.localDate
                    .isAfter(last.minusDays(TriageEntries.KEPT_DAYS + TriageService.LOOKBACK_DAYS))) {
                before = null;
            }
            Set<String> previous = before == null ? Set.of() : Set.of(before.symptoms.split(","));
            boolean fresh = !c.symptoms.isEmpty()
                    && Arrays.stream(c.symptoms.split(",")).anyMatch(s -> !previous.contains(s));
            int[] a = answers.getOrDefault(c.localDate, new int[3]);
            rows.add(line(c.localDate, c.mood, c.symptoms, before == null ? null : before.localDate,
                    before == null ? null : before.symptoms, fresh, a[0], a[1], a[2] == 1, reviewedAt != null));
        }
        return rows;
    }

    private static String line(LocalDate day, int mood, String symptoms, LocalDate previousDate, String previous,
            boolean fresh, int phq2, int gad2, boolean urgent, boolean edited) {
        return day + " mood " + mood + " [" + symptoms + "] after " + previousDate + " " + previous + " fresh "
                + fresh + " phq2 " + phq2 + " gad2 " + gad2 + " urgent " + urgent + " edited " + edited;
    }

    private static List<String> stored(Person patient) {
        return QuarkusTransaction.requiringNew().call(() -> SqlRows.list(
                CheckInReview.getEntityManager(),
                "select local_date, mood, symptoms, previous_date, previous_symptoms, fresh, phq2, gad2, urgent, "
                        + "edited_after_review from triage_entry where person_id = ? order by local_date",
                rs -> line(SqlRows.date(rs, 1), rs.getInt(2), rs.getString(3),
                        SqlRows.date(rs, 4), rs.getString(5), rs.getBoolean(6), rs.getInt(7),
                        rs.getInt(8), rs.getBoolean(9), rs.getBoolean(10)),
                patient.id));
    }
}
