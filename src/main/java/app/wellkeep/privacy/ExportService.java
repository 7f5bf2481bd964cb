package app.wellkeep.privacy;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.privacy.ExportJob.Status;

/** "Export all my data": requests, their progress, and the finished files, for their owner only. */
@ApplicationScoped
public class ExportService {

    /** How long a finished (or failed) export is kept before it is deleted. */
    public static final Duration KEEP = Duration.ofDays(7);

    @Inject
    Clock clock;

    @Inject
    ExportWorker worker;

    @Inject
    ExportFiles files;

    /**
     * A finished export: {@code size} bytes of {@code content}, encoded as {@code encoding} ({@code gzip}) or, when
     * that is null, as the patient saves them. The content is read from the database a chunk at a time.
     */
    public record StoredFile(String fileName, String mediaType, String encoding, long size, InputStream content) {
    }

    /** Queues an export, or returns the one still under way: one at a time per person is plenty. */
    public ExportJob request(UUID personId, ExportFormat format) {
        ExportJob job = QuarkusTransaction.requiringNew()
                .call(() -> ExportJob.active(personId).orElseGet(() -> create(personId, format)));
        worker.wake();
        return job;
    }

    private ExportJob create(UUID personId, ExportFormat format) {
        Instant now = clock.instant();
        ExportJob job = new ExportJob();
        job.id = UUID.randomUUID();
        job.personId = personId;
        job.format = format;
        job.status = Status.QUEUED;
        job.sectionsTotal = worker.sections().size();
        job.createdAt = now;
        job.expiresAt = now.plus(KEEP);
        job.persist();
        return job;
    }

    /** The person's own export, while it is kept; anyone else's is not there for them. */
    public Optional<ExportJob> find(UUID personId, UUID id) {
        return ExportJob.findOwned(personId, id, clock.instant());
    }

    public List<ExportJob> recent(UUID personId) {
        return ExportJob.recent(personId, clock.instant());
    }

    /** The finished file of the person's own export, as stored. */
    public Optional<StoredFile> download(UUID personId, UUID id) {
        return find(personId, id).filter(job -> job.status == Status.DONE && job.sizeBytes != null)
                .map(job -> new StoredFile(job.fileName(), job.format.mediaType(), job.contentEncoding, job.sizeBytes,
                        files.open(job.id, job.attempts)));
    }
}
