package app.wellkeep.vitals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.account.Person;
import app.wellkeep.web.FormInput;

/**
 * One limit set or reset on the limits page, read strictly: the value is in the person's unit and must fall within
 * the limit's bounds once converted; a field the form never had refuses the submission.
 */
public record ThresholdForm(Limit limit, boolean reset, Double value, Map<String, String> raw,
        Map<String, String> errors) implements FormInput {

    static final Set<String> FIELDS = Set.of("limit", "value", "reset");

    public static ThresholdForm parse(MultivaluedMap<String, String> form, String csrfField, Person person) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (!FIELDS.contains(key) && !key.equals(csrfField) || form.get(key).size() > 1) {
                errors.put("form", "unexpectedField");
            } else if (FIELDS.contains(key)) {
                raw.put(key, form.getFirst(key).strip());
            }
        }
        Limit limit = null;
        try {
            limit = Limit.valueOf(raw.getOrDefault("limit", ""));
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent("form", "unknownLimit");
        }
        boolean reset = "true".equals(raw.get("reset"));
        if (raw.containsKey("reset") && !reset) {
            errors.putIfAbsent("form", "unexpectedField");
        }
        Double value = null;
        if (limit != null && !reset) {
            String typed = raw.getOrDefault("value", "");
            OptionalDouble number = Shown.parse(typed);
            if (typed.isEmpty()) {
                errors.putIfAbsent("value", "required");
            } else if (number.isEmpty()) {
                errors.putIfAbsent("value", "notANumber");
            } else {
                // Bounds are in the stored unit: checked after converting what the person typed.
                value = Shown.toStored(person, limit.metric(), number.getAsDouble(), limit.difference());
                if (!limit.allowed(value)) {
                    errors.putIfAbsent("value", "outOfBounds");
                }
            }
        }
        return new ThresholdForm(limit, reset, value, raw, errors);
    }

    public static ThresholdForm empty() {
        return new ThresholdForm(null, false, null, Map.of(), Map.of());
    }

    /** Whether this submission was about that limit (its errors and typed value belong to it). */
    public boolean about(Limit other) {
        return limit == other;
    }
}
