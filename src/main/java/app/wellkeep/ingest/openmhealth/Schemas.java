package app.wellkeep.ingest.openmhealth;

import static app.wellkeep.ingest.openmhealth.Format.Timing.INTERVAL;
import static app.wellkeep.ingest.openmhealth.Format.Timing.OPTIONAL;
import static app.wellkeep.ingest.openmhealth.Format.Timing.REQUIRED;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import app.wellkeep.ingest.openmhealth.Body.Measure;
import app.wellkeep.ingest.openmhealth.Format.Reader;
import app.wellkeep.ingest.openmhealth.Format.Timing;
import app.wellkeep.vitals.Metric;

/**
 * The Open mHealth schemas Wellkeep reads and how each maps to a {@link Metric}, after the schemas of the Open
 * mHealth repository (namespace "omh") and their IEEE 1752 counterparts (namespace "ieee").
 * <p>
 * IEEE 1752.1 defines physical activity and sleep (physical-activity, total-sleep-time, sleep-episode). A vital
 * sign in the "ieee" namespace (heart-rate 1.x, blood-pressure 1.x, ...) is read by the rules of the latest omh
 * version of the same name, the one already built on IEEE 1752.1's time frame and statistics: the body formats
 * are the same. Wellkeep does not keep RR intervals (not a heart rate variability figure), body height, or the
 * other schemas; their data points are skipped.
 */
final class Schemas {

    private Schemas() {
    }

    private static final Map<String, Map<Integer, Format>> BY_TYPE = new HashMap<>();

    static {
        omh("heart-rate", 1, OPTIONAL, Schemas::heartRate);
        omh("heart-rate", 2, REQUIRED, Schemas::heartRate);
        omh("step-count", 1, OPTIONAL, Schemas::stepCount);
        omh("step-count", 2, INTERVAL, Schemas::stepCount);
        omh("step-count", 3, INTERVAL, Schemas::stepCount);
        omh("blood-pressure", 1, OPTIONAL, Schemas::bloodPressure);
        omh("blood-pressure", 2, OPTIONAL, Schemas::bloodPressure);
        omh("blood-pressure", 3, REQUIRED, Schemas::bloodPressure);
        omhIeee("blood-pressure", 4, REQUIRED, Schemas::bloodPressure);
        omh("systolic-blood-pressure", 1, OPTIONAL, b -> pressure(b, Metric.SYSTOLIC));
        omh("diastolic-blood-pressure", 1, OPTIONAL, b -> pressure(b, Metric.DIASTOLIC));
        omh("body-weight", 1, OPTIONAL, Schemas::bodyWeight);
        omh("body-weight", 2, REQUIRED, Schemas::bodyWeight);
        omhIeee("body-weight", 3, REQUIRED, Schemas::bodyWeight);
        omh("blood-glucose", 1, OPTIONAL, Schemas::bloodGlucose);
        omh("blood-glucose", 2, OPTIONAL, Schemas::bloodGlucose);
        omh("blood-glucose", 3, REQUIRED, Schemas::bloodGlucose);
        omhIeee("blood-glucose", 4, REQUIRED, Schemas::bloodGlucose);
        omh("oxygen-saturation", 1, OPTIONAL, Schemas::oxygenSaturation);
        omh("oxygen-saturation", 2, REQUIRED, Schemas::oxygenSaturation);
        omh("body-temperature", 1, OPTIONAL, Schemas::bodyTemperature);
        omh("body-temperature", 2, OPTIONAL, Schemas::bodyTemperature);
        omh("body-temperature", 3, REQUIRED, Schemas::bodyTemperature);
        omhIeee("body-temperature", 4, REQUIRED, Schemas::bodyTemperature);
        omh("respiratory-rate", 1, OPTIONAL, Schemas::respiratoryRate);
        omh("respiratory-rate", 2, REQUIRED, Schemas::respiratoryRate);
        omh("body-fat-percentage", 1, OPTIONAL, Schemas::bodyFat);
        omhIeee("body-fat-percentage", 2, REQUIRED, Schemas::bodyFat);
        omh("body-mass-index", 1, OPTIONAL, Schemas::bodyMassIndex);
        omh("body-mass-index", 2, REQUIRED, Schemas::bodyMassIndex);
        omhIeee("body-mass-index", 3, REQUIRED, Schemas::bodyMassIndex);
        omh("calories-burned", 1, OPTIONAL, Schemas::caloriesBurned);
        omh("calories-burned", 2, INTERVAL, Schemas::caloriesBurned);
        omhIeee("calories-burned", 3, INTERVAL, Schemas::caloriesBurned);
        omh("sleep-duration", 1, OPTIONAL, Schemas::sleepDuration);
        omh("sleep-duration", 2, INTERVAL, Schemas::sleepDuration);
        omh("total-sleep-time", 1, INTERVAL, Schemas::totalSleepTime);
        omh("sleep-episode", 1, INTERVAL, Schemas::sleepEpisode);
        omh("physical-activity", 1, OPTIONAL, Schemas::physicalActivity);

        ieee("heart-rate", 2, REQUIRED, Schemas::heartRate);
        ieee("blood-pressure", 4, REQUIRED, Schemas::bloodPressure);
        ieee("body-weight", 3, REQUIRED, Schemas::bodyWeight);
        ieee("blood-glucose", 4, REQUIRED, Schemas::bloodGlucose);
        ieee("oxygen-saturation", 2, REQUIRED, Schemas::oxygenSaturation);
        ieee("body-temperature", 4, REQUIRED, Schemas::bodyTemperature);
        ieee("respiratory-rate", 2, REQUIRED, Schemas::respiratoryRate);
        ieee("body-fat-percentage", 2, REQUIRED, Schemas::bodyFat);
        ieee("body-mass-index", 3, REQUIRED, Schemas::bodyMassIndex);
        ieee("calories-burned", 3, INTERVAL, Schemas::caloriesBurned);
        ieee("total-sleep-time", 1, INTERVAL, Schemas::totalSleepTime);
        ieee("sleep-episode", 1, INTERVAL, Schemas::sleepEpisode);
        ieee("physical-activity", 1, INTERVAL, Schemas::physicalActivity);
    }

    private static void omh(String name, int major, Timing timing, Reader reader) {
        put(new Format("omh", name, major, major, timing, false, reader));
    }

    /** An omh version that builds on IEEE 1752.1's time frame and statistics. */
    private static void omhIeee(String name, int major, Timing timing, Reader reader) {
        put(new Format("omh", name, major, major, timing, true, reader));
    }

    /** An IEEE schema at version 1.x, following the rules of omh version {@code variant}. */
    private static void ieee(String name, int variant, Timing timing, Reader reader) {
        put(new Format("ieee", name, 1, variant, timing, true, reader));
    }

    private static void put(Format format) {
        BY_TYPE.computeIfAbsent(format.type(), k -> new HashMap<>()).put(format.major(), format);
    }

    /** Whether Wellkeep reads some version of this schema. */
    static boolean known(String namespace, String name) {
        return BY_TYPE.containsKey(namespace + ":" + name);
    }

    /** The format of this schema at this major version, if Wellkeep reads it. */
    static Optional<Format> find(String namespace, String name, int major) {
        return Optional.ofNullable(BY_TYPE.getOrDefault(namespace + ":" + name, Map.of()).get(major));
    }

    /** The names of the omh schemas Wellkeep reads. */
    static Set<String> omhNames() {
        Set<String> names = new TreeSet<>();
        BY_TYPE.values().forEach(versions -> versions.values().stream().filter(f -> f.namespace().equals("omh"))
                .forEach(f -> names.add(f.name())));
        return names;
    }

    private static Outcome heartRate(Body b) {
        UnitValue rate = b.measure("heart_rate", OmhUnits.BEATS_PER_MIN);
        TimeFrame time = b.time();
        b.oneOf("temporal_relationship_to_physical_activity", Vocabulary.RELATIONSHIP_TO_PHYSICAL_ACTIVITY);
        b.oneOf("temporal_relationship_to_sleep", Vocabulary.RELATIONSHIP_TO_SLEEP);
        b.text("user_notes");
        return b.measured(Metric.HEART_RATE, rate, time, b.statistic());
    }

    private static Outcome stepCount(Body b) {
        UnitValue steps = b.variant() >= 3
                ? b.measure("step_count", OmhUnits.STEPS)
                : new UnitValue(b.number("step_count"), "steps");
        TimeFrame time = b.time();
        return b.measured(Metric.STEPS, steps, time, b.statistic());
    }

    private static Outcome bloodPressure(Body b) {
        UnitValue systolic = b.measure("systolic_blood_pressure", OmhUnits.MM_HG);
        UnitValue diastolic = b.measure("diastolic_blood_pressure", OmhUnits.MM_HG);
        TimeFrame time = b.time();
        if (b.variant() == 1) {
            b.oneOf("position_during_measurement", Vocabulary.POSITION_DURING_MEASUREMENT);
        } else {
            b.oneOf("body_posture", Vocabulary.BODY_POSTURE);
        }
        if (b.variant() >= 3) {
            b.oneOf("measurement_location", Vocabulary.BODY_LOCATION);
        }
        b.oneOf("temporal_relationship_to_physical_activity", Vocabulary.RELATIONSHIP_TO_PHYSICAL_ACTIVITY);
        b.text("user_notes");
        return b.measured(time, b.statistic(), new Measure(Metric.SYSTOLIC, systolic),
                new Measure(Metric.DIASTOLIC, diastolic));
    }

    /** systolic-blood-pressure and diastolic-blood-pressure data points: the body is the unit-value itself. */
    private static Outcome pressure(Body b, Metric metric) {
        UnitValue pressure = UnitValue.of(b.node(), "body", OmhUnits.MM_HG);
        return b.measured(metric, pressure, b.time(), null);
    }

    private static Outcome bodyWeight(Body b) {
        UnitValue weight = b.measure("body_weight", OmhUnits.MASS);
        TimeFrame time = b.time();
        return b.measured(Metric.WEIGHT, weight, time, b.statistic());
    }

    private static Outcome bloodGlucose(Body b) {
        UnitValue glucose = b.measure("blood_glucose", OmhUnits.GLUCOSE);
        TimeFrame time = b.time();
        switch (b.variant()) {
            case 1 -> b.oneOf("blood_specimen_type", Vocabulary.BLOOD_SPECIMEN_TYPE);
            case 2 -> b.oneOf("specimen_source", Vocabulary.SPECIMEN_SOURCE_1);
            default -> b.oneOf("specimen_source", Vocabulary.SPECIMEN_SOURCE_2);
        }
        b.oneOf("temporal_relationship_to_meal", Vocabulary.RELATIONSHIP_TO_MEAL);
        b.oneOf("temporal_relationship_to_sleep", Vocabulary.RELATIONSHIP_TO_SLEEP);
        b.text("user_notes");
        return b.measured(Metric.GLUCOSE, glucose, time, b.statistic());
    }

    private static Outcome oxygenSaturation(Body b) {
        UnitValue saturation = b.measure("oxygen_saturation", OmhUnits.PERCENT);
        TimeFrame time = b.time();
        b.oneOf("system", Vocabulary.OXYGEN_SYSTEM);
        b.optionalMeasure("supplemental_oxygen_flow_rate", OmhUnits.LITRES_PER_MIN);
        b.oneOf("oxygen_therapy_mode_of_administration", Vocabulary.OXYGEN_THERAPY);
        b.oneOf("measurement_method", Vocabulary.OXYGEN_METHOD);
        return b.measured(Metric.OXYGEN_SATURATION, saturation, time, b.statistic());
    }

    private static Outcome bodyTemperature(Body b) {
        UnitValue temperature = b.measure("body_temperature", OmhUnits.TEMPERATURE);
        TimeFrame time = b.time();
        b.oneOf("measurement_location",
                b.variant() == 1 ? Vocabulary.TEMPERATURE_LOCATION_1 : Vocabulary.TEMPERATURE_LOCATION_2);
        b.oneOf("temporal_relationship_to_sleep", Vocabulary.RELATIONSHIP_TO_SLEEP);
        return b.measured(Metric.BODY_TEMPERATURE, temperature, time, b.statistic());
    }

    private static Outcome respiratoryRate(Body b) {
        UnitValue rate = b.measure("respiratory_rate", OmhUnits.BREATHS_PER_MIN);
        TimeFrame time = b.time();
        b.oneOf("temporal_relationship_to_physical_activity", Vocabulary.RELATIONSHIP_TO_PHYSICAL_ACTIVITY);
        return b.measured(Metric.RESPIRATORY_RATE, rate, time, b.statistic());
    }

    private static Outcome bodyFat(Body b) {
        UnitValue fat = b.measure("body_fat_percentage", OmhUnits.PERCENT);
        TimeFrame time = b.time();
        return b.measured(Metric.BODY_FAT, fat, time, b.statistic());
    }

    private static Outcome bodyMassIndex(Body b) {
        UnitValue index = b.measure("body_mass_index", Set.of(b.variant() == 1 ? "kg/m2" : "kg/m^2"));
        TimeFrame time = b.time();
        return b.measured(Metric.BODY_MASS_INDEX, index, time, b.statistic());
    }

    private static Outcome caloriesBurned(Body b) {
        UnitValue energy = b.measure("kcal_burned", OmhUnits.KCAL);
        TimeFrame time = b.time();
        b.text("activity_name");
        return b.measured(Metric.ACTIVE_ENERGY, energy, time, b.statistic());
    }

    private static Outcome sleepDuration(Body b) {
        UnitValue sleep = b.measure("sleep_duration", OmhUnits.SLEEP_DURATION);
        TimeFrame time = b.time();
        b.text("user_notes");
        return b.measured(Metric.SLEEP, sleep, time, b.statistic());
    }

    private static Outcome totalSleepTime(Body b) {
        UnitValue sleep = b.measure("total_sleep_time", OmhUnits.DURATION);
        TimeFrame time = b.time();
        b.optionalBoolean("is_main_sleep");
        return b.measured(Metric.SLEEP, sleep, time, b.statistic());
    }

    /** The time asleep in a sleep episode, over the episode; an episode that does not say it is skipped. */
    private static Outcome sleepEpisode(Body b) {
        TimeFrame time = b.time();
        UnitValue asleep = b.optionalMeasure("total_sleep_time", OmhUnits.DURATION);
        for (String duration : List.of("latency_to_sleep_onset", "latency_to_arising", "wake_after_sleep_onset")) {
            b.optionalMeasure(duration, OmhUnits.DURATION);
        }
        b.optionalInteger("number_of_awakenings");
        b.optionalBoolean("is_main_sleep");
        b.optionalMeasure("sleep_maintenance_efficiency_percentage", OmhUnits.PERCENT);
        if (b.ieee()) {
            b.optionalMeasure("sleep_efficiency_percentage", OmhUnits.PERCENT);
        }
        return b.measured(Metric.SLEEP, asleep, time, b.statistic());
    }

    /** The distance and energy of an episode of activity, and with IEEE 1752.1 its steps. */
    private static Outcome physicalActivity(Body b) {
        b.requiredText("activity_name");
        TimeFrame time = b.time();
        UnitValue distance = b.optionalMeasure("distance", OmhUnits.LENGTH);
        UnitValue energy = b.optionalMeasure("kcal_burned", OmhUnits.KCAL);
        UnitValue steps = null;
        if (b.ieee()) {
            UnitValue movements = b.optionalMeasure("base_movement_quantity", MOVEMENTS);
            steps = movements != null && movements.unit().equals("steps") ? movements : null;
        }
        b.oneOf("reported_activity_intensity", Vocabulary.ACTIVITY_INTENSITY);
        b.optionalNumber("met_value");
        return b.measured(time, b.statistic(), new Measure(Metric.DISTANCE, distance),
                new Measure(Metric.ACTIVE_ENERGY, energy), new Measure(Metric.STEPS, steps));
    }

    /** What IEEE 1752.1 counts repetitions of an activity in; Wellkeep keeps steps. */
    private static final Set<String> MOVEMENTS = Set.of("steps", "laps", "skips", "movements", "strokes");
}
