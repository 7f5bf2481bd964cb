package app.wellkeep.vitals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.web.FormInput;

/**
 * The goals form, read strictly: unknown or repeated fields refuse the submission, every value is checked against
 * plausible bounds, and errors are message keys by field. The target weight is typed in the person's unit.
 */
public record GoalForm(Map<String, String> raw, Map<String, String> errors, Goals.Targets targets)
        implements
            FormInput {

    public static final int STEPS_MIN = 100;
    public static final int STEPS_MAX = 100_000;
    public static final int SLEEP_HOURS_MIN = 3;
    public static final int SLEEP_HOURS_MAX = 14;
    /** Target weights an adult may plausibly aim for, in kilograms. */
    public static final double WEIGHT_MIN_KG = 30;
    public static final double WEIGHT_MAX_KG = 300;
    static final Set<String> FIELDS = Set.of("steps", "sleepHours", "targetWeight");

    public static GoalForm parse(MultivaluedMap<String, String> form, String csrfField, UnitView weight) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (!FIELDS.contains(key) && !key.equals(csrfField) || form.get(key).size() > 1) {
                errors.put("form", "unexpectedField");
            } else if (!key.equals(csrfField)) {
                raw.put(key, form.getFirst(key).strip());
            }
        }
        Integer steps = null;
        BigDecimal stepsValue = number(raw, "steps", true, errors);
        if (stepsValue != null) {
            if (stepsValue.stripTrailingZeros().scale() > 0) {
                errors.put("steps", "notWhole");
            } else if (stepsValue.compareTo(BigDecimal.valueOf(STEPS_MIN)) < 0
                    || stepsValue.compareTo(BigDecimal.valueOf(STEPS_MAX)) > 0) {
                errors.put("steps", "stepsRange");
            } else {
                steps = stepsValue.intValueExact();
            }
        }
        Integer sleepMinutes = null;
        BigDecimal hours = number(raw, "sleepHours", true, errors);
        if (hours != null) {
            if (hours.compareTo(BigDecimal.valueOf(SLEEP_HOURS_MIN)) < 0
                    || hours.compareTo(BigDecimal.valueOf(SLEEP_HOURS_MAX)) > 0) {
                errors.put("sleepHours", "sleepRange");
            } else {
                sleepMinutes = hours.multiply(BigDecimal.valueOf(60)).setScale(0, RoundingMode.HALF_UP).intValue();
            }
        }
        OptionalDouble target = OptionalDouble.empty();
        BigDecimal typed = number(raw, "targetWeight", false, errors);
        if (typed != null) {
            double kg = weight.stored(typed.doubleValue());
            if (kg < WEIGHT_MIN_KG - 1e-9 || kg > WEIGHT_MAX_KG + 1e-9) {
                errors.put("targetWeight", "weightRange");
            } else {
                target = OptionalDouble.of(kg);
            }
        }
        Goals.Targets targets = errors.isEmpty() ? new Goals.Targets(steps, sleepMinutes, target) : null;
        return new GoalForm(raw, errors, targets);
    }

    /** The form filled in with the person's current goals, the weight in their unit. */
    public static GoalForm of(Goals.Targets targets, UnitView weight) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("steps", Integer.toString(targets.dailySteps()));
        raw.put("sleepHours", BigDecimal.valueOf(targets.sleepMinutes()).divide(BigDecimal.valueOf(60), 2,
                RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        raw.put("targetWeight",
                targets.targetWeightKg().isPresent() ? weight.format(targets.targetWeightKg().getAsDouble()) : "");
        return new GoalForm(raw, Map.of(), targets);
    }

    private static BigDecimal number(Map<String, String> raw, String field, boolean required,
            Map<String, String> errors) {
        String text = raw.getOrDefault(field, "").replace(",", "");
        if (text.isEmpty()) {
            if (required) {
                errors.put(field, "required");
            }
            return null;
        }
        // Digits and one decimal point only: no exponents, signs or the words "NaN" and "Infinity".
        if (!text.matches("\\d{1,7}(\\.\\d{1,3})?")) {
            errors.put(field, "notNumber");
            return null;
        }
        return new BigDecimal(text);
    }
}
