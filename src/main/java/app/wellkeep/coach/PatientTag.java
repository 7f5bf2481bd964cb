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

/** A coach's own label for a patient on their roster; no one else sees it. */
@Entity
@IdClass(PatientTag.Key.class)
@Table(name = "patient_tag")
public class PatientTag extends PanacheEntityBase {

    public static class Key implements Serializable {

        public UUID coachId;
        public UUID patientId;
        public String tag;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(coachId, k.coachId)
                    && Objects.equals(patientId, k.patientId) && Objects.equals(tag, k.tag);
        }

        @Override
        public int hashCode() {
            return Objects.hash(coachId, patientId, tag);
        }
    }

    @Id
    @Column(name = "coach_id")
    public UUID coachId;

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Id
    @Column(length = 40)
    public String tag;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Every tag of one coach, in one query: the roster's tags column and its tag filter. */
    public static List<PatientTag> ofCoach(UUID coachId) {
        return list("coachId = ?1 order by tag", coachId);
    }

    public static List<PatientTag> of(UUID coachId, UUID patientId) {
        return list("coachId = ?1 and patientId = ?2 order by tag", coachId, patientId);
    }
}
