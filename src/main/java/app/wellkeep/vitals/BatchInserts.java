package app.wellkeep.vitals;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * New blocks, staged parts, daily and weekly figures as an import writes them by the thousand: plain batched inserts
 * over the transaction's own connection, without an entity each in the session. The session is flushed first, so
 * every change made through it so far comes before them.
 */
final class BatchInserts {

    private static final String BLOCK = "INSERT INTO sample_block (id, person_id, metric, stage, source, utc_day, "
            + "batch_id, sample_count, first_start, last_end, samples) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ROLLUP = "INSERT INTO daily_rollup (person_id, metric, stage, local_date, "
            + "sample_count, total, minimum, maximum, latest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String STAGED = "INSERT INTO staged_block (id, batch_id, attempt, person_id, metric, stage, "
            + "source, utc_day, sample_count, samples) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String WEEK = "INSERT INTO weekly_rollup (person_id, metric, stage, week_start, day_mask, "
            + "sample_count, total, minimum, maximum, latest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private BatchInserts() {
    }

    static void blocks(EntityManager em, List<SampleBlock> blocks) {
        insert(em, BLOCK, blocks, (insert, b) -> {
            insert.setObject(1, b.id);
            insert.setObject(2, b.personId);
            insert.setString(3, b.metric.name());
            insert.setString(4, b.stage);
            insert.setString(5, b.source);
            insert.setObject(6, b.utcDay);
            insert.setObject(7, b.batchId);
            insert.setInt(8, b.count);
            insert.setObject(9, utc(b.firstStart));
            insert.setObject(10, utc(b.lastEnd));
            insert.setBytes(11, b.samples);
        });
    }

    static void staged(EntityManager em, List<StagedBlock> parts) {
        insert(em, STAGED, parts, (insert, p) -> {
            insert.setObject(1, p.id);
            insert.setObject(2, p.batchId);
            insert.setInt(3, p.attempt);
            insert.setObject(4, p.personId);
            insert.setString(5, p.metric.name());
            insert.setString(6, p.stage);
            insert.setString(7, p.source);
            insert.setObject(8, p.utcDay);
            insert.setInt(9, p.count);
            insert.setBytes(10, p.samples);
        });
    }

    static void rollups(EntityManager em, List<DailyRollup> rollups) {
        insert(em, ROLLUP, rollups, (insert, r) -> {
            insert.setObject(1, r.personId);
            insert.setString(2, r.metric.name());
            insert.setString(3, r.stage);
            insert.setObject(4, r.localDate);
            figures(insert, 5, r);
        });
    }

    static void weeks(EntityManager em, List<WeeklyRollup> weeks) {
        insert(em, WEEK, weeks, (insert, w) -> {
            insert.setObject(1, w.personId);
            insert.setString(2, w.metric.name());
            insert.setString(3, w.stage);
            insert.setObject(4, w.weekStart);
            insert.setInt(5, w.dayMask);
            figures(insert, 6, w);
        });
    }

    /** Sets one row's parameters. */
    @FunctionalInterface
    private interface Binder<T> {

        void bind(PreparedStatement insert, T row) throws SQLException;
    }

    private static <T> void insert(EntityManager em, String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(insert, row);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Count, total, min, max and latest, from parameter {@code first} on. */
    private static void figures(PreparedStatement insert, int first, RollupFigures f) throws SQLException {
        insert.setInt(first, f.count);
        insert.setDouble(first + 1, f.total);
        insert.setDouble(first + 2, f.min);
        insert.setDouble(first + 3, f.max);
        insert.setDouble(first + 4, f.latest);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
