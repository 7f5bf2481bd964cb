package app.wellkeep.ingest.openmhealth;

import java.util.List;

import app.wellkeep.vitals.Metric;

/** What a valid data point gives: readings, or the type to count as skipped when it holds nothing Wellkeep keeps. */
record Outcome(List<Reading> readings, String skipped) {

    /** One value in the metric's stored unit. */
    record Reading(Metric metric, TimeFrame time, double value) {
    }

    static Outcome of(List<Reading> readings) {
        return new Outcome(List.copyOf(readings), null);
    }

    static Outcome skip(String type) {
        return new Outcome(List.of(), type);
    }
}
