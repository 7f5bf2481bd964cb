package app.wellkeep.coach;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Feedback from a coach that the patient reads, beside the check-in it answers and on their dashboard. */
@Entity
@Table(name = "coach_feedback")
public class CoachFeedback extends PanacheEntityBase {

    public static final int MAX_LENGTH = 2000;

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "checkin_id")
    public UUID checkinId;

    @Column(name = "author_id")
    public UUID authorId;

    @Column(name = "author_name", nullable = false, length = 200)
    public String authorName;

    @Column(nullable = false, length = MAX_LENGTH)
    public String body;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** When the patient first had it in front of them; null while unseen. */
    @Column(name = "seen_at")
    public Instant seenAt;
}
