package app.wellkeep.checkin;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.checkin.CheckIn.Medication;
import app.wellkeep.checkin.CheckIn.Symptom;
import app.wellkeep.web.FormInput;

/**
 * The daily check-in form, read strictly: every field checked, and a field the form never had (a date, another
 * person) refuses the whole submission. Errors are message keys by field.
 */
public record CheckInForm(Map<String, String> raw, List<String> symptomsRaw, Map<String, String> errors,
        Values values) implements FormInput {

    public static final int SCALE_MIN = 1;
    public static final int SCALE_MAX = 5;
    public static final int SYMPTOM_NOTE_MAX = 500;
    public static final int NOTE_MAX = 1000;

    static final List<String> SCALES = List.of("mood", "energy", "stress", "sleepQuality");
    static final Set<String> FIELDS = Set.of("mood", "energy", "stress", "sleepQuality", "medication", "symptoms",
            "symptomNote", "note");

    public record Values(int mood, int energy, int stress, int sleepQuality, Medication medication,
            Set<Symptom> symptoms, String symptomNote, String note) {
    }

    public static CheckInForm parse(MultivaluedMap<String, String> form, String csrfField) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (!FIELDS.contains(key) && !key.equals(csrfField)) {
                errors.put("form", "unexpectedField");
            } else if (!key.equals("symptoms")) {
                List<String> values = form.get(key);
                if (values.size() > 1) {
                    errors.put(key, "oneValue");
                }
                raw.put(key, values.get(0));
            }
        }
        List<String> symptomsRaw = form.getOrDefault("symptoms", List.of());
        Map<String, Integer> scales = new LinkedHashMap<>();
        for (String scale : SCALES) {
            String value = raw.get(scale);
            if (value == null || value.isBlank()) {
                errors.putIfAbsent(scale, "required");
                continue;
            }
            try {
                int parsed = Integer.parseInt(value.strip());
                if (parsed < SCALE_MIN || parsed > SCALE_MAX) {
                    errors.putIfAbsent(scale, "outOfRange");
                }
                scales.put(scale, parsed);
            } catch (NumberFormatException e) {
                errors.putIfAbsent(scale, "outOfRange");
            }
        }
        Medication medication = null;
        String medicationRaw = raw.get("medication");
        if (medicationRaw == null || medicationRaw.isBlank()) {
            errors.putIfAbsent("medication", "required");
        } else {
            try {
                medication = Medication.valueOf(medicationRaw);
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent("medication", "unknownChoice");
            }
        }
        Set<Symptom> symptoms = EnumSet.noneOf(Symptom.class);
        for (String symptom : symptomsRaw) {
            try {
                symptoms.add(Symptom.valueOf(symptom));
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent("symptoms", "unknownChoice");
            }
        }
        String symptomNote = text(raw.get("symptomNote"), SYMPTOM_NOTE_MAX, "symptomNote", errors);
        String note = text(raw.get("note"), NOTE_MAX, "note", errors);
        Values values = errors.isEmpty()
                ? new Values(scales.get("mood"), scales.get("energy"), scales.get("stress"), scales.get("sleepQuality"),
                        medication, symptoms, symptomNote, note)
                : null;
        return new CheckInForm(raw, symptomsRaw, errors, values);
    }

    /** The form as the check-in stored today, for editing. */
    public static CheckInForm of(CheckIn checkIn) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("mood", Integer.toString(checkIn.mood));
        raw.put("energy", Integer.toString(checkIn.energy));
        raw.put("stress", Integer.toString(checkIn.stress));
        raw.put("sleepQuality", Integer.toString(checkIn.sleepQuality));
        raw.put("medication", checkIn.medication.name());
        raw.put("symptomNote", checkIn.symptomNote == null ? "" : checkIn.symptomNote);
        raw.put("note", checkIn.note == null ? "" : checkIn.note);
        return new CheckInForm(raw, checkIn.symptomSet().stream().map(Enum::name).toList(), Map.of(), null);
    }

    public static CheckInForm empty() {
        return new CheckInForm(Map.of(), List.of(), Map.of(), null);
    }

    public boolean hasSymptom(Symptom symptom) {
        return symptomsRaw.contains(symptom.name());
    }

    private static String text(String value, int max, String field, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            errors.putIfAbsent(field, "tooLong");
        }
        if (stripped.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            errors.putIfAbsent(field, "invalidCharacters");
        }
        return stripped.isEmpty() ? null : stripped;
    }
}
