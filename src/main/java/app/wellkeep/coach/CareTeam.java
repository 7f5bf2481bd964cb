package app.wellkeep.coach;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Coaches who look after patients together; a patient may share with the whole team. */
@Entity
@Table(name = "care_team")
public class CareTeam extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The teams a coach belongs to. */
    public static List<CareTeam> ofMember(UUID personId) {
        return find("id in (select m.teamId from CareTeamMember m where m.personId = ?1) order by name", personId)
                .list();
    }
}
