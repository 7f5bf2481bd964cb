package app.wellkeep.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The head of one patient's chain of audit events. Linking events locks this row, so two linkers of one chain
 * take turns, and deleting the newest events is caught because the head no longer matches.
 */
@Entity
@Table(name = "audit_chain")
public class AuditChain extends PanacheEntityBase {

    static final String GENESIS = "0".repeat(64);

    @Id
    @Column(name = "chain_key", length = 64)
    public String chainKey;

    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    public String lastHash;
}
