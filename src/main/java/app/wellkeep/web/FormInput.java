package app.wellkeep.web;

import java.util.Map;

/**
 * A form as read strictly by its parser: the values as the person typed them, and errors as message keys by field
 * ("form" for the whole submission). What the templates ask of every form.
 */
public interface FormInput {

    Map<String, String> raw();

    Map<String, String> errors();

    default boolean valid() {
        return errors().isEmpty();
    }

    /** The value as typed, or empty. */
    default String value(String field) {
        return raw().getOrDefault(field, "");
    }

    /** Whether a radio button or select option with this value was the one chosen. */
    default boolean checked(String field, Object option) {
        return String.valueOf(option).equals(raw().get(field));
    }

    default boolean hasError(String field) {
        return errors().containsKey(field);
    }

    default String error(String field) {
        return errors().get(field);
    }
}
