package app.wellkeep.vitals;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcType;

import app.wellkeep.common.LocalDateColumn;

/** One metric (and sleep stage) on one local day of a person: what every trend page reads. */
@Entity
@IdClass(DailyRollup.Key.class)
@Table(name = "daily_rollup")
public class DailyRollup extends RollupFigures {

    /** The composite key, as JPA wants it. */
    public static class Key implements Serializable {

        public UUID personId;
        public Metric metric;
        public String stage;
        public LocalDate localDate;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(personId, k.personId) && metric == k.metric
                    && Objects.equals(stage, k.stage) && Objects.equals(localDate, k.localDate);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, metric, stage, localDate);
        }
    }

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public Metric metric;

    @Id
    @Column(length = 16)
    public String stage;

    /** Read as the driver's own {@code LocalDate}: pages read thousands of these ({@link LocalDateColumn}). */
    @Id
    @Column(name = "local_date")
    @JdbcType(LocalDateColumn.class)
    public LocalDate localDate;

    public DailyRollup() {
    }

    /** A day's figures as pages read them: built by the query, not managed, so nothing is tracked or written back. */
    public DailyRollup(UUID personId, Metric metric, String stage, LocalDate localDate, int count, double total,
            double min, double max, double latest) {
        super(count, total, min, max, latest);
        this.personId = personId;
        this.metric = metric;
        this.stage = stage;
        this.localDate = localDate;
    }

    /** The select clause that builds, with the constructor above, the figures of a rollup {@code r}. */
    static final String FIGURES = "select new app.wellkeep.vitals.DailyRollup(r.personId, r.metric, r.stage, "
            + "r.localDate, r.count, r.total, r.min, r.max, r.latest) from DailyRollup r ";
}
