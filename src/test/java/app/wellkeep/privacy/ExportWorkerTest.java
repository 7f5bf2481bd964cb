package app.wellkeep.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.PersonService;
import app.wellkeep.account.Role;
import app.wellkeep.account.TokenProfile;
import app.wellkeep.privacy.ExportJob.Status;

/**
 * The export queue: one claim per job, abandoned jobs taken up again, old files deleted, and no chunk left of an
 * attempt that failed, died or was overtaken.
 */
@QuarkusTest
class ExportWorkerTest {

    @Inject
    ExportWorker worker;

    @Inject
    PersonService persons;

    @Inject
    ExportFiles files;

    UUID personId;

    @BeforeEach
    void person() {
        Person person = persons.signIn(new TokenProfile("sub-export-worker", "Wanda Worker", null, Role.PATIENT));
        personId = person.id;
        QuarkusTransaction.requiringNew().run(() -> ExportJob.delete("personId", personId));
    }

    @Test
    void aJobIsClaimedOnceEvenByTwoWorkers() {
        UUID id = job(Status.QUEUED, null, 0, Instant.now().plus(ExportService.KEEP));
        OptionalInt first = worker.claim(id);
        OptionalInt second = worker.claim(id);
        assertEquals(OptionalInt.of(1), first);
        assertTrue(second.isEmpty(), "the second claim finds the job taken");
        assertEquals(Status.RUNNING, load(id).status);
    }

    @Test
    void aWorkerThatLostItsClaimCannotFinishTheJob() {
        UUID id = job(Status.QUEUED, null, 0, Instant.now().plus(ExportService.KEEP));
        int stale = worker.claim(id).orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> ExportJob.update("status = ?1 where id = ?2", Status.QUEUED, id));
        int fresh = worker.claim(id).orElseThrow();
        worker.run(id, stale);
        assertEquals(Status.RUNNING, load(id).status, "the overtaken worker wrote nothing");
        assertEquals(Map.of(), chunks(id), "and left no file behind");
        worker.run(id, fresh);
        ExportJob done = load(id);
        assertEquals(Status.DONE, done.status);
        assertEquals(done.sectionsTotal, done.sectionsDone);
        assertEquals(Map.of(fresh, 1L), chunks(id), "the file of the attempt that finished, in one chunk");
        assertEquals(ExportFiles.GZIP, done.contentEncoding);
        assertEquals(storedBytes(id), done.sizeBytes);
    }

    @Test
    void aWorkerThatLostItsClaimMidwayStoresNoMoreChunks() throws IOException {
        UUID id = job(Status.QUEUED, null, 0, Instant.now().plus(ExportService.KEEP));
        int stale = worker.claim(id).orElseThrow();
        OutputStream file = files.create(id, stale);
        file.write(new byte[ExportFiles.CHUNK]);
        QuarkusTransaction.requiringNew().run(() -> ExportJob.update("status = ?1 where id = ?2", Status.QUEUED, id));
        int fresh = worker.claim(id).orElseThrow();
        assertThrows(IOException.class, () -> file.write(new byte[ExportFiles.CHUNK]),
                "the chunk after the take-over is refused");
        assertEquals(Map.of(stale, 1L), chunks(id));
        assertEquals(0, worker.recoverAbandoned(), "the job itself is alive");
        assertEquals(Map.of(), chunks(id), "what the overtaken attempt stored goes with the sweep");
        worker.run(id, fresh);
        assertEquals(Status.DONE, load(id).status);
    }

    @Test
    void aJobLeftRunningByACrashIsRunAgainThenGivenUp() {
        Instant longAgo = Instant.now().minus(ExportWorker.LEASE).minus(Duration.ofMinutes(1));
        UUID crashed = job(Status.RUNNING, longAgo, 1, Instant.now().plus(ExportService.KEEP));
        UUID hopeless = job(Status.RUNNING, longAgo, ExportWorker.MAX_ATTEMPTS,
                Instant.now().plus(ExportService.KEEP));
        UUID alive = job(Status.RUNNING, Instant.now(), 1, Instant.now().plus(ExportService.KEEP));
        // What the dead workers had stored before they died.
        storeChunks(crashed, 1, 3);
        storeChunks(hopeless, ExportWorker.MAX_ATTEMPTS, 2);
        storeChunks(alive, 1, 2);
        assertEquals(2, worker.recoverAbandoned());
        assertEquals(Status.QUEUED, load(crashed).status);
        assertEquals(Status.FAILED, load(hopeless).status);
        assertEquals(Status.RUNNING, load(alive).status, "a job with a live worker is left alone");
        assertEquals(Map.of(), chunks(crashed), "the dead attempt's chunks are gone");
        assertEquals(Map.of(), chunks(hopeless), "a failed export keeps no chunks");
        assertEquals(Map.of(1, 2L), chunks(alive), "a live worker's file is left alone");
        worker.runQueued();
        assertEquals(Status.DONE, load(crashed).status);
        assertEquals(2, load(crashed).attempts);
        assertEquals(Map.of(2, 1L), chunks(crashed));
    }

    @Test
    void expiredExportsAreDeletedWithTheirFiles() {
        UUID old = job(Status.DONE, null, 1, Instant.now().minusSeconds(1));
        UUID fresh = job(Status.DONE, null, 1, Instant.now().plus(ExportService.KEEP));
        storeChunks(old, 1, 40);
        storeChunks(fresh, 1, 2);
        assertTrue(worker.purgeExpired() >= 1);
        assertNull(load(old));
        assertEquals(Map.of(), chunks(old));
        assertEquals(Status.DONE, load(fresh).status);
        assertEquals(Map.of(1, 2L), chunks(fresh));
    }

    private UUID job(Status status, Instant heartbeat, int attempts, Instant expires) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ExportJob job = new ExportJob();
            job.id = UUID.randomUUID();
            job.personId = personId;
            job.format = ExportFormat.NDJSON;
            job.status = status;
            job.heartbeatAt = heartbeat;
            job.attempts = attempts;
            job.sectionsTotal = worker.sections().size();
            job.createdAt = Instant.now();
            job.expiresAt = expires;
            job.persist();
            return job.id;
        });
    }

    /** Chunks of the export stored by each attempt. */
    static Map<Integer, Long> chunks(UUID id) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> ExportJob.getEntityManager()
                .createNativeQuery("SELECT attempt, COUNT(*) FROM export_chunk WHERE export_id = ?1 GROUP BY attempt")
                .setParameter(1, id).getResultList());
        Map<Integer, Long> counts = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            counts.put(((Number) columns[0]).intValue(), ((Number) columns[1]).longValue());
        }
        return counts;
    }

    /** Bytes stored for the export, in all its chunks. */
    static long storedBytes(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) ExportJob.getEntityManager()
                .createNativeQuery("SELECT COALESCE(SUM(OCTET_LENGTH(data)), 0) FROM export_chunk WHERE export_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue());
    }

    /** Chunks as a worker stores them, written straight in as a crash would leave them. */
    private static void storeChunks(UUID id, int attempt, int count) {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int seq = 0; seq < count; seq++) {
                ExportJob.getEntityManager()
                        .createNativeQuery(
                                "INSERT INTO export_chunk (export_id, attempt, seq, data) VALUES (?1, ?2, ?3, ?4)")
                        .setParameter(1, id).setParameter(2, attempt).setParameter(3, seq)
                        .setParameter(4, new byte[]{1, 2, 3}).executeUpdate();
            }
        });
    }

    private static ExportJob load(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>findById(id));
    }
}
