package app.wellkeep.vitals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import app.wellkeep.account.Person;

/**
 * The units a person may choose to read weight, glucose and temperature in, with the conversion from the unit the
 * value is stored in. Every other metric is shown in its stored unit.
 */
public enum DisplayUnit {

    KILOGRAM("kg", Metric.WEIGHT, 1, 0, 1), POUND("[lb_av]", Metric.WEIGHT, 1 / 0.45359237, 0, 1), MG_PER_DL("mg/dL",
            Metric.GLUCOSE, 1, 0, 0),
    /** Glucose: 1 mmol/L is 18.016 mg/dL (molar mass 180.16 g/mol). */
    MMOL_PER_L("mmol/L", Metric.GLUCOSE, 1 / 18.016, 0, 1), CELSIUS("Cel", Metric.BODY_TEMPERATURE, 1, 0,
            1), FAHRENHEIT("[degF]", Metric.BODY_TEMPERATURE, 9.0 / 5.0, 32, 1);

    private final String ucum;
    private final Metric metric;
    private final double factor;
    private final double offset;
    private final int decimals;

    DisplayUnit(String ucum, Metric metric, double factor, double offset, int decimals) {
        this.ucum = ucum;
        this.metric = metric;
        this.factor = factor;
        this.offset = offset;
        this.decimals = decimals;
    }

    public String ucum() {
        return ucum;
    }

    public Metric metric() {
        return metric;
    }

    /** Decimal places worth showing. */
    public int decimals() {
        return decimals;
    }

    public double fromStored(double stored) {
        return stored * factor + offset;
    }

    public double toStored(double shown) {
        return (shown - offset) / factor;
    }

    public static List<DisplayUnit> choicesFor(Metric metric) {
        return Arrays.stream(values()).filter(u -> u.metric == metric).toList();
    }

    public static Optional<DisplayUnit> byUcum(Metric metric, String ucum) {
        return Arrays.stream(values()).filter(u -> u.metric == metric && u.ucum.equals(ucum)).findFirst();
    }

    /** The unit the person reads this metric in, or empty for metrics shown as stored. */
    public static Optional<DisplayUnit> of(Person person, Metric metric) {
        return switch (metric) {
            case WEIGHT -> byUcum(metric, person.weightUnit);
            case GLUCOSE -> byUcum(metric, person.glucoseUnit);
            case BODY_TEMPERATURE -> byUcum(metric, person.temperatureUnit);
            default -> Optional.empty();
        };
    }
}
