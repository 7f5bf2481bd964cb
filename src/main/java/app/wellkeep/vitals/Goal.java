package app.wellkeep.vitals;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The goals a patient set for themself; a person without a row has the {@link Goals#DEFAULT defaults}. */
@Entity
@Table(name = "goal")
public class Goal extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "daily_steps", nullable = false)
    public int dailySteps;

    @Column(name = "sleep_minutes", nullable = false)
    public int sleepMinutes;

    /** In kilograms, the unit weight is stored in; null when the person set no target. */
    @Column(name = "target_weight_kg")
    public Double targetWeightKg;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
