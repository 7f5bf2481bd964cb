package app.wellkeep.privacy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
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

import app.wellkeep.privacy.ExportJob.Status;

/**
 * Runs queued exports, one at a time per app instance, on a thread of its own. Jobs live in the database, so any
 * instance may run any job: a conditional update claims it, and the attempt number it was claimed with fences off
 * a worker that lost its claim (its later writes match no row). A job whose worker died (its heartbeat stopped) is
 * queued again, and failed after {@link #MAX_ATTEMPTS}.
 */
@ApplicationScoped
public class ExportWorker {

    private static final Logger LOG = Logger.getLogger(ExportWorker.class);

    /** Longer than any one section takes to export: the heartbeat is renewed after each section. */
    static final Duration LEASE = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 3;

    @Inject
    Clock clock;

    @Inject
    @All
    List<PersonalData> sections;

    @Inject
    ObjectMapper json;

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
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        try {
            ExportWriter writer = job.format.open(file, json, job.id, job.createdAt);
            int done = 0;
            for (PersonalData section : ordered) {
                QuarkusTransaction.requiringNew().run(() -> section.export(job.personId, writer));
                if (!progress(id, attempt, ++done, ordered.size())) {
                    // Erased, expired or taken over meanwhile: nothing to finish.
                    return;
                }
            }
            writer.finish();
            finish(id, attempt, file.toByteArray());
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Export %s failed", id);
            fail(id, attempt);
        }
    }

    private boolean progress(UUID id, int attempt, int done, int total) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ExportJob.update(
                        "sectionsDone = ?1, sectionsTotal = ?2, heartbeatAt = ?3 where id = ?4 and status = ?5 and attempts = ?6",
                        done, total, clock.instant(), id, Status.RUNNING, attempt) == 1);
    }

    private void finish(UUID id, int attempt, byte[] content) {
        Instant now = clock.instant();
        QuarkusTransaction.requiringNew()
                .run(() -> ExportJob.update(
                        "status = ?1, content = ?2, finishedAt = ?3, expiresAt = ?4 where id = ?5 and status = ?6 and attempts = ?7",
                        Status.DONE, content, now, now.plus(ExportService.KEEP), id, Status.RUNNING, attempt));
    }

    private void fail(UUID id, int attempt) {
        QuarkusTransaction.requiringNew()
                .run(() -> ExportJob.update(
                        "status = ?1, finishedAt = ?2 where id = ?3 and status = ?4 and attempts = ?5",
                        Status.FAILED, clock.instant(), id, Status.RUNNING, attempt));
    }

    /**
     * Jobs left RUNNING by a worker that died (crash, restart) go back to the queue once their lease ran out, or
     * fail after too many attempts. Returns how many jobs changed.
     */
    public int recoverAbandoned() {
        Instant now = clock.instant();
        Instant stale = now.minus(LEASE);
        return QuarkusTransaction.requiringNew().call(() -> ExportJob.update(
                "status = ?1, sectionsDone = 0 where status = ?2 and heartbeatAt < ?3 and attempts < ?4", Status.QUEUED,
                Status.RUNNING, stale, MAX_ATTEMPTS)
                + ExportJob.update("status = ?1, finishedAt = ?2 where status = ?3 and heartbeatAt < ?4", Status.FAILED,
                        now, Status.RUNNING, stale));
    }

    /** Deletes expired exports, files and all; returns how many. */
    public long purgeExpired() {
        return QuarkusTransaction.requiringNew().call(() -> ExportJob.delete("expiresAt <= ?1", clock.instant()));
    }
}
