package app.wellkeep.ingest.openmhealth;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;

/**
 * The units each Open mHealth measure allows (its schema's enum, spelled exactly so) and their conversion to the
 * unit Wellkeep stores. {@link Units} converts the common spellings; the few it has no reason to know (grains,
 * short tons, picometres, weeks of sleep) are converted here.
 */
final class OmhUnits {

    private OmhUnits() {
    }

    /** omh:mass-unit-value:1.x. */
    static final Set<String> MASS = Set.of("fg", "pg", "ng", "ug", "mg", "g", "kg", "Metric Ton", "gr", "oz", "lb",
            "Ton");
    /** omh:length-unit-value:1.x. */
    static final Set<String> LENGTH = Set.of("fm", "pm", "nm", "um", "mm", "cm", "m", "km", "in", "ft", "yd", "mi");
    /** omh:duration-unit-value:1.x and ieee:duration-unit-value:1.0: "sec", not "s". */
    static final Set<String> DURATION = Set.of("ps", "ns", "us", "ms", "sec", "min", "h", "d", "wk", "Mo", "yr");
    /** sleep-duration restricts the duration units to these. */
    static final Set<String> SLEEP_DURATION = Set.of("sec", "min", "h");
    /** omh:temperature-unit-value:1.x: kelvin, Fahrenheit, Celsius. */
    static final Set<String> TEMPERATURE = Set.of("K", "F", "C");
    static final Set<String> KCAL = Set.of("kcal");
    static final Set<String> PERCENT = Set.of("%");
    static final Set<String> BEATS_PER_MIN = Set.of("beats/min");
    static final Set<String> BREATHS_PER_MIN = Set.of("breaths/min");
    static final Set<String> MM_HG = Set.of("mmHg");
    static final Set<String> GLUCOSE = Set.of("mg/dL", "mmol/L");
    static final Set<String> STEPS = Set.of("steps");
    static final Set<String> LITRES_PER_MIN = Set.of("L/min");

    private static final Map<String, Double> KILOGRAMS = Map.of("fg", 1e-18, "pg", 1e-15, "ng", 1e-12, "ug", 1e-9,
            "mg", 1e-6, "Metric Ton", 1000.0, "gr", 64.79891e-6, "oz", 0.028349523125, "Ton", 907.18474);
    private static final Map<String, Double> METRES = Map.of("fm", 1e-15, "pm", 1e-12, "nm", 1e-9, "um", 1e-6, "mm",
            1e-3, "in", 0.0254);

    /**
     * Seconds in each duration unit. A month and a year are UCUM's mean Julian ones (30.4375 and 365.25 days), as
     * a duration in a file has no calendar to count on.
     */
    private static final Map<String, Double> SECONDS = Map.ofEntries(Map.entry("ps", 1e-12), Map.entry("ns", 1e-9),
            Map.entry("us", 1e-6), Map.entry("ms", 1e-3), Map.entry("sec", 1.0), Map.entry("min", 60.0),
            Map.entry("h", 3600.0), Map.entry("d", 86_400.0), Map.entry("wk", 7 * 86_400.0),
            Map.entry("Mo", 30.4375 * 86_400), Map.entry("yr", 365.25 * 86_400));

    /** The value in {@code metric}'s stored unit; the unit has already been checked against the schema's set. */
    static double toStored(Metric metric, double value, String unit) {
        if (metric == Metric.SLEEP) {
            return seconds(value, unit) / 60;
        }
        OptionalDouble common = Units.toStored(metric, value, unit);
        if (common.isPresent()) {
            return common.getAsDouble();
        }
        Double factor = switch (metric.unit()) {
            case "kg" -> KILOGRAMS.get(unit);
            case "m" -> METRES.get(unit);
            default -> null;
        };
        if (factor == null) {
            throw new EntryRejected(Rejection.UNKNOWN_UNIT, "no conversion to " + metric.unit());
        }
        return value * factor;
    }

    /** A duration in seconds. */
    static double seconds(double value, String unit) {
        Double factor = SECONDS.get(unit);
        if (factor == null) {
            throw new EntryRejected(Rejection.UNKNOWN_UNIT, "not a duration unit");
        }
        return value * factor;
    }
}
