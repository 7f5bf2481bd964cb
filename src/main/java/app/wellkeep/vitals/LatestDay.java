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

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import app.wellkeep.common.LocalDateColumn;
import app.wellkeep.common.RecentDays;

/** The latest day that has figures of one metric of a person; kept by {@link SampleService} as it counts days. */
@Entity
@IdClass(LatestDay.Key.class)
@Table(name = "latest_day")
public class LatestDay extends PanacheEntityBase {

    public static class Key implements Serializable {

        public UUID personId;
        public Metric metric;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(personId, k.personId) && metric == k.metric;
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, metric);
        }
    }

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 32)
    public Metric metric;

    /** Read as the driver's own {@code LocalDate} ({@link LocalDateColumn}). */
    @Column(name = "local_date", nullable = false)
    @JdbcType(LocalDateColumn.class)
    public LocalDate localDate;

    /**
     * Which of the {@link RecentDays#DAYS} days up to {@link #localDate} have figures, as a {@link RecentDays} mask
     * (so the latest itself, bit 0, is always set).
     */
    @Column(name = "recent_days", nullable = false)
    public long recentDays;
}
