package app.wellkeep.coach;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A coach's review of a check-in. The reviewer's name is kept as well as the id, as the account may be erased; a
 * check-in edited after its review (updated after {@link #reviewedAt}) is back in the triage queue.
 */
@Entity
@Table(name = "checkin_review")
public class CheckInReview extends PanacheEntityBase {

    @Id
    @Column(name = "checkin_id")
    public UUID checkinId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "reviewed_by")
    public UUID reviewedBy;

    @Column(name = "reviewer_name", nullable = false, length = 200)
    public String reviewerName;

    @Column(name = "reviewed_at", nullable = false)
    public Instant reviewedAt;
}
