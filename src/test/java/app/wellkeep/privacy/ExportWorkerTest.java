package app.wellkeep.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
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

/** The export queue: one claim per job, abandoned jobs taken up again, old files deleted. */
@QuarkusTest
class ExportWorkerTest {

    @Inject
    ExportWorker worker;

    @Inject
    PersonService persons;

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
        worker.run(id, fresh);
        ExportJob done = load(id);
        assertEquals(Status.DONE, done.status);
        assertEquals(done.sectionsTotal, done.sectionsDone);
    }

    @Test
    void aJobLeftRunningByACrashIsRunAgainThenGivenUp() {
        Instant longAgo = Instant.now().minus(ExportWorker.LEASE).minus(Duration.ofMinutes(1));
        UUID crashed = job(Status.RUNNING, longAgo, 1, Instant.now().plus(ExportService.KEEP));
        UUID hopeless = job(Status.RUNNING, longAgo, ExportWorker.MAX_ATTEMPTS,
                Instant.now().plus(ExportService.KEEP));
        UUID alive = job(Status.RUNNING, Instant.now(), 1, Instant.now().plus(ExportService.KEEP));
        assertEquals(2, worker.recoverAbandoned());
        assertEquals(Status.QUEUED, load(crashed).status);
        assertEquals(Status.FAILED, load(hopeless).status);
        assertEquals(Status.RUNNING, load(alive).status, "a job with a live worker is left alone");
        worker.runQueued();
        assertEquals(Status.DONE, load(crashed).status);
        assertEquals(2, load(crashed).attempts);
    }

    @Test
    void expiredExportsAreDeleted() {
        UUID old = job(Status.DONE, null, 1, Instant.now().minusSeconds(1));
        UUID fresh = job(Status.DONE, null, 1, Instant.now().plus(ExportService.KEEP));
        assertTrue(worker.purgeExpired() >= 1);
        assertNull(load(old));
        assertEquals(Status.DONE, load(fresh).status);
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

    private static ExportJob load(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>findById(id));
    }
}
