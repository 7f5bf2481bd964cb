package app.wellkeep.coach;

import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.web.FormInput;

/** A coach's free text (feedback or a note): required, at most {@code max} characters once trimmed. */
public record TextForm(Map<String, String> raw, Map<String, String> errors) implements FormInput {

    public static final String FIELD = "body";

    public static TextForm empty() {
        return new TextForm(Map.of(), Map.of());
    }

    public static TextForm parse(MultivaluedMap<String, String> fields, int max) {
        String value = fields.getFirst(FIELD);
        String text = value == null ? "" : value.strip();
        Map<String, String> raw = Map.of(FIELD, value == null ? "" : value);
        if (text.isEmpty()) {
            return new TextForm(raw, Map.of(FIELD, "required"));
        }
        if (text.length() > max) {
            return new TextForm(raw, Map.of(FIELD, "tooLong"));
        }
        return new TextForm(Map.of(FIELD, text), Map.of());
    }

    public String text() {
        return raw.get(FIELD);
    }
}
