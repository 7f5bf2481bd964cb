package app.wellkeep.consent;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The code a patient types (or the invitation link carries) to find a coach or a care team. */
@Entity
@Table(name = "share_code")
public class ShareCode extends PanacheEntityBase {

    @Id
    @Column(length = 16)
    public String code;

    @Column(name = "coach_id")
    public UUID coachId;

    @Column(name = "team_id")
    public UUID teamId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static Optional<ShareCode> ofCoach(UUID coachId) {
        return find("coachId", coachId).firstResultOptional();
    }

    public static Optional<ShareCode> ofTeam(UUID teamId) {
        return find("teamId", teamId).firstResultOptional();
    }
}
