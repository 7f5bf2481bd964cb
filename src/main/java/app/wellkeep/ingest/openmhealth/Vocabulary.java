package app.wellkeep.ingest.openmhealth;

import java.util.Set;

/**
 * The value sets (JSON Schema enums) of the Open mHealth and IEEE 1752.1 schemas that Wellkeep reads, as published
 * in the Open mHealth schemas repository. A value outside its set makes the data point invalid.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    /** omh:descriptive-statistic:1.x. */
    static final Set<String> OMH_STATISTICS = Set.of("average", "maximum", "minimum", "standard deviation",
            "variance", "sum", "median", "count", "quartile deviation", "80th percentile", "lower quartile",
            "upper quartile", "1st quintile", "2nd quintile", "3rd quintile", "4th quintile");

    /** ieee:descriptive-statistic:1.0, which adds the 20th percentile. */
    static final Set<String> IEEE_STATISTICS = Set.of("average", "count", "maximum", "median", "minimum",
            "standard deviation", "sum", "variance", "20th percentile", "80th percentile", "lower quartile",
            "upper quartile", "quartile deviation", "1st quintile", "2nd quintile", "3rd quintile",
            "4th quintile");

    /**
     * The statistics whose value is itself a value of the measure (a heart rate that was the day's lowest), as
     * opposed to a spread (standard deviation), a number of measurements (count) or a total.
     */
    static final Set<String> LEVEL_STATISTICS = Set.of("average", "maximum", "minimum", "median", "20th percentile",
            "80th percentile", "lower quartile", "upper quartile", "1st quintile", "2nd quintile", "3rd quintile",
            "4th quintile");

    static final Set<String> PART_OF_DAY = Set.of("morning", "afternoon", "evening", "night");

    static final Set<String> MODALITY = Set.of("sensed", "self-reported");

    static final Set<String> RELATIONSHIP_TO_PHYSICAL_ACTIVITY = Set.of("at rest", "active", "before exercise",
            "after exercise", "during exercise");

    static final Set<String> RELATIONSHIP_TO_SLEEP = Set.of("before sleeping", "during sleep", "on waking");

    static final Set<String> RELATIONSHIP_TO_MEAL = Set.of("fasting", "not fasting", "before meal", "after meal",
            "before breakfast", "after breakfast", "before lunch", "after lunch", "before dinner", "after dinner",
            "2 hours postprandial");

    /** omh:blood-specimen-type:1.0, used by blood-glucose 1.x. */
    static final Set<String> BLOOD_SPECIMEN_TYPE = Set.of("whole blood", "plasma", "serum");

    /** omh:specimen-source:1.x, used by blood-glucose 2.x. */
    static final Set<String> SPECIMEN_SOURCE_1 = Set.of("interstitial fluid", "capillary blood", "plasma", "serum",
            "whole blood");

    /** omh:specimen-source:2.x (2.0 said "lacrimal fluid" where 2.1 says "tears"), used by blood-glucose 3 and 4. */
    static final Set<String> SPECIMEN_SOURCE_2 = Set.of("breath", "capillary blood", "interstitial fluid",
            "lacrimal fluid", "saliva", "sweat", "tears", "urine");

    /** omh:position-during-measurement:1.0, used by blood-pressure 1.x. */
    static final Set<String> POSITION_DURING_MEASUREMENT = Set.of("sitting", "lying down", "standing");

    /** omh:body-posture:1.x and its IEEE successor. */
    static final Set<String> BODY_POSTURE = Set.of("sitting", "lying down", "standing", "semi-recumbent");

    /** omh:body-location:1.x, where blood pressure is measured. */
    static final Set<String> BODY_LOCATION = Set.of("left ankle", "right ankle", "left hip", "right hip",
            "left thigh", "right thigh", "left thorax", "middle left thorax", "left upper arm", "right upper arm",
            "left wrist", "right wrist");

    /** Where body-temperature 1.x is measured. */
    static final Set<String> TEMPERATURE_LOCATION_1 = Set.of("oral", "rectal", "vaginal", "axillary", "otic",
            "wrist", "chest", "temporal");

    /** Where body-temperature 2.x to 4.x is measured. */
    static final Set<String> TEMPERATURE_LOCATION_2 = Set.of("axillary", "finger", "forehead", "oral", "rectal",
            "temporal artery", "toe", "tympanic", "wrist", "vagina");

    static final Set<String> OXYGEN_SYSTEM = Set.of("peripheral capillary");
    static final Set<String> OXYGEN_THERAPY = Set.of("nasal cannula");
    static final Set<String> OXYGEN_METHOD = Set.of("pulse oximetry");

    static final Set<String> ACTIVITY_INTENSITY = Set.of("light", "moderate", "vigorous");
}
