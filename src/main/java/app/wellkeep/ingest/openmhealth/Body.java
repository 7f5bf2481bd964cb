package app.wellkeep.ingest.openmhealth;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.openmhealth.Format.Timing;
import app.wellkeep.ingest.openmhealth.Outcome.Reading;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.Metric.Aggregation;

/**
 * The body of one data point being read by its {@link Format}: checked field by field, each check throwing
 * {@link EntryRejected} at the first violation of the schema.
 */
final class Body {

    private final JsonNode node;
    private final Format format;
    private final TimeFrame headerTime;
    private final ZoneId zone;

    Body(JsonNode node, Format format, TimeFrame headerTime, ZoneId zone) {
        this.node = node;
        this.format = format;
        this.headerTime = headerTime;
        this.zone = zone;
    }

    JsonNode node() {
        return node;
    }

    /** The omh major version whose rules apply (see {@link Format#variant()}). */
    int variant() {
        return format.variant();
    }

    boolean ieee() {
        return format.ieee();
    }

    UnitValue measure(String field, Set<String> units) {
        return UnitValue.read(node, field, units, true);
    }

    UnitValue optionalMeasure(String field, Set<String> units) {
        return UnitValue.read(node, field, units, false);
    }

    /** A required plain number (step-count 1.x and 2.x write steps so). */
    double number(String field) {
        JsonNode value = node.get(field);
        if (value == null) {
            throw EntryRejected.missing(field);
        }
        if (!value.isNumber()) {
            throw EntryRejected.invalid(field + " is not a number");
        }
        if (!Double.isFinite(value.doubleValue())) {
            throw EntryRejected.invalid(field + " is out of range");
        }
        return value.doubleValue();
    }

    /**
     * The effective time frame, as the format requires it; where it is optional and absent, the moment the
     * header says the data point was created.
     */
    TimeFrame time() {
        JsonNode frame = node.get("effective_time_frame");
        if (frame == null) {
            if (format.timing() != Timing.OPTIONAL) {
                throw EntryRejected.missing("effective_time_frame");
            }
            return headerTime;
        }
        return TimeFrames.read(frame, format.timing() == Timing.INTERVAL, format.ieee(), zone);
    }

    /** An optional string from a value set. */
    void oneOf(String field, Set<String> values) {
        JsonNode value = node.get(field);
        if (value != null && (!value.isTextual() || !values.contains(value.textValue()))) {
            throw EntryRejected.invalid(field + " is not one of the values its schema allows");
        }
    }

    /** An optional free-text string. */
    void text(String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isTextual()) {
            throw EntryRejected.invalid(field + " is not a string");
        }
    }

    /** A required free-text string. */
    void requiredText(String field) {
        if (!node.has(field)) {
            throw EntryRejected.missing(field);
        }
        text(field);
    }

    void optionalNumber(String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isNumber()) {
            throw EntryRejected.invalid(field + " is not a number");
        }
    }

    void optionalInteger(String field) {
        JsonNode value = node.get(field);
        if (value != null && !(value.isIntegralNumber()
                || value.isNumber() && Double.isFinite(value.doubleValue()) && value.doubleValue() % 1 == 0)) {
            throw EntryRejected.invalid(field + " is not an integer");
        }
    }

    void optionalBoolean(String field) {
        JsonNode value = node.get(field);
        if (value != null && !value.isBoolean()) {
            throw EntryRejected.invalid(field + " is not a boolean");
        }
    }

    /**
     * The descriptive statistic the value is (null for a single measurement), checked with its denominator, which
     * the schemas allow to be any string.
     */
    String statistic() {
        oneOf("descriptive_statistic", format.ieee() ? Vocabulary.IEEE_STATISTICS : Vocabulary.OMH_STATISTICS);
        text("descriptive_statistic_denominator");
        JsonNode statistic = node.get("descriptive_statistic");
        return statistic == null ? null : statistic.textValue();
    }

    /** One reading of {@code value} (converted to the metric's unit), or a skip if the statistic cannot be one. */
    Outcome measured(Metric metric, UnitValue value, TimeFrame time, String statistic) {
        return measured(time, statistic, new Measure(metric, value));
    }

    record Measure(Metric metric, UnitValue value) {
    }

    /**
     * Readings of the measures present, all over the same time frame. A descriptive statistic becomes a reading
     * over its interval where its value is one a reading can have: for a measure taken at moments (heart rate,
     * weight) a level such as the minimum, maximum or average; for a measure that accumulates (steps, sleep,
     * energy, distance) only the sum, as an average or maximum per day is not what the interval added up to and
     * would count wrongly in the day's total. Other statistics are skipped as "type/statistic".
     */
    Outcome measured(TimeFrame time, String statistic, Measure... measures) {
        List<Reading> readings = new ArrayList<>();
        for (Measure measure : measures) {
            if (measure.value() == null) {
                continue;
            }
            if (statistic != null && !(measure.metric().aggregation() == Aggregation.RANGE
                    ? Vocabulary.LEVEL_STATISTICS.contains(statistic)
                    : statistic.equals("sum"))) {
                return Outcome.skip(format.type() + "/" + statistic);
            }
            double stored = OmhUnits.toStored(measure.metric(), measure.value().value(), measure.value().unit());
            if (!Double.isFinite(stored)) {
                throw EntryRejected.invalid("value is out of range after conversion");
            }
            readings.add(new Reading(measure.metric(), time, stored));
        }
        return readings.isEmpty() ? Outcome.skip(format.type()) : Outcome.of(readings);
    }
}
