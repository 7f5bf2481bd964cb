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
 * New blocks, daily and weekly figures as an import writes them by the thousand: plain batched inserts over the
 * transaction's own connection, without an entity each in the session. The session is flushed first, so every
 * change made through it so far comes before them.
 */
final class BatchInserts {

    private static final String BLOCK = "INSERT INTO sample_block (id, person_id, metric, stage, source, utc_day, "
            + "batch_id, sample_count, first_start, last_end, samples) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ROLLUP = "INSERT INTO daily_rollup (person_id, metric, stage, local_date, "
            + "sample_count, total, minimum, maximum, latest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String WEEK = "INSERT INTO weekly_rollup (person_id, metric, stage, week_start, day_mask, "
            + "sample_count, total, minimum, maximum, latest) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private BatchInserts() {
    }

    static void blocks(EntityManager em, List<SampleBlock> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(BLOCK)) {
                for (SampleBlock b : blocks) {
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
                    insert.addBatch();
                }
                execute(insert);
            }
        });
    }

    static void rollups(EntityManager em, List<DailyRollup> rollups) {
        if (rollups.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(ROLLUP)) {
                for (DailyRollup r : rollups) {
                    insert.setObject(1, r.personId);
                    insert.setString(2, r.metric.name());
                    insert.setString(3, r.stage);
                    insert.setObject(4, r.localDate);
                    insert.setInt(5, r.count);
                    insert.setDouble(6, r.total);
                    insert.setDouble(7, r.min);
                    insert.setDouble(8, r.max);
                    insert.setDouble(9, r.latest);
                    insert.addBatch();
                }
                execute(insert);
            }
        });
    }

    static void weeks(EntityManager em, List<WeeklyRollup> weeks) {
        if (weeks.isEmpty()) {
            return;
        }
        em.flush();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(WEEK)) {
                for (WeeklyRollup w : weeks) {
                    insert.setObject(1, w.personId);
                    insert.setString(2, w.metric.name());
                    insert.setString(3, w.stage);
                    insert.setObject(4, w.weekStart);
                    insert.setInt(5, w.dayMask);
                    insert.setInt(6, w.count);
                    insert.setDouble(7, w.total);
                    insert.setDouble(8, w.min);
                    insert.setDouble(9, w.max);
                    insert.setDouble(10, w.latest);
                    insert.addBatch();
                }
                execute(insert);
            }
        });
    }

    private static void execute(PreparedStatement insert) throws SQLException {
        insert.executeBatch();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
