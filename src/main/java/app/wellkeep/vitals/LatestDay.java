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

    /** How many days up to the latest {@link #recentDays} covers, the latest included. */
    public static final int RECENT_DAYS = 63;

    /** Read as the driver's own {@code LocalDate} ({@link LocalDateColumn}). */
    @Column(name = "local_date", nullable = false)
    @JdbcType(LocalDateColumn.class)
    public LocalDate localDate;

    /**
     * Which of the {@link #RECENT_DAYS} days up to {@link #localDate} have figures: bit d is the day d days before
     * it (so bit 0, the latest itself, is always set).
     */
    @Column(name = "recent_days", nullable = false)
    public long recentDays;

    /** The bit of {@code day} in a mask of days up to {@code latest}, or 0 if the mask does not reach it. */
    public static long bit(LocalDate latest, LocalDate day) {
        long before = latest.toEpochDay() - day.toEpochDay();
        return before >= 0 && before < RECENT_DAYS ? 1L << before : 0;
    }
}
