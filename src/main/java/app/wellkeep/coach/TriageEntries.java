package app.wellkeep.coach;

import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import app.wellkeep.account.Person;
import app.wellkeep.checkin.CheckIn.Symptom;

/**
 * The triage queue's facts about each recent check-in awaiting review ({@code triage_entry}, see its migration): what
 * ranks it that does not depend on who reads. Derived from the patient's check-ins, answers and reviews, and rewritten
 * whole for the patient by {@link #refresh} after each of them is written, so the queue reads a few short rows a
 * patient and ranks and pages them in one statement.
 */
public final class TriageEntries {

    /** Entries are kept for check-ins of this many days up to the patient's latest: the queue's days and a margin. */
    static final int KEPT_DAYS = TriageService.QUEUE_DAYS + 2;

    /** Whether any symptom of the check-in is absent from the one before it (none before: any symptom). */
    private static final String FRESH = Arrays.stream(Symptom.values()).map(s -> {
        // The codes as LIKE patterns: '_' is a wildcard there, so it is escaped (backslash, the default escape).
        String code = s.name().replace("_", "\\_");
        return "(',' || q.symptoms || ',' LIKE '%," + code + ",%' AND ',' || COALESCE(q.previous_symptoms, '') "
                + "|| ',' NOT LIKE '%," + code + ",%')";
    }).collect(Collectors.joining(" OR ", "CASE WHEN ", " THEN TRUE ELSE FALSE END"));

    /**
     * One patient's entries from their check-ins: each paired with the one before it, those reviewed since they were
     * last written left out, and the day's answers (highest PHQ-2 and GAD-2, any urgent answer) joined. A check-in
     * more than {@link TriageService#LOOKBACK_DAYS} days before the kept ones never counts as the previous one, so
     * it is not read. The migration that created the table ran this for everyone.
     */
    private static final String FILL = "INSERT INTO triage_entry (checkin_id, person_id, local_date, mood, symptoms, "
            + "previous_symptoms, previous_date, fresh, urgent, phq2, gad2, edited_after_review) "
            + "SELECT q.id, q.person_id, q.local_date, q.mood, q.symptoms, q.previous_symptoms, q.previous_date, "
            + FRESH + ", COALESCE(s.urgent, 0) > 0, COALESCE(s.phq2, 0), COALESCE(s.gad2, 0), "
            + "q.reviewed_at IS NOT NULL "
            + "FROM (SELECT c.id, c.person_id, c.local_date, c.mood, c.symptoms, c.updated_at, r.reviewed_at, "
            + "LAG(c.symptoms) OVER (PARTITION BY c.person_id ORDER BY c.local_date) AS previous_symptoms, "
            + "LAG(c.local_date) OVER (PARTITION BY c.person_id ORDER BY c.local_date) AS previous_date, "
            + "MAX(c.local_date) OVER (PARTITION BY c.person_id) AS last_date "
            + "FROM checkin c LEFT JOIN checkin_review r ON r.checkin_id = c.id WHERE c.person_id = ?1 "
            + "AND c.local_date > (SELECT MAX(l.local_date) FROM checkin l WHERE l.person_id = ?1) - "
            + (KEPT_DAYS + TriageService.LOOKBACK_DAYS) + ") q "
            + "LEFT JOIN (SELECT local_date, MAX(CASE WHEN instrument = 'phq-2' THEN total_score ELSE 0 END) AS phq2, "
            + "MAX(CASE WHEN instrument = 'gad-2' THEN total_score ELSE 0 END) AS gad2, "
            + "MAX(CASE WHEN urgent THEN 1 ELSE 0 END) AS urgent FROM questionnaire_response WHERE person_id = ?1 "
            + "GROUP BY local_date) s ON s.local_date = q.local_date "
            + "WHERE q.local_date > q.last_date - " + KEPT_DAYS
            + " AND (q.reviewed_at IS NULL OR q.reviewed_at < q.updated_at)";

    private TriageEntries() {
    }

    /**
     * Rewrites the patient's entries from what is stored, in the caller's transaction (written entities are flushed
     * first). The patient's row is locked first, so two writes at once (a check-in and its review) leave the entries
     * of the later one.
     */
    public static void refresh(UUID personId) {
        EntityManager em = CheckInReview.getEntityManager();
        if (em.find(Person.class, personId, LockModeType.PESSIMISTIC_WRITE) == null) {
            return;
        }
        em.flush();
        em.createNativeQuery("DELETE FROM triage_entry WHERE person_id = ?1").setParameter(1, personId)
                .executeUpdate();
        em.createNativeQuery(FILL).setParameter(1, personId).executeUpdate();
    }
}
