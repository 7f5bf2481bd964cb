package app.wellkeep.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.wellkeep.vitals.Metric;

/** A {@link ReadingSink} that keeps everything an importer reports, in order, for tests to look at. */
public final class RecordingSink implements ReadingSink {

    public record Reading(Metric metric, Instant start, Instant end, int utcOffsetSeconds, double value, String stage,
            String source, long position) {
    }

    public record Rejected(long position, Rejection reason, String detail) {
    }

    public final List<Reading> readings = new ArrayList<>();
    public final List<Rejected> rejected = new ArrayList<>();
    public final List<String> skipped = new ArrayList<>();

    @Override
    public void reading(Metric metric, Instant start, Instant end, int utcOffsetSeconds, double value, String stage,
            String source, long position) {
        readings.add(new Reading(metric, start, end, utcOffsetSeconds, value, stage, source, position));
    }

    @Override
    public void rejected(long position, Rejection reason, String detail) {
        rejected.add(new Rejected(position, reason, detail));
    }

    @Override
    public void skipped(String type) {
        skipped.add(type);
    }

    /** Skipped types and how often each came, sorted by type. */
    public Map<String, Integer> skippedCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        skipped.forEach(type -> counts.merge(type, 1, Integer::sum));
        return counts;
    }

    /** The reasons of the rejections, in order. */
    public List<Rejection> reasons() {
        return rejected.stream().map(Rejected::reason).toList();
    }

    /** The readings of one metric, in the order they came. */
    public List<Reading> of(Metric metric) {
        return readings.stream().filter(r -> r.metric() == metric).toList();
    }
}
