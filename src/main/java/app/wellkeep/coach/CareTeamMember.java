package app.wellkeep.coach;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A coach's membership of a care team. */
@Entity
@IdClass(CareTeamMember.Key.class)
@Table(name = "care_team_member")
public class CareTeamMember extends PanacheEntityBase {

    /** The composite key, as JPA wants it: a plain class with the same field names. */
    public static class Key implements Serializable {

        public UUID teamId;
        public UUID personId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(teamId, key.teamId)
                    && Objects.equals(personId, key.personId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(teamId, personId);
        }
    }

    @Id
    @Column(name = "team_id")
    public UUID teamId;

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    public static List<CareTeamMember> ofTeam(UUID teamId) {
        return list("teamId", teamId);
    }
}
