package app.wellkeep.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import app.wellkeep.vitals.Metric;

/** A sink that keeps everything an importer reports, in order, for tests to assert on. */
public final class RecordingSink implements ReadingSink {

    /** One reported reading, as the importer passed it. */
    public record Reading(Metric metric, Instant start, Instant end, int utcOffsetSeconds, double value, String stage,
            String source, long position) {
    }

    /** One reported rejection. */
    public record Rejected(long position, Rejection reason, String detail) {
    }

    public final List<Reading> readings = new ArrayList<>();
    public final List<Rejected> rejections = new ArrayList<>();
    public final Map<String, Integer> skipped = new TreeMap<>();

    @Override
    public void reading(Metric metric, Instant start, Instant end, int utcOffsetSeconds, double value, String stage,
            String source, long position) {
        readings.add(new Reading(metric, start, end, utcOffsetSeconds, value, stage, source, position));
    }

    @Override
    public void rejected(long position, Rejection reason, String detail) {
        rejections.add(new Rejected(position, reason, detail));
    }

    @Override
    public void skipped(String type) {
        skipped.merge(type, 1, Integer::sum);
    }

    /** The readings of one metric, in the order they were reported. */
    public List<Reading> of(Metric metric) {
        return readings.stream().filter(r -> r.metric() == metric).toList();
    }

    /** The reasons of the rejections, in order. */
    public List<Rejection> reasons() {
        return rejections.stream().map(Rejected::reason).toList();
    }
}
