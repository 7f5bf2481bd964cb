package app.wellkeep.consent;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A snapshot of what the patient agreed to (or withdrew) at one moment; never changed afterwards. */
@Entity
@Table(name = "consent_receipt")
public class ConsentReceipt extends PanacheEntityBase {

    public enum Action {
        GRANTED, CHANGED, REVOKED,
        /** Ended for the patient: the coach's account or the care team was closed. */
        ENDED
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

    /** The terms as they stood at this moment. */
    @Embedded
    public ConsentTerms terms;

    static ConsentReceipt of(ConsentGrant grant, Action action, Recipient recipient, Instant at) {
        ConsentReceipt receipt = new ConsentReceipt();
        receipt.id = UUID.randomUUID();
        receipt.grantId = grant.id;
        receipt.patientId = grant.patientId;
        receipt.action = action;
        receipt.recordedAt = at;
        receipt.recipientName = recipient.name();
        receipt.recipientKind = recipient.kind().name();
        receipt.terms = grant.terms;
        return receipt;
    }

    public static List<ConsentReceipt> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by recordedAt desc", patientId);
    }

    public static Optional<ConsentReceipt> findOwned(UUID patientId, UUID id) {
        return find("id = ?1 and patientId = ?2", id, patientId).firstResultOptional();
    }
}
