package app.wellkeep.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.coach.CareTeamService;
import app.wellkeep.web.FormInput;

/** A care team's name, read strictly: 1 to 120 characters once the spaces around it are gone. */
public record TeamNameForm(Map<String, String> raw, Map<String, String> errors, String name) implements FormInput {

    static final Set<String> FIELDS = Set.of("name");

    public static TeamNameForm parse(MultivaluedMap<String, String> form, String csrfField) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (!FIELDS.contains(key) && !key.equals(csrfField) || form.get(key).size() > 1) {
                errors.put("form", "unexpectedField");
            } else if (!key.equals(csrfField)) {
                raw.put(key, form.getFirst(key).strip());
            }
        }
        String name = raw.getOrDefault("name", "");
        if (name.isEmpty()) {
            errors.put("name", "required");
        } else if (name.codePointCount(0, name.length()) > CareTeamService.NAME_MAX) {
            errors.put("name", "tooLong");
        }
        return new TeamNameForm(raw, errors, errors.isEmpty() ? name : null);
    }

    public static TeamNameForm of(String name) {
        return new TeamNameForm(Map.of("name", name), Map.of(), name);
    }
}
