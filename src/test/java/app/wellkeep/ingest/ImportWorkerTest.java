package app.wellkeep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.ingest.ImportJob.Status;
import app.wellkeep.vitals.DailyRollup;
import app.wellkeep.vitals.SampleService;
import app.wellkeep.vitals.StagedBlock;

/**
 * The import queue under failure: a worker that dies in the middle of a file leaves nothing visible, and the job is
 * taken up again and finished; a job is claimed once however many workers try; a worker that lost its job cannot
 * publish it.
 */
@QuarkusTest
class ImportWorkerTest {

    @Inject
    ImportService imports;

    @Inject
    ImportWorker worker;

    @Inject
    UploadStore uploads;

    @Inject
    SampleService samples;

    Person person;

    @BeforeEach
    void person() {
        person = ConsentFixture.person("import-worker-" + UUID.randomUUID(), Role.PATIENT);
    }

    /** Days of heart rate a minute at a time: 1,440 readings a day, staged in parts of 500 in tests. */
    static byte[] minutes(int days) {
        StringBuilder csv = new StringBuilder("metric,start,end,value,unit,source\n");
        for (int minute = 0; minute < 1440 * days; minute++) {
            csv.append(String.format("heart-rate,2024-10-%02dT%02d:%02d:00Z,,%d,/min,Watch%n", 20 + minute / 1440,
                    minute / 60 % 24, minute % 60, 60 + minute % 9));
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What a process kill does to the worker: it stops where it is, nothing of it runs after. */
    static final class Killed extends Error {

        Killed() {
            super("process killed", null, false, false);
        }
    }

    /** The uploads as stored, except that reading one stops dead once it is two thirds through. */
    static final class DyingUploads extends UploadStore {

        final UploadStore real;
        final CountDownLatch died = new CountDownLatch(1);

        DyingUploads(UploadStore real) {
            this.real = real;
        }

        @Override
        InputStream open(UUID importId) {
            InputStream in = real.open(importId);
            long size = QuarkusTransaction.requiringNew()
                    .call(() -> ImportJob.<ImportJob>findById(importId).sizeBytes);
            return new InputStream() {

                long read;

                @Override
                public int read() throws IOException {
                    if (read++ > size * 2 / 3) {
                        died.countDown();
                        throw new Killed();
                    }
                    return in.read();
                }
            };
        }

        @Override
        long store(UUID importId, InputStream in, long max) throws IOException {
            return real.store(importId, in, max);
        }

        @Override
        byte[] head(UUID importId, int length) {
            return real.head(importId, length);
        }

        @Override
        byte[] tail(UUID importId) {
            return real.tail(importId);
        }

        @Override
        void delete(UUID importId) {
            real.delete(importId);
        }
    }

    @Test
    void aWorkerKilledInTheMiddleLeavesNothingVisibleAndTheJobIsFinishedOnRetry() throws Exception {
        UploadStore real = ClientProxy.unwrap(uploads);
        DyingUploads dying = new DyingUploads(real);
        QuarkusMock.installMockForType(dying, UploadStore.class);
        // Six days: far more than the readers buffer ahead, so the crash comes with readings already staged.
        ImportJob job = imports.receive(person, "minutes.csv", new ByteArrayInputStream(minutes(6)));
        assertTrue(dying.died.await(60, TimeUnit.SECONDS), "the worker got two thirds through and died");
        QuarkusMock.installMockForType(real, UploadStore.class);

        // What a crash leaves: the job claimed and silent, parts staged aside, and nothing a page could see.
        ImportJob stuck = imports.job(person, job.id);
        assertEquals(Status.RUNNING, stuck.status);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> StagedBlock.count("batchId", job.id)) > 0,
                "readings were staged before the crash");
        assertEquals(0, samples.count(person.id));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> DailyRollup.count("personId", person.id)));

        // Once its lease has run out, the poll gives the job to a worker again, which starts it over.
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update("heartbeatAt = ?1 where id = ?2",
                Instant.now().minus(Duration.ofHours(1)), job.id));
        assertTrue(worker.recoverAbandoned() >= 1);
        worker.wake();
        ImportJob done = imports.await(person, job.id, Duration.ofSeconds(60));
        assertEquals(Status.DONE, done.status);
        assertEquals(2, done.attempts);
        assertEquals(8640, done.added, "every reading once: the first attempt's staged parts were dropped");
        assertEquals(0, done.repeated);
        assertEquals(8640, samples.count(person.id));
        ImportPipelineTest.assertGone(
                () -> QuarkusTransaction.requiringNew().call(() -> StagedBlock.count("batchId", job.id)),
                "the staged parts of both attempts");
    }

    @Test
    void aJobIsClaimedOnceEvenByManyWorkersAtOnce() throws Exception {
        UUID id = queued();
        java.util.List<OptionalInt> claims = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        java.util.List<Thread> workers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                    claims.add(worker.claim(id));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            workers.add(t);
        }
        start.countDown();
        for (Thread t : workers) {
            t.join(30_000);
        }
        assertEquals(4, claims.size());
        assertEquals(1, claims.stream().filter(OptionalInt::isPresent).count(), "one claim wins: " + claims);
        assertEquals(Status.RUNNING, imports.job(person, id).status);
    }

    @Test
    void aWorkerThatLostItsJobCannotPublishIt() throws Exception {
        UUID id = queued();
        int stale = worker.claim(id).orElseThrow();
        // Its heartbeat stopped; the job went back to the queue and another worker took it.
        QuarkusTransaction.requiringNew()
                .run(() -> ImportJob.update("status = ?1 where id = ?2", Status.QUEUED, id));
        int fresh = worker.claim(id).orElseThrow();
        assertEquals(stale + 1, fresh);
        worker.run(id, stale);
        assertEquals(Status.RUNNING, imports.job(person, id).status, "the stale attempt changed nothing");
        assertEquals(0, samples.count(person.id));
        worker.run(id, fresh);
        assertEquals(Status.DONE, imports.job(person, id).status);
        assertEquals(1440, samples.count(person.id));
    }

    @Test
    void jobsTriedTooOftenFail() {
        UUID id = queued();
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                "status = ?1, attempts = ?2, heartbeatAt = ?3 where id = ?4", Status.RUNNING, 3,
                Instant.now().minus(Duration.ofHours(1)), id));
        worker.recoverAbandoned();
        ImportJob failed = imports.job(person, id);
        assertEquals(Status.FAILED, failed.status);
        assertEquals(null, failed.problem);
    }

    @Test
    void whatACrashLeftOfAFinishedImportIsRemovedByThePoll() throws Exception {
        UUID id = queued();
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update("status = ?1 where id = ?2", Status.DONE, id));
        worker.recoverAbandoned();
        assertEquals(0L, ((Number) QuarkusTransaction.requiringNew().call(() -> ImportJob.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM import_chunk WHERE import_id = ?1").setParameter(1, id)
                .getSingleResult())).longValue());
    }

    @Test
    void uploadsThatStoppedArrivingAreRemoved() {
        UUID id = queued();
        QuarkusTransaction.requiringNew().run(() -> ImportJob.update("status = ?1, heartbeatAt = ?2 where id = ?3",
                Status.RECEIVING, Instant.now().minus(Duration.ofHours(1)), id));
        worker.recoverAbandoned();
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ImportJob.count("id", id)));
    }

    /** A job in the queue that the background worker will not pick up first: it is made here, not received. */
    private UUID queued() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ImportJob job = new ImportJob();
            job.id = id;
            job.personId = person.id;
            job.fileName = "minutes.csv";
            job.status = Status.RECEIVING;
            job.createdAt = Instant.now();
            job.heartbeatAt = job.createdAt;
            job.persist();
        });
        try {
            long size = uploads.store(id, new ByteArrayInputStream(minutes(1)), Long.MAX_VALUE);
            // Left RUNNING by nobody would be recovered; QUEUED is claimable. Tests claim it themselves.
            QuarkusTransaction.requiringNew().run(
                    () -> ImportJob.update("status = ?1, sizeBytes = ?2 where id = ?3", Status.QUEUED, size, id));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return id;
    }
}
