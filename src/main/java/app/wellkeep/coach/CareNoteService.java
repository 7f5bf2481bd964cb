package app.wellkeep.coach;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.Person;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.Purpose;
import app.wellkeep.consent.ConsentGate.Recipients;
import app.wellkeep.consent.ConsentGate.SharedPatient;

/**
 * Private care-team notes. A note belongs to the recipient of the grant through which its author sees the patient:
 * the team when the patient shares with one of the author's teams, otherwise the author alone. A coach reads the
 * notes of every recipient they see the patient through now: a coach who leaves the team, or whose grant ends, no
 * longer reads them. The patient never does.
 */
@ApplicationScoped
public class CareNoteService {

    public record Notes(SharedPatient patient, List<CareNote> notes, boolean forTeam) {
    }

    @Inject
    ConsentGate gate;

    @Inject
    Clock clock;

    @Transactional
    public Optional<Notes> notes(Person coach, UUID patientId) {
        return gate.recipients(coach, patientId, Purpose.CARE_TEAM_VIEW).map(r -> new Notes(r.patient(),
                visible(coach, r), !r.teams().isEmpty()));
    }

    /** Adds a note; empty when the coach does not see the patient (the caller answers 404). */
    @Transactional
    public Optional<UUID> add(Person coach, UUID patientId, String body) {
        return gate.recipients(coach, patientId, Purpose.CARE_TEAM_VIEW).map(r -> {
            CareNote note = new CareNote();
            note.id = UUID.randomUUID();
            note.patientId = patientId;
            if (r.teams().isEmpty()) {
                note.coachId = coach.id;
            } else {
                note.teamId = r.teams().get(0);
            }
            note.authorId = coach.id;
            note.authorName = coach.displayName;
            note.body = body;
            note.createdAt = clock.instant();
            note.persist();
            return note.id;
        });
    }

    private static List<CareNote> visible(Person coach, Recipients recipients) {
        if (recipients.teams().isEmpty()) {
            return recipients.direct()
                    ? CareNote.list("patientId = ?1 and coachId = ?2 order by createdAt desc, id",
                            recipients.patient().id(), coach.id)
                    : List.of();
        }
        if (!recipients.direct()) {
            return CareNote.list("patientId = ?1 and teamId in ?2 order by createdAt desc, id",
                    recipients.patient().id(), recipients.teams());
        }
        return CareNote.list("patientId = ?1 and (teamId in ?2 or coachId = ?3) order by createdAt desc, id",
                recipients.patient().id(), recipients.teams(), coach.id);
    }
}
