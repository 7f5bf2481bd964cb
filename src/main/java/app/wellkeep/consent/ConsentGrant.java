package app.wellkeep.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

    @Column(nullable = false, length = 200)
    String categories;

    @Enumerated(EnumType.STRING)
    @Column(name = "window_kind", nullable = false, length = 16)
    public Window windowKind;

    @Column(name = "window_from")
    public LocalDate windowFrom;

    @Column(name = "window_days")
    public Integer windowDays;

    /** The last day of sharing, in the patient's time zone; null for no end. */
    @Column(name = "expires_on")
    public LocalDate expiresOn;

    /** The first instant the grant no longer applies (the end of {@link #expiresOn} where the patient lives). */
    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "terms_version", nullable = false, length = 16)
    public String termsVersion;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public Set<Category> categorySet() {
        return Category.split(categories);
    }

    public void categories(Set<Category> set) {
        categories = Category.join(set);
    }

    public boolean activeAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    /** The first day the recipient may see, given the patient's today; null for all history. */
    public LocalDate windowStart(LocalDate today) {
        return switch (windowKind) {
            case ALL -> null;
            case FROM -> windowFrom;
            case LAST_DAYS -> today.minusDays(windowDays - 1L);
        };
    }

    public static List<ConsentGrant> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by createdAt desc", patientId);
    }
}
