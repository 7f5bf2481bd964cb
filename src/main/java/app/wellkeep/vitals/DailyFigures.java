package app.wellkeep.vitals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Adds up one metric's readings into daily figures in a person's zone, for a given set of days: per day and stage
 * a count, total, minimum, maximum and latest value. Where several sources count the same thing (a phone and a watch
 * both counting steps), a day's figures are those of the single source with the largest total that day, never the
 * sum; measured metrics (heart rate, weight) take every source's readings together.
 */
final class DailyFigures {

    private record Key(LocalDate day, String stage, String source) {
    }

    private static final class Figures {

        int count;
        double total;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        long latestStart = Long.MIN_VALUE;
        double latest;

        void add(long startMs, double value) {
            count++;
            total += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
            if (startMs > latestStart) {
                latestStart = startMs;
                latest = value;
            }
        }

        void add(Figures other) {
            count += other.count;
            total += other.total;
            min = Math.min(min, other.min);
            max = Math.max(max, other.max);
            if (other.latestStart > latestStart) {
                latestStart = other.latestStart;
                latest = other.latest;
            }
        }
    }

    private static final long HOUR_MS = 3_600_000L;

    private final Metric metric;
    private final ZoneId zone;
    private final Set<LocalDate> days;
    private final Map<Key, Figures> bySource = new HashMap<>();

    // The local day last looked up, so readings in time order cost no time-zone arithmetic each.
    private long dayStartMs = Long.MAX_VALUE;
    private long dayEndMs = Long.MIN_VALUE;
    private LocalDate day;
    private LocalDate lastDay;
    private String lastStage;
    private String lastSource;
    private Figures last;

    DailyFigures(Metric metric, ZoneId zone, Set<LocalDate> days) {
        this.metric = metric;
        this.zone = zone;
        this.days = days;
    }

    /** The readings a page counts for a day: sleep by the morning it ends on, the rest by when it started. */
    void add(String source, String stage, long startMs, long endMs, double value) {
        LocalDate local = localDay(metric == Metric.SLEEP ? endMs : startMs);
        if (!days.contains(local)) {
            return;
        }
        // A night began at most the day before the day it counts toward (a day of 23 to 25 hours).
        if (metric == Metric.SLEEP && startMs < dayStartMs - 23 * HOUR_MS
                && startMs < local.atStartOfDay(zone).minusDays(1).toInstant().toEpochMilli()) {
            return;
        }
        // Readings come a block at a time in time order: the same day, stage and source as the last one, mostly.
        if (local != lastDay || !stage.equals(lastStage) || !source.equals(lastSource)) {
            lastDay = local;
            lastStage = stage;
            lastSource = source;
            last = bySource.computeIfAbsent(new Key(local, stage, source), k -> new Figures());
        }
        last.add(startMs, value);
    }

    void add(Reading reading) {
        add(reading.source(), reading.stage(), reading.start().toEpochMilli(), reading.end().toEpochMilli(),
                reading.value());
    }

    private LocalDate localDay(long ms) {
        if (ms < dayStartMs || ms >= dayEndMs) {
            day = LocalDate.ofInstant(Instant.ofEpochMilli(ms), zone);
            dayStartMs = day.atStartOfDay(zone).toInstant().toEpochMilli();
            dayEndMs = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        }
        return day;
    }

    /** The figures of every day and stage that has readings, as rows not yet stored. */
    Map<LocalDate, Map<String, DailyRollup>> rollups(UUID personId) {
        Map<String, Figures> chosen = new LinkedHashMap<>();
        Map<String, Key> keys = new HashMap<>();
        for (Map.Entry<Key, Figures> e : bySource.entrySet()) {
            Key key = e.getKey();
            String dayStage = key.day() + "|" + key.stage();
            keys.putIfAbsent(dayStage, key);
            Figures current = chosen.get(dayStage);
            if (metric.aggregation() == Metric.Aggregation.SUM) {
                if (current == null || e.getValue().total > current.total) {
                    chosen.put(dayStage, e.getValue());
                }
            } else {
                if (current == null) {
                    current = new Figures();
                    chosen.put(dayStage, current);
                }
                current.add(e.getValue());
            }
        }
        Map<LocalDate, Map<String, DailyRollup>> rollups = new HashMap<>();
        chosen.forEach((dayStage, figures) -> {
            Key key = keys.get(dayStage);
            DailyRollup r = new DailyRollup();
            r.personId = personId;
            r.metric = metric;
            r.stage = key.stage();
            r.localDate = key.day();
            r.count = figures.count;
            r.total = figures.total;
            r.min = figures.min;
            r.max = figures.max;
            r.latest = figures.latest;
            rollups.computeIfAbsent(key.day(), d -> new HashMap<>()).put(key.stage(), r);
        });
        return rollups;
    }
}
