package app.wellkeep.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.audit.AuditEvent.Outcome;
import app.wellkeep.common.SqlRows;

/**
 * The tamper-evident access log. Events are recorded in the caller's transaction, so a read and its record commit
 * or vanish together; {@link AuditChainer} then links them, within a second, into their patient's chain, each
 * carrying the hash of the one before.
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

    /** Records one event, in the caller's transaction; {@link #chainPending} links it into its patient's chain. */
    @Transactional(TxType.MANDATORY)
    public AuditEvent record(Entry entry) {
        return insert(List.of(entry)).get(0);
    }

    /** Records many events (a page's lines) in the caller's transaction, in one batch. */
    @Transactional(TxType.MANDATORY)
    public void recordAll(List<Entry> entries) {
        insert(entries);
    }

    private static final String INSERT = "INSERT INTO audit_event (id, chain_key, occurred_at, actor_id, actor_ref, "
            + "actor_role, patient_id, patient_ref, category, grant_id, purpose, outcome, reason) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * Writes the events as rows, in the order given (the database numbers them so): the transaction that records
     * them never reads them back, and a page's worth kept as entities to flush took about a tenth of the application's
     * time on the triage queue. Each person's pseudonym is worked out once a call.
     */
    private List<AuditEvent> insert(List<Entry> entries) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<UUID, String> refs = new HashMap<>();
        List<AuditEvent> events = new ArrayList<>(entries.size());
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            AuditEvent event = event(entry, at, refs);
            events.add(event);
            rows.add(new Object[]{event.id, event.chainKey, event.occurredAt, event.actorId, event.actorRef,
                    event.actorRole, event.patientId, event.patientRef, event.category, event.grantId, event.purpose,
                    event.outcome, event.reason});
        }
        SqlRows.batch(AuditEvent.getEntityManager(), INSERT, rows);
        return events;
    }

    /**
     * An event as a read records it: everything the hash covers but its place in the chain. Reads do not wait for
     * each other: a chain's head is locked by the linking alone, so coaches reading the same patients at once (a
     * roster page, the triage queue) never queue behind one row each.
     */
    private AuditEvent event(Entry entry, Instant at, Map<UUID, String> refs) {
        AuditEvent event = new AuditEvent();
        event.id = UUID.randomUUID();
        event.chainKey = refs.computeIfAbsent(entry.patientId(), this::ref);
        // Stored and hashed at millisecond precision, which every database keeps exactly.
        event.occurredAt = at;
        event.actorId = entry.actorId();
        event.actorRef = refs.computeIfAbsent(entry.actorId(), this::ref);
        event.actorRole = entry.actorRole();
        event.patientId = entry.patientId();
        event.patientRef = event.chainKey;
        event.category = entry.category();
        event.grantId = entry.grantId();
        event.purpose = entry.purpose();
        event.outcome = entry.outcome().name();
        event.reason = entry.reason();
        return event;
    }

    /** How many chains are linked in one transaction. */
    static final int CHAINS_AT_ONCE = 200;

    /**
     * Links the recorded events not yet in a chain into their patients' chains, oldest first, each carrying the
     * hash of the one before; returns how many. A few hundred chains per transaction, their heads locked in key order,
     * so two instances linking at once take turns per chain and never link an event twice.
     * <p>
     * One sweep through the chains in key order: everything recorded before the call is linked, and what is recorded
     * meanwhile waits for the next call. Under a steady stream of reads, sweeping again until nothing was pending
     * scanned for pending events a dozen times a second, and could keep relinking the first chains in key order while
     * later ones waited.
     */
    public int chainPending() {
        int linked = 0;
        String after = null;
        while (true) {
            String from = after;
            Pass pass = QuarkusTransaction.requiringNew().call(() -> chainSome(from));
            linked += pass.events();
            if (pass.chains() < CHAINS_AT_ONCE) {
                return linked;
            }
            after = pass.lastChain();
        }
    }

    /** What one transaction of linking did: how many chains and events, and the last chain in key order. */
    private record Pass(int chains, int events, String lastChain) {
    }

    private Pass chainSome(String after) {
        var em = AuditEvent.getEntityManager();
        plainIndexScans(em);
        var keysQuery = em.createQuery("select distinct e.chainKey from AuditEvent e where e.seq is null"
                + (after == null ? "" : " and e.chainKey > :after") + " order by e.chainKey", String.class)
                .setMaxResults(CHAINS_AT_ONCE);
        if (after != null) {
            keysQuery.setParameter("after", after);
        }
        List<String> keys = keysQuery.getResultList();
        if (keys.isEmpty()) {
            return new Pass(0, 0, after);
        }
        Map<String, AuditChain> heads = lockHeads(keys);
        // Read after the heads are locked: what another instance linked before, it has committed. As rows, not
        // entities: nothing here is for Hibernate to keep.
        List<AuditEvent> pending = SqlRows.list(em, PENDING, AuditLog::pendingEvent,
                new SqlRows.Values("varchar", keys));
        List<Object[]> links = new ArrayList<>(pending.size());
        for (AuditEvent event : pending) {
            AuditChain head = heads.get(event.chainKey);
            event.seq = head.lastSeq + 1;
            event.prevHash = head.lastHash;
            event.hash = sha256(event.canonical());
            head.lastSeq = event.seq;
            head.lastHash = event.hash;
            links.add(new Object[]{event.seq, event.prevHash, event.hash, event.id});
        }
        // The entity is immutable to Hibernate; its place in the chain is written once, here.
        SqlRows.batch(em, "UPDATE audit_event SET seq = ?, prev_hash = ?, hash = ? WHERE id = ? AND seq IS NULL",
                links);
        return new Pass(keys.size(), pending.size(), keys.get(keys.size() - 1));
    }

    /**
     * On PostgreSQL, this transaction's reads of pending events by plain index scans. Linking an event leaves its old
     * version, not linked, in the indexes until a vacuum; a bitmap scan visits every one of them again on each pass,
     * while an index scan marks each as dead on its way, so that the passes after it skip them. At the end of a
     * benchmark run, a pass took 10 to 17 ms the first way and 1 to 3 ms the second.
     */
    private static void plainIndexScans(EntityManager em) {
        if (SqlRows.onPostgres(em)) {
            em.unwrap(Session.class).doWork(connection -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("SET LOCAL enable_bitmapscan = off");
                }
            });
        }
    }

    /** The events of these chains not linked yet, in each chain in the order they were recorded. */
    private static final String PENDING = "SELECT id, chain_key, occurred_at, actor_ref, actor_role, patient_ref, "
            + "category, grant_id, purpose, outcome, reason FROM audit_event "
            + "WHERE chain_key = ANY(CAST(? AS VARCHAR ARRAY)) AND seq IS NULL ORDER BY chain_key, recorded_no";

    /** A pending event with what its hash covers; the person ids, which the hash does not cover, are left out. */
    private static AuditEvent pendingEvent(ResultSet rs) throws SQLException {
        AuditEvent event = new AuditEvent();
        event.id = SqlRows.uuid(rs, 1);
        event.chainKey = rs.getString(2);
        event.occurredAt = SqlRows.instant(rs, 3);
        event.actorRef = rs.getString(4);
        event.actorRole = rs.getString(5);
        event.patientRef = rs.getString(6);
        event.category = rs.getString(7);
        event.grantId = SqlRows.uuid(rs, 8);
        event.purpose = rs.getString(9);
        event.outcome = rs.getString(10);
        event.reason = rs.getString(11);
        return event;
    }

    /** The heads of these chains, locked in key order; those of patients never read before are created first. */
    private Map<String, AuditChain> lockHeads(List<String> keys) {
        Map<String, AuditChain> heads = new HashMap<>();
        AuditChain.<AuditChain>find("chainKey in ?1 order by chainKey", keys)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(h -> heads.put(h.chainKey, h));
        List<String> missing = keys.stream().filter(k -> !heads.containsKey(k)).toList();
        if (!missing.isEmpty()) {
            try {
                // Created apart, so two instances creating one head cannot both fail their linking.
                QuarkusTransaction.requiringNew().run(() -> missing.forEach(key -> {
                    AuditChain created = new AuditChain();
                    created.chainKey = key;
                    created.lastSeq = 0;
                    created.lastHash = AuditChain.GENESIS;
                    created.persist();
                }));
            } catch (PersistenceException | io.quarkus.narayana.jta.QuarkusTransactionException e) {
                // Another instance created some of them first; the lock below waits for them.
            }
            AuditChain.<AuditChain>find("chainKey in ?1 order by chainKey", missing)
                    .withLock(LockModeType.PESSIMISTIC_WRITE).list().forEach(h -> heads.put(h.chainKey, h));
        }
        return heads;
    }

    /**
     * Links what is pending, then walks every chain and reports the first event (or head) that does not match.
     */
    public Verification verify() {
        chainPending();
        return QuarkusTransaction.requiringNew().call(this::walk);
    }

    private Verification walk() {
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
