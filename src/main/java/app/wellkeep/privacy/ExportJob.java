package app.wellkeep.privacy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One "export all my data" request. The database is the queue: a worker claims a QUEUED job with a conditional
 * update, renews its heartbeat as it goes, and stores the file in chunks ({@link ExportFiles}) kept until the job
 * expires.
 */
@Entity
@Table(name = "export_job")
public class ExportJob extends PanacheEntityBase {

    public enum Status {

        QUEUED, RUNNING, DONE, FAILED;

        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ExportFormat format;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Column(name = "sections_done", nullable = false)
    public int sectionsDone;

    @Column(name = "sections_total", nullable = false)
    public int sectionsTotal;

    /** How often a worker claimed the job; also the fencing token that keeps an overtaken worker from writing. */
    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Renewed by the worker after every section; a RUNNING job whose heartbeat is old was abandoned. */
    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    /** The length of the finished file as stored, in bytes; its chunks are the current attempt's. */
    @Column(name = "size_bytes")
    public Long sizeBytes;

    /** How the finished file is stored: {@code gzip}, or null when it is stored as the patient saves it. */
    @Column(name = "content_encoding", length = 16)
    public String contentEncoding;

    /** The name the browser saves the file under, e.g. {@code wellkeep-export-2026-11-22.json}. */
    public String fileName() {
        return "wellkeep-export-" + LocalDate.ofInstant(createdAt, ZoneOffset.UTC) + "." + format.extension();
    }

    public static Optional<ExportJob> findOwned(UUID personId, UUID id, Instant now) {
        return find("id = ?1 and personId = ?2 and expiresAt > ?3", id, personId, now).firstResultOptional();
    }

    public static List<ExportJob> recent(UUID personId, Instant now) {
        return list("personId = ?1 and expiresAt > ?2 order by createdAt desc", personId, now);
    }

    public static Optional<ExportJob> active(UUID personId) {
        return find("personId = ?1 and status in ?2 order by createdAt", personId,
                List.of(Status.QUEUED, Status.RUNNING)).firstResultOptional();
    }
}
