package app.wellkeep.vitals;

import java.util.Arrays;
import java.util.Optional;

import app.wellkeep.consent.Category;

/**
 * The catalogue of what Wellkeep records: each metric with its LOINC code, the UCUM unit it is stored in, the
 * consent category it belongs to, how a day of it adds up, and the range of values a person can plausibly have.
 */
public enum Metric {

    STEPS("55423-8", "{steps}", Category.ACTIVITY, Aggregation.SUM, 0, 100_000, "steps"), DISTANCE("55430-3", "m",
            Category.ACTIVITY, Aggregation.SUM, 0, 200_000, "distance"), ACTIVE_ENERGY("41981-2", "kcal",
                    Category.ACTIVITY, Aggregation.SUM, 0, 10_000, "active-energy"), HEART_RATE("8867-4", "/min",
                            Category.HEART, Aggregation.RANGE, 20, 250, "heart-rate"), RESTING_HEART_RATE("40443-4",
                                    "/min", Category.HEART, Aggregation.RANGE, 20, 200,
                                    "resting-heart-rate"), HEART_RATE_VARIABILITY("80404-7", "ms", Category.HEART,
                                            Aggregation.RANGE, 1, 500, "hrv"), SLEEP("93832-4", "min", Category.SLEEP,
                                                    Aggregation.SUM, 0, 24 * 60, "sleep"), WEIGHT("29463-7", "kg",
                                                            Category.BODY, Aggregation.RANGE, 2, 400,
                                                            "weight"), BODY_MASS_INDEX("39156-5", "kg/m2",
                                                                    Category.BODY, Aggregation.RANGE, 8, 100,
                                                                    "bmi"), BODY_FAT("41982-0", "%", Category.BODY,
                                                                            Aggregation.RANGE, 2, 75,
                                                                            "body-fat"), BODY_TEMPERATURE("8310-5",
                                                                                    "Cel", Category.BODY,
                                                                                    Aggregation.RANGE, 30, 45,
                                                                                    "temperature"), SYSTOLIC("8480-6",
                                                                                            "mm[Hg]",
                                                                                            Category.BLOOD_PRESSURE,
                                                                                            Aggregation.RANGE, 50, 300,
                                                                                            "systolic"), DIASTOLIC(
                                                                                                    "8462-4", "mm[Hg]",
                                                                                                    Category.BLOOD_PRESSURE,
                                                                                                    Aggregation.RANGE,
                                                                                                    25, 200,
                                                                                                    "diastolic"), GLUCOSE(
                                                                                                            "2339-0",
                                                                                                            "mg/dL",
                                                                                                            Category.GLUCOSE,
                                                                                                            Aggregation.RANGE,
                                                                                                            10, 1000,
                                                                                                            "glucose"), OXYGEN_SATURATION(
                                                                                                                    "59408-5",
                                                                                                                    "%",
                                                                                                                    Category.HEART,
                                                                                                                    Aggregation.RANGE,
                                                                                                                    50,
                                                                                                                    100,
                                                                                                                    "spo2"), RESPIRATORY_RATE(
                                                                                                                            "9279-1",
                                                                                                                            "/min",
                                                                                                                            Category.HEART,
                                                                                                                            Aggregation.RANGE,
                                                                                                                            4,
                                                                                                                            60,
                                                                                                                            "respiratory-rate");

    /** How the readings of one day make the day's figure. */
    public enum Aggregation {
        /** Counted or accumulated over the day (steps, sleep minutes): the day's figure is the total. */
        SUM,
        /** Measured at moments (heart rate, weight): the day has a minimum, maximum, mean and latest value. */
        RANGE
    }

    private final String loinc;
    private final String unit;
    private final Category category;
    private final Aggregation aggregation;
    private final double min;
    private final double max;
    private final String slug;

    Metric(String loinc, String unit, Category category, Aggregation aggregation, double min, double max,
            String slug) {
        this.loinc = loinc;
        this.unit = unit;
        this.category = category;
        this.aggregation = aggregation;
        this.min = min;
        this.max = max;
        this.slug = slug;
    }

    public String loinc() {
        return loinc;
    }

    /** The UCUM unit the value is stored in. */
    public String unit() {
        return unit;
    }

    public Category category() {
        return category;
    }

    public Aggregation aggregation() {
        return aggregation;
    }

    /** The lowest value a living person can plausibly have, in {@link #unit()}. */
    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The name of the metric in URLs. */
    public String slug() {
        return slug;
    }

    public boolean plausible(double value) {
        return Double.isFinite(value) && value >= min && value <= max;
    }

    public static Optional<Metric> bySlug(String slug) {
        return Arrays.stream(values()).filter(m -> m.slug.equals(slug)).findFirst();
    }

    public static Optional<Metric> byLoinc(String code) {
        return Arrays.stream(values()).filter(m -> m.loinc.equals(code)).findFirst();
    }
}
