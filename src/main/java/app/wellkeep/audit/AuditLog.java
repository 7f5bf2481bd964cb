package app.wellkeep.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.audit.AuditEvent.Outcome;

/**
 * The tamper-evident access log. Events are appended in the caller's transaction (so a read and its record
 * commit or vanish together), each carrying the hash of the one before in its patient's chain.
 */
@ApplicationScoped
public class AuditLog {

    /** What the caller knows about one read. Category null means the patient's identity alone. */
    public record Entry(UUID actorId, String actorRole, UUID patientId, String category, UUID grantId,
            String purpose, Outcome outcome, String reason) {
    }

    /** Where a chain stops matching its hashes, or its head. */
    public record BrokenLink(String chainKey, long seq, UUID eventId, String problem) {
    }

    public record Verification(long chains, long events, Optional<BrokenLink> firstBroken) {

        public boolean intact() {
            return firstBroken.isEmpty();
        }
    }

    @Inject
    Clock clock;

    private final byte[] pseudonymKey;

    @Inject
    AuditLog(@ConfigProperty(name = "wellkeep.signing-key") String signingKey) {
        // A key of its own, derived from the app's signing key, so pseudonyms cannot be used as any other token.
        this.pseudonymKey = hmac(signingKey.getBytes(StandardCharsets.UTF_8), "audit-pseudonym-v1");
    }

    /** Appends one event to its patient's chain, in the caller's transaction. */
    @Transactional(TxType.MANDATORY)
    public AuditEvent record(Entry entry) {
        return append(lockHead(ref(entry.patientId())), entry);
    }

    private AuditEvent append(AuditChain head, Entry entry) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.chainKey = head.chainKey;
        event.seq = head.lastSeq + 1;
        // Stored and hashed at millisecond precision, which every database keeps exactly.
        event.occurredAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        event.actorId = entry.actorId();
        event.actorRef = ref(entry.actorId());
        event.actorRole = entry.actorRole();
        event.patientId = entry.patientId();
        event.patientRef = head.chainKey;
        event.category = entry.category();
        event.grantId = entry.grantId();
        event.purpose = entry.purpose();
        event.outcome = entry.outcome().name();
        event.reason = entry.reason();
        event.prevHash = head.lastHash;
        event.hash = sha256(event.canonical());
        event.persist();
        head.lastSeq = event.seq;
        head.lastHash = event.hash;
        return event;
    }

    /**
     * Appends many events (a roster page's lines) in the caller's transaction: the chain heads locked in one query,
     * in key order so two pages over the same patients cannot deadlock, and the events written in JDBC batches.
     */
    @Transactional(TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Map<String, AuditChain> heads = new HashMap<>();
        List<String> keys = entries.stream().map(e -> ref(e.patientId())).distinct().sorted().toList();
        AuditChain.<AuditChain>find("chainKey in ?1 order by chainKey", keys)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(h -> heads.put(h.chainKey, h));
        List<String> missing = keys.stream().filter(k -> !heads.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            // The heads of patients never read before, created apart (as lockHead does) but in one transaction, so
            // a first page of many costs one more connection once, not one for each line.
            try {
                QuarkusTransaction.requiringNew().run(() -> missing.forEach(key -> {
                    AuditChain created = new AuditChain();
                    created.chainKey = key;
                    created.lastSeq = 0;
                    created.lastHash = AuditChain.GENESIS;
                    created.persist();
                }));
            } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
                // Another request created some of them first; those left are created one by one below.
            }
            AuditChain.<AuditChain>find("chainKey in ?1 order by chainKey", missing)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(h -> heads.put(h.chainKey, h));
            for (String key : missing) {
                if (!heads.containsKey(key)) {
                    heads.put(key, lockHead(key));
                }
            }
        }
        for (Entry entry : entries) {
            append(heads.get(ref(entry.patientId())), entry);
        }
    }

    /** Walks every chain and reports the first event (or head) that does not match. */
    @Transactional
    public Verification verify() {
        long events = 0;
        List<AuditChain> chains = AuditChain.list("order by chainKey");
        for (AuditChain chain : chains) {
            String previous = AuditChain.GENESIS;
            long expectedSeq = 1;
            for (AuditEvent event : AuditEvent.inChain(chain.chainKey)) {
                events++;
                if (event.seq != expectedSeq) {
                    return broken(chains, events, chain, expectedSeq, event.id, "missing event " + expectedSeq);
                }
                if (!event.prevHash.equals(previous)) {
                    return broken(chains, events, chain, event.seq, event.id, "does not follow the event before it");
                }
                if (!event.hash.equals(sha256(event.canonical()))) {
                    return broken(chains, events, chain, event.seq, event.id, "content does not match its hash");
                }
                previous = event.hash;
                expectedSeq++;
            }
            if (chain.lastSeq != expectedSeq - 1 || !chain.lastHash.equals(previous)) {
                return broken(chains, events, chain, expectedSeq, null, "newest events are missing");
            }
        }
        return new Verification(chains.size(), events, Optional.empty());
    }

    /**
     * Removes an erased person's ids from the log. Native SQL: the entity is immutable to Hibernate, and the chain
     * stays valid because the hashes cover only the pseudonyms.
     */
    @Transactional(TxType.MANDATORY)
    public long pseudonymise(UUID personId) {
        var em = AuditEvent.getEntityManager();
        int asPatient = em.createNativeQuery("UPDATE audit_event SET patient_id = NULL WHERE patient_id = ?1")
                .setParameter(1, personId).executeUpdate();
        int asActor = em.createNativeQuery("UPDATE audit_event SET actor_id = NULL WHERE actor_id = ?1")
                .setParameter(1, personId).executeUpdate();
        return (long) asPatient + asActor;
    }

    /** The keyed pseudonym of a person, as the log stores it. */
    public String ref(UUID personId) {
        return HexFormat.of().formatHex(hmac(pseudonymKey, personId.toString()));
    }

    private AuditChain lockHead(String chainKey) {
        AuditChain head = AuditChain.findById(chainKey, LockModeType.PESSIMISTIC_WRITE);
        if (head != null) {
            return head;
        }
        try {
            // Created apart, so two first reads of one patient cannot both create it and fail the request.
            QuarkusTransaction.requiringNew().run(() -> {
                AuditChain created = new AuditChain();
                created.chainKey = chainKey;
                created.lastSeq = 0;
                created.lastHash = AuditChain.GENESIS;
                created.persist();
            });
        } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
            // Another request created it first; the lock below waits for it.
        }
        return AuditChain.findById(chainKey, LockModeType.PESSIMISTIC_WRITE);
    }

    private static Verification broken(List<AuditChain> chains, long events, AuditChain chain, long seq, UUID id,
            String problem) {
        return new Verification(chains.size(), events, Optional.of(new BrokenLink(chain.chainKey, seq, id, problem)));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

}
