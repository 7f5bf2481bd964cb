package app.wellkeep.vitals;

/**
 * What monitoring watches for. A rule fires at most once per reading; blood pressure is one rule with two limits
 * (systolic and diastolic), so a reading above both raises one alert.
 */
public enum Rule {
    BLOOD_PRESSURE_HIGH, RESTING_HEART_RATE_HIGH, GLUCOSE_LOW, GLUCOSE_HIGH, WEIGHT_GAIN, SPO2_LOW, TEMPERATURE_HIGH
}
