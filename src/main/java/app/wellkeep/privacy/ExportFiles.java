package app.wellkeep.privacy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.common.ChunkedInputStream;
import app.wellkeep.common.ChunkedOutputStream;
import app.wellkeep.privacy.ExportJob.Status;

/**
 * The files of exports, kept in the database in chunks ({@code export_chunk}) so that a file of any size is never
 * held whole in memory nor in one row, and any app instance can serve it. Each chunk is written and read in a short
 * transaction of its own. Every claim of a job writes a file of its own, under its attempt number: a worker that
 * lost its claim can neither add to the file of the one that took over nor leave anything a download would read.
 */
@ApplicationScoped
class ExportFiles {

    /** As for uploads: small enough that H2 keeps a chunk in one page without outsized write buffers. */
    static final int CHUNK = 256 << 10;
    private static final int DELETE_EVERY = 16;
    /** The encoding of a file stored gzip-compressed, as HTTP names it. */
    static final String GZIP = "gzip";

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    /** A stream that stores what is written to it as the file of this attempt; it fails once the claim is lost. */
    ChunkedOutputStream create(UUID exportId, int attempt) {
        return new ChunkedOutputStream(CHUNK, (seq, data) -> store(exportId, attempt, seq, data));
    }

    /**
     * Stores one chunk while the attempt still holds its claim, and renews the claim's heartbeat with it: a section
     * of millions of readings keeps its lease as long as it makes progress.
     */
    void store(UUID exportId, int attempt, int seq, byte[] data) throws IOException {
        boolean claimed = QuarkusTransaction.requiringNew().call(() -> {
            if (ExportJob.update("heartbeatAt = ?1 where id = ?2 and status = ?3 and attempts = ?4", clock.instant(),
                    exportId, Status.RUNNING, attempt) != 1) {
                return false;
            }
            em.createNativeQuery("INSERT INTO export_chunk (export_id, attempt, seq, data) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, exportId).setParameter(2, attempt).setParameter(3, seq).setParameter(4, data)
                    .executeUpdate();
            return true;
        });
        if (!claimed) {
            throw new IOException("Export " + exportId + " is no longer claimed by attempt " + attempt);
        }
    }

    /** The file as a stream, a chunk at a time. */
    InputStream open(UUID exportId, int attempt) {
        return new ChunkedInputStream(seq -> chunk(exportId, attempt, seq));
    }

    private byte[] chunk(UUID exportId, int attempt, int seq) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT data FROM export_chunk WHERE export_id = ?1 AND attempt = ?2 AND seq = ?3")
                .setParameter(1, exportId).setParameter(2, attempt).setParameter(3, seq).getResultList());
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }

    /**
     * Removes the file of one attempt, a few chunks per transaction: deleting hundreds of megabytes in one would
     * hold all of it in the database's undo log at once.
     */
    void delete(UUID exportId, int attempt) {
        while (true) {
            List<?> seqs = QuarkusTransaction.requiringNew().call(() -> em
                    .createNativeQuery(
                            "SELECT seq FROM export_chunk WHERE export_id = ?1 AND attempt = ?2 ORDER BY seq")
                    .setParameter(1, exportId).setParameter(2, attempt).setMaxResults(DELETE_EVERY).getResultList());
            if (seqs.isEmpty()) {
                return;
            }
            int last = ((Number) seqs.get(seqs.size() - 1)).intValue();
            QuarkusTransaction.requiringNew().run(() -> em
                    .createNativeQuery("DELETE FROM export_chunk WHERE export_id = ?1 AND attempt = ?2 AND seq <= ?3")
                    .setParameter(1, exportId).setParameter(2, attempt).setParameter(3, last).executeUpdate());
        }
    }

    /** Removes every file of the export, whatever attempt wrote it, before the job itself goes. */
    void deleteAll(UUID exportId) {
        List<?> attempts = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT DISTINCT attempt FROM export_chunk WHERE export_id = ?1")
                .setParameter(1, exportId).getResultList());
        for (Object attempt : attempts) {
            delete(exportId, ((Number) attempt).intValue());
        }
    }

    /**
     * Removes the files no download will ever read: those of attempts that failed, were abandoned by a worker that
     * died, or were taken over. Only the file of a job's current attempt is kept, while it runs or once it is done.
     * Returns how many files were removed.
     */
    int purgeOrphans() {
        List<?> orphans = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT DISTINCT c.export_id, c.attempt FROM export_chunk c WHERE NOT EXISTS ("
                        + "SELECT 1 FROM export_job j WHERE j.id = c.export_id AND j.attempts = c.attempt "
                        + "AND j.status IN ('RUNNING', 'DONE'))")
                .unwrap(NativeQuery.class).addScalar("export_id", UUID.class).addScalar("attempt", Integer.class)
                .getResultList());
        for (Object orphan : orphans) {
            Object[] row = (Object[]) orphan;
            delete((UUID) row[0], ((Number) row[1]).intValue());
        }
        return orphans.size();
    }
}
