package app.wellkeep.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import app.wellkeep.consent.ConsentGrant.Window;

/** A snapshot of what the patient agreed to (or withdrew) at one moment; never changed afterwards. */
@Entity
@Table(name = "consent_receipt")
public class ConsentReceipt extends PanacheEntityBase {

    public enum Action {
        GRANTED, CHANGED, REVOKED
    }

    @Id
    public UUID id;

    @Column(name = "grant_id", nullable = false)
    public UUID grantId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Action action;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recipient_name", nullable = false, length = 200)
    public String recipientName;

    @Column(name = "recipient_kind", nullable = false, length = 8)
    public String recipientKind;

    @Column(nullable = false, length = 200)
    String categories;

    @Enumerated(EnumType.STRING)
    @Column(name = "window_kind", nullable = false, length = 16)
    public Window windowKind;

    @Column(name = "window_from")
    public LocalDate windowFrom;

    @Column(name = "window_days")
    public Integer windowDays;

    @Column(name = "expires_on")
    public LocalDate expiresOn;

    @Column(name = "terms_version", nullable = false, length = 16)
    public String termsVersion;

    public Set<Category> categorySet() {
        return Category.split(categories);
    }

    static ConsentReceipt of(ConsentGrant grant, Action action, Recipient recipient, Instant at) {
        ConsentReceipt receipt = new ConsentReceipt();
        receipt.id = UUID.randomUUID();
        receipt.grantId = grant.id;
        receipt.patientId = grant.patientId;
        receipt.action = action;
        receipt.recordedAt = at;
        receipt.recipientName = recipient.name();
        receipt.recipientKind = recipient.kind().name();
        receipt.categories = Category.join(grant.categorySet());
        receipt.windowKind = grant.windowKind;
        receipt.windowFrom = grant.windowFrom;
        receipt.windowDays = grant.windowDays;
        receipt.expiresOn = grant.expiresOn;
        receipt.termsVersion = grant.termsVersion;
        return receipt;
    }

    public static List<ConsentReceipt> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by recordedAt desc", patientId);
    }

    public static Optional<ConsentReceipt> findOwned(UUID patientId, UUID id) {
        return find("id = ?1 and patientId = ?2", id, patientId).firstResultOptional();
    }
}
