package app.wellkeep.account;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.vitals.DisplayUnit;
import app.wellkeep.vitals.Metric;
import app.wellkeep.web.FormInput;

/** The profile form, read strictly like every form: unknown or repeated fields refuse it; errors by field. */
public record ProfileForm(Map<String, String> raw, Map<String, String> errors, PersonService.ProfileChange change)
        implements
            FormInput {

    public static final int NAME_MAX = 100;
    static final Set<String> FIELDS = Set.of("timeZone", "displayName", "weightUnit", "glucoseUnit",
            "temperatureUnit");

    static ProfileForm parse(MultivaluedMap<String, String> form, String csrfField, List<String> zones) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (!FIELDS.contains(key) && !key.equals(csrfField) || form.get(key).size() > 1) {
                errors.put("form", "unexpectedField");
            } else if (!key.equals(csrfField)) {
                raw.put(key, form.getFirst(key).strip());
            }
        }
        String zone = raw.getOrDefault("timeZone", "");
        if (!zones.contains(zone) && !zone.equals("UTC")) {
            errors.put("timeZone", "timeZoneInvalid");
        }
        String name = raw.getOrDefault("displayName", "");
        if (name.length() > NAME_MAX) {
            errors.put("displayName", "nameTooLong");
        } else if (name.codePoints()
                .anyMatch(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT)) {
            errors.put("displayName", "nameCharacters");
        }
        unit(raw, "weightUnit", Metric.WEIGHT, errors);
        unit(raw, "glucoseUnit", Metric.GLUCOSE, errors);
        unit(raw, "temperatureUnit", Metric.BODY_TEMPERATURE, errors);
        PersonService.ProfileChange change = errors.isEmpty()
                ? new PersonService.ProfileChange(ZoneId.of(zone), name.isEmpty() ? null : name,
                        raw.get("weightUnit"), raw.get("glucoseUnit"), raw.get("temperatureUnit"))
                : null;
        return new ProfileForm(raw, errors, change);
    }

    static ProfileForm of(Person person) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("timeZone", person.timeZone);
        raw.put("displayName", person.displayNameChosen ? person.displayName : "");
        raw.put("weightUnit", person.weightUnit);
        raw.put("glucoseUnit", person.glucoseUnit);
        raw.put("temperatureUnit", person.temperatureUnit);
        return new ProfileForm(raw, Map.of(), null);
    }

    private static void unit(Map<String, String> raw, String field, Metric metric, Map<String, String> errors) {
        if (DisplayUnit.byUcum(metric, raw.getOrDefault(field, "")).isEmpty()) {
            errors.put(field, "unknownUnit");
        }
    }
}
