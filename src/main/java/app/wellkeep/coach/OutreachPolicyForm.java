package app.wellkeep.coach;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.coach.OutreachRules.Windows;
import app.wellkeep.web.FormInput;

/**
 * The outreach windows form, read strictly: unknown or repeated fields refuse the submission, each window is a whole
 * number in its range, and {@code team} names the care team whose windows these are (empty: the coach's own).
 */
public record OutreachPolicyForm(Map<String, String> raw, Map<String, String> errors, Optional<UUID> team,
        Windows windows) implements FormInput {

    public static final int GAP_MAX = 90;
    public static final int DATA_MAX = 30;
    public static final int ALERT_MAX = 720;
    static final Set<String> FIELDS = Set.of("team", "checkInGapDays", "minDataDays", "alertHours");

    public static OutreachPolicyForm parse(MultivaluedMap<String, String> form, String csrfField) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (!FIELDS.contains(key) && !key.equals(csrfField) || form.get(key).size() > 1) {
                errors.put("form", "unexpectedField");
            } else if (!key.equals(csrfField)) {
                raw.put(key, form.getFirst(key).strip());
            }
        }
        Optional<UUID> team = Optional.empty();
        String teamText = raw.getOrDefault("team", "");
        if (!teamText.isEmpty()) {
            try {
                team = Optional.of(UUID.fromString(teamText));
            } catch (IllegalArgumentException e) {
                errors.put("form", "unknownTeam");
            }
        }
        Integer gap = whole(raw, "checkInGapDays", GAP_MAX, errors);
        Integer data = whole(raw, "minDataDays", DATA_MAX, errors);
        Integer alert = whole(raw, "alertHours", ALERT_MAX, errors);
        Windows windows = errors.isEmpty() ? new Windows(gap, data, alert) : null;
        return new OutreachPolicyForm(raw, errors, team, windows);
    }

    /** The form filled in with a policy's windows. */
    public static OutreachPolicyForm of(Optional<UUID> team, Windows windows) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("team", team.map(UUID::toString).orElse(""));
        raw.put("checkInGapDays", Integer.toString(windows.checkInGapDays()));
        raw.put("minDataDays", Integer.toString(windows.minDataDays()));
        raw.put("alertHours", Integer.toString(windows.alertHours()));
        return new OutreachPolicyForm(raw, Map.of(), team, windows);
    }

    private static Integer whole(Map<String, String> raw, String field, int max, Map<String, String> errors) {
        String text = raw.getOrDefault(field, "");
        if (text.isEmpty()) {
            errors.put(field, "required");
            return null;
        }
        if (!text.matches("\\d{1,4}")) {
            errors.put(field, "notWhole");
            return null;
        }
        int value = Integer.parseInt(text);
        if (value < 1 || value > max) {
            errors.put(field, "range");
            return null;
        }
        return value;
    }
}
