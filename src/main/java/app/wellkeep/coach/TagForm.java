package app.wellkeep.coach;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.web.FormInput;

/**
 * A tag added to or removed from a roster line, read strictly: letters (any script), digits, spaces and hyphens,
 * 1 to 40 characters once runs of spaces are collapsed. Errors are message keys by field.
 */
public record TagForm(Map<String, String> raw, Map<String, String> errors, boolean add, String tag)
        implements
            FormInput {

    public static final int MAX_LENGTH = 40;
    static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N} -]+");
    static final Set<String> FIELDS = Set.of("action", "tag");

    public static TagForm parse(MultivaluedMap<String, String> form, String csrfField) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (!FIELDS.contains(key) && !key.equals(csrfField) || form.get(key).size() > 1) {
                errors.put("form", "unexpectedField");
            } else if (!key.equals(csrfField)) {
                raw.put(key, form.getFirst(key));
            }
        }
        String action = raw.getOrDefault("action", "");
        if (!action.equals("add") && !action.equals("remove")) {
            errors.put("form", "unexpectedField");
        }
        String tag = raw.getOrDefault("tag", "").strip().replaceAll(" {2,}", " ");
        raw.put("tag", tag);
        if (tag.isEmpty()) {
            errors.put("tag", "tagRequired");
        } else if (tag.length() > MAX_LENGTH) {
            errors.put("tag", "tagTooLong");
        } else if (!ALLOWED.matcher(tag).matches()) {
            errors.put("tag", "tagCharacters");
        }
        return new TagForm(raw, errors, action.equals("add"), errors.isEmpty() ? tag : null);
    }
}
