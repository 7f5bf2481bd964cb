package app.wellkeep.vitals;

import java.util.List;
import java.util.function.Function;

import jakarta.persistence.EntityManager;

import app.wellkeep.common.SqlRows;

/**
 * New blocks, staged parts, daily and weekly figures as an import writes them by the thousand: one JDBC batch each
 * through {@link SqlRows#batch}, without an entity each in the session. The session is flushed first, so every change
 * made through it so far comes before them.
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
        insert(em, BLOCK, blocks, b -> new Object[]{b.id, b.personId, b.metric.name(), b.stage, b.source, b.utcDay,
                b.batchId, b.count, b.firstStart, b.lastEnd, b.samples});
    }

    static void staged(EntityManager em, List<StagedBlock> parts) {
        insert(em, STAGED, parts, p -> new Object[]{p.id, p.batchId, p.attempt, p.personId, p.metric.name(), p.stage,
                p.source, p.utcDay, p.count, p.samples});
    }

    static void rollups(EntityManager em, List<DailyRollup> rollups) {
        insert(em, ROLLUP, rollups, r -> new Object[]{r.personId, r.metric.name(), r.stage, r.localDate, r.count,
                r.total, r.min, r.max, r.latest});
    }

    static void weeks(EntityManager em, List<WeeklyRollup> weeks) {
        insert(em, WEEK, weeks, w -> new Object[]{w.personId, w.metric.name(), w.stage, w.weekStart, w.dayMask,
                w.count, w.total, w.min, w.max, w.latest});
    }

    private static <T> void insert(EntityManager em, String sql, List<T> rows, Function<T, Object[]> columns) {
        if (rows.isEmpty()) {
            return;
        }
        em.flush();
        SqlRows.batch(em, sql, rows.stream().map(columns).toList());
    }
}
