package app.wellkeep.consent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A patient's consent to one coach or care team. Only {@link ConsentGate} turns it into a right to read. */
@Entity
@Table(name = "consent_grant")
public class ConsentGrant extends PanacheEntityBase {

    /** How far back the recipient may see. */
    public enum Window {
        ALL, FROM, LAST_DAYS
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "coach_id")
    public UUID coachId;

    @Column(name = "team_id")
    public UUID teamId;

    @Embedded
    public ConsentTerms terms;

    /** The first instant the grant no longer applies: the end of the terms' last day where the patient lives. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public boolean covers(Category category) {
        return terms.categories().contains(category);
    }

    public static List<ConsentGrant> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by createdAt desc", patientId);
    }
}
