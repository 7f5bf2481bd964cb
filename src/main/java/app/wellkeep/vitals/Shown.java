package app.wellkeep.vitals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

import app.wellkeep.account.Person;

/**
 * Values as a person reads and types them: in their chosen unit ({@link DisplayUnit}), rounded to the decimals
 * worth showing; and numbers as people type them.
 */
public record Shown(String number, String unit) {

    /** Plain decimals, with a comma accepted as the decimal mark; no exponents, hex or "NaN" as Java would take. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?\\d{1,7}([.,]\\d{1,6})?");

    public static Shown of(Person person, Metric metric, double stored) {
        Optional<DisplayUnit> unit = DisplayUnit.of(person, metric);
        double shown = unit.map(u -> u.fromStored(stored)).orElse(stored);
        return new Shown(format(shown, decimals(person, metric), RoundingMode.HALF_UP), unitCode(person, metric));
    }

    /** A difference (a weight gain): converted by the unit's factor alone, without its offset. */
    public static Shown difference(Person person, Metric metric, double stored) {
        double shown = toShownDifference(person, metric, stored);
        return new Shown(format(shown, Math.max(1, decimals(person, metric)), RoundingMode.HALF_UP),
                unitCode(person, metric));
    }

    /** The lower end of an allowed range, rounded up so that the number shown is itself allowed. */
    public static String lowest(Person person, Metric metric, double stored, boolean difference) {
        return format(shown(person, metric, stored, difference), decimals(person, metric, difference),
                RoundingMode.CEILING);
    }

    /** The upper end of an allowed range, rounded down. */
    public static String highest(Person person, Metric metric, double stored, boolean difference) {
        return format(shown(person, metric, stored, difference), decimals(person, metric, difference),
                RoundingMode.FLOOR);
    }

    /** The value as a form shows it for editing. */
    public static String input(Person person, Metric metric, double stored, boolean difference) {
        return format(shown(person, metric, stored, difference), decimals(person, metric, difference),
                RoundingMode.HALF_UP);
    }

    /** A typed number in the person's unit, converted to the stored unit. */
    public static double toStored(Person person, Metric metric, double typed, boolean difference) {
        Optional<DisplayUnit> unit = DisplayUnit.of(person, metric);
        if (unit.isEmpty()) {
            return typed;
        }
        return difference ? unit.get().toStored(typed) - unit.get().toStored(0) : unit.get().toStored(typed);
    }

    /** The UCUM code of the unit the person reads the metric in. */
    public static String unitCode(Person person, Metric metric) {
        return DisplayUnit.of(person, metric).map(DisplayUnit::ucum).orElse(metric.unit());
    }

    public static OptionalDouble parse(String typed) {
        String value = typed == null ? "" : typed.strip();
        if (!NUMBER.matcher(value).matches()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Double.parseDouble(value.replace(',', '.')));
    }

    private static double shown(Person person, Metric metric, double stored, boolean difference) {
        return difference
                ? toShownDifference(person, metric, stored)
                : DisplayUnit.of(person, metric).map(u -> u.fromStored(stored)).orElse(stored);
    }

    private static double toShownDifference(Person person, Metric metric, double stored) {
        return DisplayUnit.of(person, metric).map(u -> u.fromStored(stored) - u.fromStored(0)).orElse(stored);
    }

    private static int decimals(Person person, Metric metric, boolean difference) {
        return difference ? Math.max(1, decimals(person, metric)) : decimals(person, metric);
    }

    private static int decimals(Person person, Metric metric) {
        return DisplayUnit.of(person, metric).map(DisplayUnit::decimals).orElse(0);
    }

    private static String format(double value, int decimals, RoundingMode rounding) {
        return BigDecimal.valueOf(value).setScale(decimals, rounding).toPlainString();
    }
}
