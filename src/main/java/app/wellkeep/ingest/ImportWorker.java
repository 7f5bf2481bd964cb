package app.wellkeep.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import app.wellkeep.account.Person;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.ImportJob.Status;
import app.wellkeep.vitals.ReadingBatch;
import app.wellkeep.vitals.SampleService;
import app.wellkeep.vitals.SampleService.Published;

/**
 * Runs queued imports, one at a time per app instance, on a thread of its own. A job is claimed by a conditional
 * update (QUEUED to RUNNING, attempts plus one), and every later write of the worker names the attempt it claimed, so
 * a worker that lost its job (its heartbeat stopped, another took over) changes nothing. The readings are staged as
 * the file is read and published with the final counts in one transaction: until then nothing of the import is
 * visible, and a crash leaves only staged parts, dropped when the job is tried again. After {@link
 * ImportConfig#maxAttempts()} the job fails.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    /** How often a running import writes its progress (and renews its claim). */
    static final Duration HEARTBEAT = Duration.ofSeconds(1);
    /** Publishing millions of readings takes a while; far less than this. */
    private static final int PUBLISH_TIMEOUT_SECONDS = 3600;

    /** The job was taken over or deleted while this worker read it: its work is dropped. */
    static final class Abandoned extends RuntimeException {

        Abandoned() {
            super("import abandoned", null, false, false);
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
    SampleService samples;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread worker = new Thread(task, "import-worker");
        worker.setDaemon(true);
        return worker;
    });

    /** Starts on queued imports now rather than at the next poll. */
    public void wake() {
        try {
            thread.execute(this::runQueued);
        } catch (RejectedExecutionException stopping) {
            // The app is stopping; the job stays queued for the next start.
        }
    }

    void onStart(@Observes StartupEvent start) {
        recoverAbandoned();
        wake();
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }

    /** The safety net: jobs of other instances, abandoned jobs and uploads that never finished arriving. */
    @Scheduled(every = "${wellkeep.imports.poll-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        recoverAbandoned();
        wake();
    }

    /** Runs queued imports until none is left; returns how many this worker ran. */
    public int runQueued() {
        int ran = 0;
        try {
            for (Optional<UUID> next = nextQueued(); next.isPresent(); next = nextQueued()) {
                OptionalInt attempt = claim(next.get());
                if (attempt.isPresent()) {
                    run(next.get(), attempt.getAsInt());
                    ran++;
                }
            }
        } catch (RuntimeException e) {
            LOG.error("Import worker stopped early; the next poll carries on", e);
        }
        return ran;
    }

    private Optional<UUID> nextQueued() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ImportJob.getEntityManager()
                        .createQuery("select j.id from ImportJob j where j.status = :status order by j.createdAt",
                                UUID.class)
                        .setParameter("status", Status.QUEUED).setMaxResults(1).getResultStream().findFirst());
    }

    /** Takes a queued job; empty when another worker was first. The attempt number is the claim's fence. */
    OptionalInt claim(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = ImportJob.update("status = ?1, attempts = attempts + 1, heartbeatAt = ?2, bytesRead = 0, "
                    + "entriesRead = 0 where id = ?3 and status = ?4", Status.RUNNING, clock.instant(), id,
                    Status.QUEUED);
            if (claimed != 1) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(ImportJob.<ImportJob>findById(id).attempts);
        });
    }

    /** Reads, stages and publishes one claimed job. */
    void run(UUID id, int attempt) {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> ImportJob.<ImportJob>findById(id));
        // The patient's own import: the worker reads the person it runs for.
        Person person = job == null
                ? null
                : QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(job.personId));
        if (job == null || person == null) {
            return;
        }
        long started = System.nanoTime();
        samples.discardStaged(id);
        ReadingBatch batch = samples.stagedBatch(person, id, attempt, config.stageEvery());
        Counting upload = new Counting(uploads.open(id));
        ImportSink[] sink = new ImportSink[1];
        Instant[] beat = {Instant.EPOCH};
        sink[0] = new ImportSink(batch, clock.instant(), config.keptRejections(), () -> {
            Instant now = Instant.now();
            if (now.isAfter(beat[0].plus(HEARTBEAT))) {
                beat[0] = now;
                heartbeat(id, attempt, upload.count, sink[0].entries());
            }
        });
        // The checks and the packing of readings run beside the parse, on a thread of their own; closed in reverse
        // order, so that whatever the outcome nothing is still being staged once the attempt is over.
        try (batch; HandOffSink handOff = new HandOffSink(sink[0], "import-checks")) {
            Set<String> formats = new LinkedHashSet<>();
            byte[] head = uploads.head(id, Importer.HEAD_BYTES);
            if (SafeZip.isZip(head)) {
                if (!ZipEnd.present(uploads.tail(id))) {
                    throw new ImportException(Problem.TRUNCATED, "archive without its directory");
                }
                try (SafeZip zip = new SafeZip(new BufferedInputStream(upload, 1 << 16), config)) {
                    for (String name = zip.next(); name != null; name = zip.next()) {
                        readFile(name, zip.content(), person, sink[0], handOff, formats);
                    }
                }
            } else {
                readFile(job.fileName, upload, person, sink[0], handOff, formats);
            }
            if (formats.isEmpty()) {
                throw new ImportException(Problem.UNSUPPORTED_FORMAT, "no file Wellkeep reads");
            }
            handOff.flush();
            batch.finishReading();
            long read = System.nanoTime();
            Published published = publish(id, attempt, batch, sink[0], String.join(",", formats));
            // Where an import's time goes, for whoever runs the server (and the import benchmark).
            LOG.infof("Import %s done: %d entries read in %d ms, published in %d ms, %d new, %d already stored", id,
                    sink[0].entries(), (read - started) / 1_000_000, (System.nanoTime() - read) / 1_000_000,
                    published.added(), published.duplicates());
            cleanUp(id);
        } catch (ImportException e) {
            LOG.infof("Import %s refused: %s", id, e.getMessage());
            fail(id, attempt, e.problem(), e.getMessage());
        } catch (ImportException.Carrier carried) {
            LOG.infof("Import %s refused: %s", id, carried.getMessage());
            fail(id, attempt, carried.exception().problem(), carried.exception().getMessage());
        } catch (Abandoned e) {
            LOG.infof("Import %s was taken over or deleted; this attempt stops", id);
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Import %s failed", id);
            fail(id, attempt, null, "unexpected error");
        }
    }

    private void readFile(String name, InputStream content, Person person, ImportSink sink, HandOffSink handOff,
            Set<String> formats) throws IOException {
        BufferedInputStream in = new BufferedInputStream(content, 1 << 16);
        in.mark(Importer.HEAD_BYTES);
        byte[] head = in.readNBytes(Importer.HEAD_BYTES);
        in.reset();
        Optional<Importer> importer = importers.find(name, head);
        if (importer.isEmpty()) {
            sink.fileSkipped(name);
            // Read to its end all the same, through the archive's limits: a file nobody reads can still be a bomb.
            in.transferTo(OutputStream.nullOutputStream());
            return;
        }
        // Entries of the previous file are counted under its name before this one's begin.
        handOff.flush();
        sink.file(name, importer.get().positions());
        try {
            importer.get().read(new ImportContext(name, person.zone()), in, handOff);
        } catch (ImportException.Carrier carried) {
            throw carried.exception();
        }
        formats.add(importer.get().format());
    }

    private void heartbeat(UUID id, int attempt, long bytesRead, long entries) {
        int alive = QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                "heartbeatAt = ?1, bytesRead = ?2, entriesRead = ?3 where id = ?4 and status = ?5 and attempts = ?6",
                clock.instant(), bytesRead, entries, id, Status.RUNNING, attempt));
        if (alive != 1) {
            throw new Abandoned();
        }
    }

    /** The readings, the counts and the end of the upload, in one transaction. */
    private Published publish(UUID id, int attempt, ReadingBatch batch, ImportSink sink, String formats) {
        Published published = QuarkusTransaction.requiringNew().timeout(PUBLISH_TIMEOUT_SECONDS).call(() -> {
            ImportJob job = ImportJob.findById(id);
            if (job == null || job.status != Status.RUNNING || job.attempts != attempt) {
                return null;
            }
            Published result = samples.publish(batch);
            job.status = Status.DONE;
            job.finishedAt = clock.instant();
            job.heartbeatAt = job.finishedAt;
            job.formats = formats;
            job.bytesRead = job.sizeBytes;
            job.entriesRead = sink.entries();
            job.added = result.added();
            job.duplicates = result.duplicates();
            job.repeated = result.repeated();
            job.rejected = sink.rejected();
            job.skipped = sink.skipped();
            sink.tallies().forEach(t -> t.persist());
            sink.kept().forEach(r -> r.persist());
            return result;
        });
        if (published == null) {
            throw new Abandoned();
        }
        return published;
    }

    /**
     * Removes a finished import's upload and staged parts, in small transactions after the one that finished it.
     * Neither is visible to anyone; what a crash leaves of them, {@link #recoverAbandoned} removes.
     */
    void cleanUp(UUID id) {
        uploads.delete(id);
        samples.discardStaged(id);
    }

    private void fail(UUID id, int attempt, Problem problem, String detail) {
        int owned = QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                "status = ?1, finishedAt = ?2, problem = ?3, problemDetail = ?4 where id = ?5 and status = ?6 "
                        + "and attempts = ?7",
                Status.FAILED, clock.instant(), problem, detail.length() > 300 ? detail.substring(0, 300) : detail,
                id, Status.RUNNING, attempt));
        if (owned == 1) {
            cleanUp(id);
        }
    }

    /**
     * Jobs left RUNNING by a worker that died (crash, restart) go back to the queue once their lease ran out, or
     * fail after too many attempts; uploads that stopped arriving are removed. Returns how many jobs changed.
     */
    public int recoverAbandoned() {
        Instant now = clock.instant();
        Instant stale = now.minus(config.lease());
        int changed = QuarkusTransaction.requiringNew().call(() -> ImportJob.update(
                "status = ?1 where status = ?2 and heartbeatAt < ?3 and attempts < ?4", Status.QUEUED,
                Status.RUNNING, stale, config.maxAttempts())
                + ImportJob.update("status = ?1, finishedAt = ?2, problem = null, problemDetail = ?3 "
                        + "where status = ?4 and heartbeatAt < ?5", Status.FAILED, now, "tried too often",
                        Status.RUNNING, stale)
                + (int) ImportJob.delete("status = ?1 and heartbeatAt < ?2", Status.RECEIVING, stale));
        // Uploads and staged parts of imports that are done, failed or gone: what a crash left behind.
        for (UUID id : uploads.withChunks()) {
            if (finished(id)) {
                uploads.delete(id);
            }
        }
        for (UUID id : samples.stagedBatches()) {
            if (finished(id)) {
                samples.discardStaged(id);
            }
        }
        return changed;
    }

    private static boolean finished(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = ImportJob.findById(id);
            return job == null || job.status == Status.DONE || job.status == Status.FAILED;
        });
    }

    /** Counts the bytes of the upload read so far: the processing progress. */
    private static final class Counting extends FilterInputStream {

        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
