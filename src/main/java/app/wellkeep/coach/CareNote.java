package app.wellkeep.coach;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A private care-team note about a patient. It belongs to the recipient of the grant through which its author saw
 * the patient: one coach ({@link #coachId}) or a care team ({@link #teamId}), never both.
 */
@Entity
@Table(name = "care_note")
public class CareNote extends PanacheEntityBase {

    public static final int MAX_LENGTH = 4000;

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

    @Column(nullable = false, length = MAX_LENGTH)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
