package app.wellkeep.privacy;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.GZIPOutputStream;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import app.wellkeep.common.ChunkedOutputStream;
import app.wellkeep.privacy.ExportJob.Status;

/**
 * Runs queued exports, one at a time per app instance, on a thread of its own. Jobs live in the database, so any
 * instance may run any job: a conditional update claims it, and the attempt number it was claimed with fences off
 * a worker that lost its claim (its later writes match no row). A job whose worker died (its heartbeat stopped) is
 * queued again, and failed after {@link #MAX_ATTEMPTS}. The file is written into the database a chunk at a time as
 * the sections deliver their data ({@link ExportFiles}), so memory stays bounded whatever the size of the export.
 */
@ApplicationScoped
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);

    /**
     * Longer than any one section takes to export, and far longer than it takes to fill a chunk: the heartbeat is
     * renewed after each section and with each chunk stored.
     */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** A section of millions of readings may take longer than the default transaction timeout; never the lease. */
    private static final int SECTION_TIMEOUT = (int) LEASE.toSeconds();
    static final int MAX_ATTEMPTS = 3;
    private static final int BUFFER = 64 << 10;

    @Inject
    Clock clock;

    @Inject
    @All
    List<PersonalData> sections;

    @Inject
    ObjectMapper json;

    @Inject
    ExportFiles files;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread worker = new Thread(task, "export-worker");
        worker.setDaemon(true);
        return worker;
    });

    /** Every feature's section, in a stable order. */
    List<PersonalData> sections() {
        return sections.stream().sorted(Comparator.comparing(PersonalData::section)).toList();
    }

    /** Starts on queued exports now rather than at the next poll. */
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

    /** The safety net: jobs of other instances, abandoned jobs and expired files. */
    @Scheduled(every = "${wellkeep.exports.poll-every:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        recoverAbandoned();
        purgeExpired();
        wake();
    }

    /** Runs queued jobs until none is left; returns how many this worker ran. */
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
            LOG.error("Export worker stopped early; the next poll carries on", e);
        }
        return ran;
    }

    private Optional<UUID> nextQueued() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ExportJob.getEntityManager()
                        .createQuery("select j.id from ExportJob j where j.status = :status order by j.createdAt",
                                UUID.class)
                        .setParameter("status", Status.QUEUED).setMaxResults(1).getResultStream().findFirst());
    }

    /** Takes a queued job; empty when another worker was first. The attempt number is the claim's fence. */
    OptionalInt claim(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int claimed = ExportJob.update(
                    "status = ?1, attempts = attempts + 1, sectionsDone = 0, heartbeatAt = ?2 where id = ?3 and status = ?4",
                    Status.RUNNING, clock.instant(), id, Status.QUEUED);
            if (claimed != 1) {
                return OptionalInt.empty();
            }
            return OptionalInt.of(ExportJob.<ExportJob>findById(id).attempts);
        });
    }

    void run(UUID id, int attempt) {
        ExportJob job = QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>findById(id));
        if (job == null) {
            return;
        }
        List<PersonalData> ordered = sections();
        ChunkedOutputStream stored = files.create(id, attempt);
        OutputStream file = null;
        try {
            file = new BufferedOutputStream(job.format.gzipped() ? new GZIPOutputStream(stored, BUFFER) : stored,
                    BUFFER);
            ExportWriter writer = job.format.open(file, json, job.id, job.createdAt);
            int done = 0;
            for (PersonalData section : ordered) {
                QuarkusTransaction.requiringNew().timeout(SECTION_TIMEOUT)
                        .run(() -> section.export(job.personId, writer));
                if (!progress(id, attempt, ++done, ordered.size())) {
                    // Erased, expired or taken over meanwhile: nothing to finish, nothing of this attempt to keep.
                    release(stored, file);
                    files.delete(id, attempt);
                    return;
                }
            }
            writer.finish();
            file.close();
            if (!finish(id, attempt, stored.size(), job.format.gzipped() ? ExportFiles.GZIP : null)) {
                files.delete(id, attempt);
            }
        } catch (IOException | RuntimeException e) {
            release(stored, file);
            // What the attempt stored goes before the job is marked failed, so no failed job is seen with chunks.
            try {
                files.delete(id, attempt);
            } catch (RuntimeException deleting) {
                LOG.warnf("Export %s: chunks of attempt %d left for the next sweep (%s)", id, attempt, deleting);
            }
            if (fail(id, attempt)) {
                LOG.errorf(e, "Export %s failed", id);
            } else {
                LOG.infof("Export %s stopped: its attempt %d no longer holds the job (%s)", id, attempt, e);
            }
        }
    }

    /** Stops storing; the file's streams are closed only to release their compressors. */
    private static void release(ChunkedOutputStream stored, OutputStream file) {
        stored.discard();
        if (file != null) {
            try {
                file.close();
            } catch (IOException | RuntimeException ignored) {
                // Nothing is stored any more: closing cannot lose anything.
            }
        }
    }

    private boolean progress(UUID id, int attempt, int done, int total) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ExportJob.update(
                        "sectionsDone = ?1, sectionsTotal = ?2, heartbeatAt = ?3 where id = ?4 and status = ?5 and attempts = ?6",
                        done, total, clock.instant(), id, Status.RUNNING, attempt) == 1);
    }

    /** Marks the job done with its file; false when the attempt lost its claim just before. */
    private boolean finish(UUID id, int attempt, long size, String encoding) {
        Instant now = clock.instant();
        return QuarkusTransaction.requiringNew().call(() -> ExportJob.update(
                "status = ?1, sizeBytes = ?2, contentEncoding = ?3, finishedAt = ?4, expiresAt = ?5 "
                        + "where id = ?6 and status = ?7 and attempts = ?8",
                Status.DONE, size, encoding, now, now.plus(ExportService.KEEP), id, Status.RUNNING, attempt) == 1);
    }

    /** Marks the job failed; false when the attempt had lost its claim (the job is another worker's, or gone). */
    private boolean fail(UUID id, int attempt) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ExportJob.update(
                        "status = ?1, finishedAt = ?2 where id = ?3 and status = ?4 and attempts = ?5",
                        Status.FAILED, clock.instant(), id, Status.RUNNING, attempt) == 1);
    }

    /**
     * Jobs left RUNNING by a worker that died (crash, restart) go back to the queue once their lease ran out, or
     * fail after too many attempts; what the dead attempts had stored goes, as does any file of an attempt that
     * failed without removing it. Returns how many jobs changed.
     */
    public int recoverAbandoned() {
        Instant now = clock.instant();
        Instant stale = now.minus(LEASE);
        int changed = QuarkusTransaction.requiringNew().call(() -> ExportJob.update(
                "status = ?1, sectionsDone = 0 where status = ?2 and heartbeatAt < ?3 and attempts < ?4", Status.QUEUED,
                Status.RUNNING, stale, MAX_ATTEMPTS)
                + ExportJob.update("status = ?1, finishedAt = ?2 where status = ?3 and heartbeatAt < ?4", Status.FAILED,
                        now, Status.RUNNING, stale));
        files.purgeOrphans();
        return changed;
    }

    /**
     * Deletes expired exports, their files first, a few chunks per transaction, then the jobs; returns how many.
     */
    public long purgeExpired() {
        Instant now = clock.instant();
        List<UUID> expired = QuarkusTransaction.requiringNew()
                .call(() -> ExportJob.getEntityManager()
                        .createQuery("select j.id from ExportJob j where j.expiresAt <= :now", UUID.class)
                        .setParameter("now", now).getResultList());
        long deleted = 0;
        for (UUID id : expired) {
            files.deleteAll(id);
            deleted += QuarkusTransaction.requiringNew().call(() -> ExportJob.delete("id", id));
        }
        return deleted;
    }
}
