package app.wellkeep.coach;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.Person;

/** Feedback a coach writes on a check-in, and what the patient reads of it. */
@ApplicationScoped
public class FeedbackService {

    /** How many recent messages the patient's check-in history lists. */
    public static final int RECENT = 10;

    @Inject
    TriageService triage;

    @Inject
    Clock clock;

    /** Stores feedback on a check-in the coach may see; empty when they may not (the caller answers 404). */
    @Transactional
    public Optional<UUID> give(Person coach, UUID checkInId, String body) {
        return triage.permitted(coach, checkInId).map(checkIn -> {
            CoachFeedback feedback = new CoachFeedback();
            feedback.id = UUID.randomUUID();
            feedback.patientId = checkIn.patientId();
            feedback.checkinId = checkIn.id();
            feedback.authorId = coach.id;
            feedback.authorName = coach.displayName;
            feedback.body = body;
            feedback.createdAt = clock.instant();
            feedback.persist();
            return checkIn.patientId();
        });
    }

    /** Feedback on these check-ins, oldest first; for pages whose check-ins the gate has already allowed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<CoachFeedback> onCheckIns(Collection<UUID> checkInIds) {
        return checkInIds.isEmpty()
                ? List.of()
                : CoachFeedback.list("checkinId in ?1 order by createdAt, id", checkInIds);
    }

    /** The patient's own feedback on one check-in, marked seen now that it is shown. */
    @Transactional
    public List<CoachFeedback> readOnCheckIn(Person patient, UUID checkInId) {
        List<CoachFeedback> feedback = CoachFeedback.list("patientId = ?1 and checkinId = ?2 order by createdAt, id",
                patient.id, checkInId);
        markSeen(feedback);
        return feedback;
    }

    /** The patient's most recent feedback, newest first, marked seen now that it is shown. */
    @Transactional
    public List<CoachFeedback> readRecent(Person patient, int limit) {
        List<CoachFeedback> feedback = CoachFeedback.<CoachFeedback>find(
                "patientId = ?1 order by createdAt desc, id", patient.id).page(0, limit).list();
        markSeen(feedback);
        return feedback;
    }

    /** How many messages the patient has not seen yet. */
    @Transactional
    public long unseen(Person patient) {
        // A select of the count rather than Panache's count(), whose derived query is planned anew on every call:
        // the dashboard asks on every view.
        return CoachFeedback.getEntityManager()
                .createQuery("select count(*) from CoachFeedback where patientId = ?1 and seenAt is null", Long.class)
                .setParameter(1, patient.id).getSingleResult();
    }

    private void markSeen(List<CoachFeedback> feedback) {
        feedback.stream().filter(f -> f.seenAt == null).forEach(f -> f.seenAt = clock.instant());
    }
}
