package app.wellkeep.ingest;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

import app.wellkeep.vitals.Metric;

/**
 * Converting a value from the unit a file writes it in to the UCUM unit Wellkeep stores the metric in. Knows the
 * UCUM codes and the spellings exports use for them ("count/min", "beats/min", "bpm", "mmHg", "lb", "degF",
 * "mmol/L" for glucose); for anything else the answer is empty, and the entry is rejected as an unknown unit.
 */
public final class Units {

    /** Glucose: 1 mmol/L is 18.016 mg/dL (molar mass 180.16 g/mol), as in {@link app.wellkeep.vitals.DisplayUnit}. */
    public static final double MG_DL_PER_MMOL_L = 18.016;

    private record Conversion(double factor, double offset) {

        double apply(double value) {
            return value * factor + offset;
        }
    }

    private static final Map<String, Map<String, Conversion>> BY_STORED_UNIT = new HashMap<>();

    static {
        alias("/min", 1, "/min", "count/min", "beats/min", "{beats}/min", "bpm", "1/min", "breaths/min",
                "{breaths}/min", "{beat}/min", "{breath}/min", "per min");
        alias("{steps}", 1, "{steps}", "steps", "count", "{count}", "1", "{step}", "step");
        alias("m", 1, "m", "meter", "meters", "metre", "metres");
        alias("m", 1000, "km", "kilometer", "kilometers", "kilometre", "kilometres");
        alias("m", 0.01, "cm");
        alias("m", 0.3048, "ft", "[ft_i]");
        alias("m", 0.9144, "yd", "[yd_i]");
        alias("m", 1609.344, "mi", "[mi_i]", "mile", "miles");
        alias("kcal", 1, "kcal", "Cal", "cal_kcal", "kilocalories", "[Cal]", "kcal_th");
        alias("kcal", 1 / 4.184, "kJ");
        alias("ms", 1, "ms", "millisecond", "milliseconds");
        alias("ms", 1000, "s");
        alias("min", 1, "min", "minute", "minutes");
        alias("min", 60, "h", "hr", "hour", "hours");
        alias("min", 1 / 60.0, "s", "sec", "second", "seconds");
        alias("min", 24 * 60, "d", "day", "days");
        alias("kg", 1, "kg", "kilogram", "kilograms");
        alias("kg", 0.001, "g", "gram", "grams");
        alias("kg", 0.45359237, "lb", "lbs", "[lb_av]", "pound", "pounds");
        alias("kg", 6.35029318, "st", "[stone_av]");
        // Apple Health writes body mass index as a plain count.
        alias("kg/m2", 1, "kg/m2", "kg/m^2", "kg/m²", "count");
        alias("%", 1, "%", "percent");
        alias("Cel", 1, "Cel", "degC", "°C", "C", "celsius");
        alias("mm[Hg]", 1, "mm[Hg]", "mmHg", "mm Hg");
        alias("mm[Hg]", 7.50061683, "kPa");
        alias("mg/dL", 1, "mg/dL", "mg/dl");
        alias("mg/dL", MG_DL_PER_MMOL_L, "mmol/L", "mmol/l");
        put("Cel", new Conversion(5.0 / 9.0, -32 * 5.0 / 9.0), "[degF]", "degF", "°F", "F", "fahrenheit");
        put("Cel", new Conversion(1, -273.15), "K");
    }

    private Units() {
    }

    private static void alias(String stored, double factor, String... spellings) {
        put(stored, new Conversion(factor, 0), spellings);
    }

    private static void put(String stored, Conversion conversion, String... spellings) {
        Map<String, Conversion> byUnit = BY_STORED_UNIT.computeIfAbsent(stored, k -> new HashMap<>());
        for (String spelling : spellings) {
            byUnit.put(spelling, conversion);
            byUnit.putIfAbsent(spelling.toLowerCase(Locale.ROOT), conversion);
        }
    }

    /** The value in the metric's stored unit; empty when {@code unit} is not a unit of that metric. */
    public static OptionalDouble toStored(Metric metric, double value, String unit) {
        if (unit == null) {
            return OptionalDouble.empty();
        }
        Map<String, Conversion> byUnit = BY_STORED_UNIT.get(metric.unit());
        if (byUnit == null) {
            return OptionalDouble.empty();
        }
        String trimmed = unit.strip();
        Conversion conversion = byUnit.get(trimmed);
        if (conversion == null) {
            conversion = byUnit.get(trimmed.toLowerCase(Locale.ROOT));
        }
        return conversion == null ? OptionalDouble.empty() : OptionalDouble.of(conversion.apply(value));
    }

    /** Whether {@code unit} is a unit of the metric. */
    public static boolean known(Metric metric, String unit) {
        return toStored(metric, 0, unit).isPresent();
    }
}
