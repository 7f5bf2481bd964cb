package app.wellkeep.vitals;

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

/** A person's own value for one {@link Limit}, in place of the default; who set it and when. */
@Entity
@Table(name = "threshold")
public class Threshold extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "limit_code", nullable = false, length = 32)
    public Limit limitType;

    /** In the metric's stored unit. */
    @Column(name = "limit_value", nullable = false)
    public double value;

    /** The patient or, later, a coach; null once that person's account is erased. */
    @Column(name = "set_by")
    public UUID setBy;

    @Column(name = "set_at", nullable = false)
    public Instant setAt;

    public static List<Threshold> ofPerson(UUID personId) {
        return list("personId", personId);
    }
}
