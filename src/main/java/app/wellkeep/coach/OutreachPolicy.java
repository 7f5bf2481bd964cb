package app.wellkeep.coach;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The windows after which a coach, or a care team, wants to contact a patient; without a row the defaults apply. */
@Entity
@Table(name = "outreach_policy")
public class OutreachPolicy extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "coach_id")
    public UUID coachId;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "checkin_gap_days", nullable = false)
    public int checkInGapDays;

    @Column(name = "min_data_days", nullable = false)
    public int minDataDays;

    @Column(name = "alert_hours", nullable = false)
    public int alertHours;

    @Column(name = "updated_by")
    public UUID updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<OutreachPolicy> ofCoach(UUID coachId) {
        return find("coachId", coachId).firstResultOptional();
    }

    public static Optional<OutreachPolicy> ofTeam(UUID teamId) {
        return find("teamId", teamId).firstResultOptional();
    }
}
