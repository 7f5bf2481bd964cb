package app.wellkeep.vitals;

import java.util.Arrays;
import java.util.List;

/**
 * The limits monitoring compares readings with, in the metric's stored unit. The defaults are general adult
 * figures for a wellness app, not clinical targets: a patient (and later their coach) may move each one within its
 * bounds, which keep a limit from being set so far out that it could never fire or would fire on every reading.
 * <ul>
 * <li>blood pressure: systolic at or above 140 mmHg, or diastolic at or above 90 mmHg;</li>
 * <li>resting heart rate above 100 per minute;</li>
 * <li>glucose below 70 mg/dL or above 180 mg/dL;</li>
 * <li>weight gain of more than 2 kg within 3 days (a new weight against the lowest of the 72 hours before it);</li>
 * <li>oxygen saturation (SpO2) below 92 %;</li>
 * <li>body temperature at or above 38.0 °C.</li>
 * </ul>
 */
public enum Limit {

    SYSTOLIC_HIGH(Rule.BLOOD_PRESSURE_HIGH, Metric.SYSTOLIC, Comparison.AT_OR_ABOVE, 140, 110, 180), DIASTOLIC_HIGH(
            Rule.BLOOD_PRESSURE_HIGH, Metric.DIASTOLIC, Comparison.AT_OR_ABOVE, 90, 70, 120), RESTING_HEART_RATE_HIGH(
                    Rule.RESTING_HEART_RATE_HIGH, Metric.RESTING_HEART_RATE, Comparison.ABOVE, 100, 60,
                    140), GLUCOSE_LOW(Rule.GLUCOSE_LOW, Metric.GLUCOSE, Comparison.BELOW, 70, 54, 100), GLUCOSE_HIGH(
                            Rule.GLUCOSE_HIGH, Metric.GLUCOSE, Comparison.ABOVE, 180, 120,
                            300), WEIGHT_GAIN(Rule.WEIGHT_GAIN, Metric.WEIGHT, Comparison.GAIN_ABOVE, 2, 0.5,
                                    10), SPO2_LOW(Rule.SPO2_LOW, Metric.OXYGEN_SATURATION, Comparison.BELOW, 92, 85,
                                            97), TEMPERATURE_HIGH(Rule.TEMPERATURE_HIGH, Metric.BODY_TEMPERATURE,
                                                    Comparison.AT_OR_ABOVE, 38.0, 37.3, 40.0);

    /** How a value is held against the limit. */
    public enum Comparison {
        AT_OR_ABOVE, ABOVE, BELOW,
        /** The rise over the lowest value of a preceding window is more than the limit. */
        GAIN_ABOVE
    }

    /**
     * Values typed in another unit come back from the conversion a hair off (100.4 °F is 37.99999... °C): a
     * difference this small counts as equal, so a reading exactly at a limit is treated alike in every unit.
     */
    static final double TOLERANCE = 1e-6;

    private final Rule rule;
    private final Metric metric;
    private final Comparison comparison;
    private final double defaultValue;
    private final double lowest;
    private final double highest;

    Limit(Rule rule, Metric metric, Comparison comparison, double defaultValue, double lowest, double highest) {
        this.rule = rule;
        this.metric = metric;
        this.comparison = comparison;
        this.defaultValue = defaultValue;
        this.lowest = lowest;
        this.highest = highest;
    }

    public Rule rule() {
        return rule;
    }

    public Metric metric() {
        return metric;
    }

    public Comparison comparison() {
        return comparison;
    }

    public double defaultValue() {
        return defaultValue;
    }

    /** The lowest value the limit may be set to, in the metric's stored unit. */
    public double lowest() {
        return lowest;
    }

    public double highest() {
        return highest;
    }

    /** Whether the limit is a difference (a gain) rather than a level; differences convert without offset. */
    public boolean difference() {
        return comparison == Comparison.GAIN_ABOVE;
    }

    public boolean allowed(double value) {
        return Double.isFinite(value) && value >= lowest - TOLERANCE && value <= highest + TOLERANCE;
    }

    /** Whether a value (for a gain: the rise) is outside this limit set at {@code limit}. */
    public boolean breached(double value, double limit) {
        return switch (comparison) {
            case AT_OR_ABOVE -> value >= limit - TOLERANCE;
            case ABOVE, GAIN_ABOVE -> value > limit + TOLERANCE;
            case BELOW -> value < limit - TOLERANCE;
        };
    }

    public static List<Limit> of(Metric metric) {
        return Arrays.stream(values()).filter(l -> l.metric == metric).toList();
    }
}
