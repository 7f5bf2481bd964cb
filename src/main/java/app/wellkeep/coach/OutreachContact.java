package app.wellkeep.coach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One attempt to contact a patient, in the outreach log. It belongs to the recipient of the patient's grant (a coach
 * or a care team), so only that coach or the team's members see it; the patient never does.
 */
@Entity
@Table(name = "outreach_contact")
public class OutreachContact extends PanacheEntityBase {

    public enum Channel {
        PHONE, VIDEO, MESSAGE, EMAIL, IN_PERSON
    }

    public enum Outcome {
        REACHED, LEFT_MESSAGE, NO_ANSWER, DECLINED, SCHEDULED
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "coach_id")
    public UUID coachId;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "author_name", nullable = false, length = 200)
    public String authorName;

    @Column(name = "contacted_at", nullable = false)
    public Instant contactedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Outcome outcome;

    /** The reasons the patient was listed when the contact was logged, as reason codes joined by commas. */
    @Column(nullable = false, length = 200)
    public String reasons;

    @Column(length = 1000)
    public String note;

    /** The contacts with a patient that a coach may see: their own as recipient, or their teams'. */
    public static List<OutreachContact> visibleTo(UUID coachId, UUID patientId) {
        return list("patientId = ?2 and (coachId = ?1 or teamId in "
                + "(select m.teamId from CareTeamMember m where m.personId = ?1)) order by contactedAt desc, id",
                coachId, patientId);
    }
}
