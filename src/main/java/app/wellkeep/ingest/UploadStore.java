package app.wellkeep.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.common.ChunkedInputStream;
import app.wellkeep.common.ChunkedOutputStream;
import app.wellkeep.ingest.ImportException.Problem;

/**
 * The uploaded files, kept in the database in chunks until their import is done, so that any app instance can
 * run the import and a restart loses nothing. Each chunk is written and read in a short transaction of its own.
 */
@ApplicationScoped
public class UploadStore {

    /** Small enough that H2 keeps a chunk in one page without outsized write buffers. */
    static final int CHUNK = 256 << 10;
    private static final int DELETE_EVERY = 16;

    @Inject
    EntityManager em;

    /**
     * Stores the stream as the upload of {@code importId}; returns its size. Throws {@link Problem#TOO_LARGE} as
     * soon as it grows past {@code max}; the caller removes what was stored.
     */
    long store(UUID importId, InputStream in, long max) throws IOException {
        ChunkedOutputStream out = new ChunkedOutputStream(CHUNK, (seq, data) -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("INSERT INTO import_chunk (import_id, seq, data) VALUES (?1, ?2, ?3)")
                        .setParameter(1, importId).setParameter(2, seq).setParameter(3, data).executeUpdate()));
        byte[] buffer = new byte[64 << 10];
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
            if (out.size() + n > max) {
                throw new ImportException(Problem.TOO_LARGE, "larger than " + max + " bytes");
            }
            out.write(buffer, 0, n);
        }
        out.close();
        return out.size();
    }

    /** The first bytes of the upload, for telling its format. */
    byte[] head(UUID importId, int length) {
        byte[] first = chunk(importId, 0);
        return first == null ? new byte[0] : java.util.Arrays.copyOf(first, Math.min(length, first.length));
    }

    /** The last bytes of the upload (up to a chunk and a bit), where a zip archive keeps its directory. */
    byte[] tail(UUID importId) {
        List<?> seqs = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT seq FROM import_chunk WHERE import_id = ?1 ORDER BY seq DESC")
                .setParameter(1, importId).setMaxResults(2).getResultList());
        if (seqs.isEmpty()) {
            return new byte[0];
        }
        byte[] last = chunk(importId, ((Number) seqs.get(0)).intValue());
        if (seqs.size() == 1) {
            return last;
        }
        byte[] before = chunk(importId, ((Number) seqs.get(1)).intValue());
        byte[] both = java.util.Arrays.copyOf(before, before.length + last.length);
        System.arraycopy(last, 0, both, before.length, last.length);
        return both;
    }

    /** The upload as a stream, a chunk at a time. */
    InputStream open(UUID importId) {
        return new ChunkedInputStream(seq -> chunk(importId, seq));
    }

    private byte[] chunk(UUID importId, int seq) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT data FROM import_chunk WHERE import_id = ?1 AND seq = ?2")
                .setParameter(1, importId).setParameter(2, seq).getResultList());
        return rows.isEmpty() ? null : (byte[]) rows.get(0);
    }

    /**
     * Removes the upload once its import is done, a few chunks per transaction: deleting hundreds of megabytes in
     * one would hold all of it in the database's undo log at once.
     */
    void delete(UUID importId) {
        while (true) {
            List<?> seqs = QuarkusTransaction.requiringNew().call(() -> em
                    .createNativeQuery("SELECT seq FROM import_chunk WHERE import_id = ?1 ORDER BY seq")
                    .setParameter(1, importId).setMaxResults(DELETE_EVERY).getResultList());
            if (seqs.isEmpty()) {
                return;
            }
            int last = ((Number) seqs.get(seqs.size() - 1)).intValue();
            QuarkusTransaction.requiringNew().run(() -> em
                    .createNativeQuery("DELETE FROM import_chunk WHERE import_id = ?1 AND seq <= ?2")
                    .setParameter(1, importId).setParameter(2, last).executeUpdate());
        }
    }

    /** The imports that still have chunks stored, for removing what a crash left behind. */
    @SuppressWarnings("unchecked")
    List<UUID> withChunks() {
        return QuarkusTransaction.requiringNew().call(() -> (List<UUID>) em
                .createNativeQuery("SELECT DISTINCT import_id FROM import_chunk", UUID.class).getResultList());
    }
}
