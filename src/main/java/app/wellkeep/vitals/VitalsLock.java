package app.wellkeep.vitals;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The row every write of a person's readings locks first ({@link SampleService#lock}). */
@Entity
@Table(name = "vitals_lock")
public class VitalsLock extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public UUID personId;
}
