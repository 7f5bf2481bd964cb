package app.wellkeep.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.account.Person;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.ImportJob.Status;
import app.wellkeep.vitals.SampleService;

/**
 * A patient's imports: receiving an upload (refused at once when it is too large, empty or of no format Wellkeep
 * reads), the history, waiting for one to finish, and deleting one with every reading it brought.
 */
@ApplicationScoped
public class ImportService {

    /** An import that cannot be deleted now: it is being read. */
    public static class Busy extends RuntimeException {

        Busy() {
            super("import in progress", null, false, false);
        }
    }

    @Inject
    Clock clock;

    @Inject
    ImportConfig config;

    @Inject
    UploadStore uploads;

    @Inject
    Importers importers;

    @Inject
    ImportWorker worker;

    @Inject
    SampleService samples;

    /** Short enough for a column and a page, without control characters or a path. */
    static String label(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "").strip();
        return clean.length() > 120 ? clean.substring(0, 120) : clean;
    }

    /** The name of an uploaded file without any folder its browser put before it. */
    static String fileName(String given) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = label(name.substring(name.lastIndexOf('/') + 1));
        return name.isEmpty() ? "upload" : name;
    }

    /**
     * Stores an upload and queues its import. Throws {@link ImportException} (and keeps nothing) for an upload over
     * the limit, an empty one, or one that is neither an archive nor a file some importer reads.
     */
    public ImportJob receive(Person person, String givenName, InputStream body) throws IOException {
        Instant now = clock.instant();
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.personId = person.id;
        job.fileName = fileName(givenName);
        job.status = Status.RECEIVING;
        job.createdAt = now;
        job.heartbeatAt = now;
        QuarkusTransaction.requiringNew().run(job::persist);
        try {
            long size = uploads.store(job.id, body, config.maxUploadBytes());
            if (size == 0) {
                throw new ImportException(Problem.EMPTY, "nothing uploaded");
            }
            byte[] head = uploads.head(job.id, Importer.HEAD_BYTES);
            if (!SafeZip.isZip(head) && importers.find(job.fileName, head).isEmpty()) {
                throw new ImportException(Problem.UNSUPPORTED_FORMAT, "no importer reads " + job.fileName);
            }
            job.sizeBytes = size;
            QuarkusTransaction.requiringNew().run(() -> ImportJob.update(
                    "status = ?1, sizeBytes = ?2, heartbeatAt = ?3 where id = ?4", Status.QUEUED, size,
                    clock.instant(), job.id));
        } catch (IOException | RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> ImportJob.deleteById(job.id));
            throw e;
        }
        job.status = Status.QUEUED;
        worker.wake();
        return job;
    }

    @Transactional
    public List<ImportJob> history(Person person) {
        return ImportJob.ofPerson(person.id);
    }

    /** One of the person's imports; 404 for anyone else's. */
    @Transactional
    public ImportJob job(Person person, UUID id) {
        return ImportJob.findOwned(person.id, id).orElseThrow(NotFoundException::new);
    }

    @Transactional
    public List<ImportTally> tallies(Person person, UUID id) {
        return ImportTally.of(job(person, id).id);
    }

    /** The kept rejected entries of one of the person's imports, in file order. */
    @Transactional
    public List<ImportRejection> rejections(Person person, UUID id) {
        return ImportRejection.list("importId = ?1 order by seq", job(person, id).id);
    }

    /** Waits until the import is done or failed, or the time is up; returns it as it is then. */
    public ImportJob await(Person person, UUID id, Duration atMost) throws InterruptedException {
        Instant until = Instant.now().plus(atMost);
        ImportJob job = job(person, id);
        while (job.status.active() && Instant.now().isBefore(until)) {
            Thread.sleep(100);
            job = job(person, id);
        }
        return job;
    }

    /**
     * Deletes an import and every reading it added (readings it found already stored belong to the import that
     * added them); the daily figures are recounted. {@link Busy} while the import is being received or read.
     */
    @Transactional
    public long delete(Person person, UUID id) {
        ImportJob job = job(person, id);
        if (job.status == Status.RECEIVING || job.status == Status.RUNNING) {
            throw new Busy();
        }
        long removed = job.status == Status.DONE ? samples.deleteBatch(person, job.id) : 0;
        if (ImportJob.delete("id = ?1 and status = ?2", job.id, job.status) != 1) {
            // A worker claimed it a moment ago.
            throw new Busy();
        }
        return removed;
    }
}
