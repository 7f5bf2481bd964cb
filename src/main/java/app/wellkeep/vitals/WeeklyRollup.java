package app.wellkeep.vitals;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
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

/**
 * One metric (and sleep stage) over one ISO week, Monday to Sunday, of a person: its days' figures added up. Kept
 * with the daily figures, so a page of three years reads 157 rows rather than 1,095; the weeks at a range's edges,
 * which it covers only in part, are added up from their days as they are read ({@link #of}).
 */
@Entity
@IdClass(WeeklyRollup.Key.class)
@Table(name = "weekly_rollup")
public class WeeklyRollup extends RollupFigures {

    /** The composite key, as JPA wants it. */
    public static class Key implements Serializable {

        public UUID personId;
        public Metric metric;
        public String stage;
        public LocalDate weekStart;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(personId, k.personId) && metric == k.metric
                    && Objects.equals(stage, k.stage) && Objects.equals(weekStart, k.weekStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, metric, stage, weekStart);
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

    /** The Monday the week starts on. */
    @Id
    @Column(name = "week_start")
    @JdbcType(LocalDateColumn.class)
    public LocalDate weekStart;

    /**
     * Which days have figures: bit 0 for Monday to bit 6 for Sunday. The days of a week across stages (its nights),
     * or across systolic and diastolic, are the OR of their masks: no count of days could be combined so.
     */
    @Column(name = "day_mask", nullable = false)
    public int dayMask;

    public WeeklyRollup() {
    }

    public WeeklyRollup(UUID personId, Metric metric, String stage, LocalDate weekStart, int dayMask, int count,
            double total, double min, double max, double latest) {
        super(count, total, min, max, latest);
        this.personId = personId;
        this.metric = metric;
        this.stage = stage;
        this.weekStart = weekStart;
        this.dayMask = dayMask;
    }

    /** How many days of the week have figures. */
    public int days() {
        return Integer.bitCount(dayMask);
    }

    /** The Monday of a day's ISO week. */
    public static LocalDate weekOf(LocalDate day) {
        return day.with(DayOfWeek.MONDAY);
    }

    /** A day's bit in {@link #dayMask}. */
    static int bit(LocalDate day) {
        return 1 << (day.getDayOfWeek().getValue() - 1);
    }

    /**
     * The weeks of some daily figures (of one person and metric), by stage: each week's figures from the days given,
     * in order of week and then stage. Days are summed oldest first, so the same days give the same figures
     * whether added up here or when stored.
     */
    public static List<WeeklyRollup> of(List<DailyRollup> days) {
        Map<LocalDate, Map<String, WeeklyRollup>> weeks = new TreeMap<>();
        List<DailyRollup> ordered = new ArrayList<>(days);
        ordered.sort(Comparator.comparing((DailyRollup d) -> d.localDate));
        for (DailyRollup d : ordered) {
            LocalDate monday = weekOf(d.localDate);
            WeeklyRollup week = weeks.computeIfAbsent(monday, m -> new TreeMap<>()).get(d.stage);
            if (week == null) {
                week = new WeeklyRollup(d.personId, d.metric, d.stage, monday, 0, 0, 0, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY, d.latest);
                weeks.get(monday).put(d.stage, week);
            }
            week.dayMask |= bit(d.localDate);
            week.count += d.count;
            week.total += d.total;
            week.min = Math.min(week.min, d.min);
            week.max = Math.max(week.max, d.max);
            // Oldest first: the last day added is the week's last.
            week.latest = d.latest;
        }
        List<WeeklyRollup> result = new ArrayList<>();
        weeks.values().forEach(byStage -> result.addAll(byStage.values()));
        return result;
    }
}
