package app.wellkeep.ingest;

import java.time.Instant;
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

import app.wellkeep.ingest.ImportException.Problem;

/**
 * One file a patient brought in. The database is the queue: the upload is kept in chunks, a worker claims a QUEUED
 * job with a conditional update, renews its heartbeat as it reads, and publishes the readings with the final counts
 * in one transaction. The attempt number a worker claimed the job with fences off a worker that lost it.
 */
@Entity
@Table(name = "import_job")
public class ImportJob extends PanacheEntityBase {

    public enum Status {

        /** The upload is still arriving. */
        RECEIVING, QUEUED, RUNNING, DONE, FAILED;

        public boolean active() {
            return this == RECEIVING || this == QUEUED || this == RUNNING;
        }
    }

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    /** The formats found in the upload, comma-separated ("apple-health"). */
    @Column(length = 200)
    public String formats;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "heartbeat_at", nullable = false)
    public Instant heartbeatAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** How much of the upload the worker has read: the processing progress. */
    @Column(name = "bytes_read", nullable = false)
    public long bytesRead;

    /** Readings, rejected and skipped entries met so far. */
    @Column(name = "entries_read", nullable = false)
    public long entriesRead;

    @Column(nullable = false)
    public long added;

    /** Readings already stored before this import (by an earlier import of the same data, say). */
    @Column(nullable = false)
    public long duplicates;

    /** Readings the upload lists more than once (Apple Health lists blood pressure twice): counted once. */
    @Column(nullable = false)
    public long repeated;

    @Column(nullable = false)
    public long rejected;

    @Column(nullable = false)
    public long skipped;

    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public Problem problem;

    @Column(name = "problem_detail", length = 300)
    public String problemDetail;

    /** How far the worker has read the upload, in whole percent. */
    public int percent() {
        if (status == Status.DONE) {
            return 100;
        }
        return sizeBytes == 0 ? 0 : (int) Math.min(99, bytesRead * 100 / sizeBytes);
    }

    public static Optional<ImportJob> findOwned(UUID personId, UUID id) {
        return find("id = ?1 and personId = ?2", id, personId).firstResultOptional();
    }

    public static List<ImportJob> ofPerson(UUID personId) {
        return list("personId = ?1 order by createdAt desc", personId);
    }
}
