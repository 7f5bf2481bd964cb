package app.wellkeep.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

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
        return QuarkusTransaction.requiringNew().call(() -> {
            for (int i = 0; i < count; i++) {
                audit.record(new AuditLog.Entry(coach, "COACH", patient, i % 2 == 0 ? "CHECK_INS" : null,
                        UUID.randomUUID(), "API", Outcome.PERMIT, null));
            }
            return AuditEvent.inChain(audit.ref(patient));
        });
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
