package app.wellkeep.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One read (or refused read) of a patient's data by someone other than the patient. Immutable: Hibernate never
 * updates it; the only change ever made is the pseudonymisation of erased people's ids, which the hash does not
 * cover.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    public enum Outcome {
        PERMIT, DENY
    }

    @Id
    public UUID id;

    @Column(name = "chain_key", nullable = false, length = 64)
    public String chainKey;

    /** The place in the chain; null until {@link AuditLog#chainPending} links the event, as are the hashes. */
    @Column
    public Long seq;

    /** The order events were recorded in, numbered by the database; the linker links them in this order. */
    @Column(name = "recorded_no", insertable = false, updatable = false)
    public Long recordedNo;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "actor_id")
    public UUID actorId;

    @Column(name = "actor_ref", nullable = false, length = 64)
    public String actorRef;

    @Column(name = "actor_role", nullable = false, length = 16)
    public String actorRole;

    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "patient_ref", nullable = false, length = 64)
    public String patientRef;

    /** The data category read; null for reads of the patient's identity alone (a roster line). */
    @Column(length = 32)
    public String category;

    @Column(name = "grant_id")
    public UUID grantId;

    @Column(nullable = false, length = 32)
    public String purpose;

    @Column(nullable = false, length = 8)
    public String outcome;

    @Column(length = 32)
    public String reason;

    @Column(name = "prev_hash", length = 64)
    public String prevHash;

    @Column(length = 64)
    public String hash;

    /** The text the hash is computed over, once linked; every field except the pseudonymisable person ids. */
    String canonical() {
        return String.join("|", id.toString(), chainKey, Long.toString(seq), Long.toString(occurredAt.toEpochMilli()),
                actorRef, actorRole, patientRef, nullable(category), grantId == null ? "" : grantId.toString(), purpose,
                outcome, nullable(reason), prevHash);
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    public static List<AuditEvent> inChain(String chainKey) {
        return list("chainKey = ?1 and seq is not null order by seq", chainKey);
    }
}
