package app.wellkeep.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.audit.AuditEvent.Outcome;

/** The access log is a hash chain per patient: any edit, removal or reordering is found, at its first link. */
@QuarkusTest
class AuditLogTest {

    @Inject
    AuditLog audit;

    private final UUID patient = UUID.randomUUID();
    private final UUID coach = UUID.randomUUID();

    private List<AuditEvent> record(int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < count; i++) {
                audit.record(entry(i % 2 == 0 ? "CHECK_INS" : null));
            }
        });
        audit.chainPending();
        return QuarkusTransaction.requiringNew().call(() -> AuditEvent.inChain(audit.ref(patient)));
    }

    private AuditLog.Entry entry(String category) {
        return entryOf(patient, category);
    }

    private AuditLog.Entry entryOf(UUID patientId, String category) {
        return new AuditLog.Entry(coach, "COACH", patientId, category, UUID.randomUUID(), "API", Outcome.PERMIT,
                null);
    }

    private void sql(String statement, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var query = AuditEvent.getEntityManager().createNativeQuery(statement);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            query.executeUpdate();
        });
    }

    @AfterEach
    void removeThisChain() {
        // Tampered chains would fail every later verification; tests of tampering clean up after themselves.
        String chain = audit.ref(patient);
        sql("DELETE FROM audit_event WHERE chain_key = ?1", chain);
        sql("DELETE FROM audit_chain WHERE chain_key = ?1", chain);
    }

    @Test
    void eventsLinkToTheOneBefore() {
        List<AuditEvent> events = record(3);
        assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.seq).toList());
        assertEquals(AuditChain.GENESIS, events.get(0).prevHash);
        assertEquals(events.get(0).hash, events.get(1).prevHash);
        assertEquals(events.get(1).hash, events.get(2).prevHash);
        assertTrue(audit.verify().intact());
    }

    @Test
    void readsOfOnePatientAtOnceDoNotWaitForEachOtherAndAreLinkedAfter() throws Exception {
        CountDownLatch recorded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService other = Executors.newFixedThreadPool(2);
        try {
            // One read records its event and stays open (a slow page) ...
            Future<?> open = other.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
                audit.record(entry("SLEEP"));
                recorded.countDown();
                await(release);
            }));
            assertTrue(recorded.await(30, TimeUnit.SECONDS));
            // ... and another read of the same patient records and commits meanwhile: nothing is locked for it.
            // (Were it to wait for the first, it would wait until the time-out below.)
            other.submit(() -> QuarkusTransaction.requiringNew().run(() -> audit.record(entry("HEART"))))
                    .get(30, TimeUnit.SECONDS);
            release.countDown();
            open.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            other.shutdownNow();
        }
        audit.chainPending();
        List<AuditEvent> events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.inChain(audit.ref(patient)));
        assertEquals(List.of(1L, 2L), events.stream().map(e -> e.seq).toList());
        assertEquals(events.get(0).hash, events.get(1).prevHash);
        assertTrue(audit.verify().intact());
    }

    @Test
    void oneCallLinksEveryChainPendingWhenItBeganThroughMoreChainsThanATransactionTakes() {
        List<UUID> patients = IntStream.range(0, AuditLog.CHAINS_AT_ONCE * 2 + 1).mapToObj(i -> UUID.randomUUID())
                .toList();
        try {
            QuarkusTransaction.requiringNew().run(() -> patients.forEach(p -> {
                audit.record(entryOf(p, "SLEEP"));
                audit.record(entryOf(p, "HEART"));
            }));
            audit.chainPending();
            QuarkusTransaction.requiringNew().run(() -> patients.forEach(p -> {
                List<AuditEvent> events = AuditEvent.inChain(audit.ref(p));
                assertEquals(List.of(1L, 2L), events.stream().map(e -> e.seq).toList(), "the chain of " + p);
                assertEquals(events.get(0).hash, events.get(1).prevHash);
            }));
            assertTrue(audit.verify().intact());
        } finally {
            patients.forEach(p -> {
                sql("DELETE FROM audit_event WHERE chain_key = ?1", audit.ref(p));
                sql("DELETE FROM audit_chain WHERE chain_key = ?1", audit.ref(p));
            });
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(30, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anEditedEventIsTheFirstBrokenLink() {
        List<AuditEvent> events = record(4);
        sql("UPDATE audit_event SET outcome = 'DENY' WHERE id = ?1", events.get(2).id);
        var result = audit.verify();
        assertFalse(result.intact());
        assertEquals(3, result.firstBroken().get().seq());
        assertEquals(events.get(2).id, result.firstBroken().get().eventId());
    }

    @Test
    void aRemovedEventIsFound() {
        List<AuditEvent> events = record(4);
        sql("DELETE FROM audit_event WHERE id = ?1", events.get(1).id);
        var result = audit.verify();
        assertEquals(2, result.firstBroken().get().seq());
    }

    @Test
    void removingTheNewestEventsIsFoundAtTheHead() {
        List<AuditEvent> events = record(3);
        sql("DELETE FROM audit_event WHERE id = ?1", events.get(2).id);
        var result = audit.verify();
        assertEquals(3, result.firstBroken().get().seq());
        assertEquals("newest events are missing", result.firstBroken().get().problem());
    }

    @Test
    void aRecomputedHashStillBreaksTheNextLink() {
        List<AuditEvent> events = record(3);
        // An attacker who edits an event and fixes its own hash still breaks the link of the event after it.
        sql("UPDATE audit_event SET hash = ?1 WHERE id = ?2", "f".repeat(64), events.get(0).id);
        assertEquals(1, audit.verify().firstBroken().get().seq());
    }

    @Test
    void pseudonymisingKeepsTheChainIntact() {
        record(3);
        QuarkusTransaction.requiringNew().run(() -> assertEquals(3, audit.pseudonymise(patient)));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> AuditEvent.count("patientId", patient)));
        assertTrue(audit.verify().intact());
    }
}
