package app.wellkeep.consent;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.consent.ConsentGrant.Window;
import app.wellkeep.web.FormInput;

/**
 * The sharing form, read strictly like every form of the app: unknown fields refuse the submission, and errors are
 * message keys by field. {@code code} names a new recipient, {@code grant} a grant being changed.
 */
public record GrantForm(Map<String, String> raw, List<String> categoriesRaw, Map<String, String> errors,
        ConsentTerms terms) implements FormInput {

    public static final int MAX_DAYS = 3650;
    static final Set<String> FIELDS = Set.of("code", "grant", "category", "window", "from", "days", "expires",
            "expiresOn");

    public static GrantForm parse(MultivaluedMap<String, String> form, String csrfField, LocalDate today) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (!FIELDS.contains(key) && !key.equals(csrfField)) {
                errors.put("form", "unexpectedField");
            } else if (!key.equals("category")) {
                if (form.get(key).size() > 1) {
                    errors.put("form", "unexpectedField");
                }
                raw.put(key, form.getFirst(key).strip());
            }
        }
        List<String> categoriesRaw = form.getOrDefault("category", List.of());
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String name : categoriesRaw) {
            try {
                categories.add(Category.valueOf(name));
            } catch (IllegalArgumentException e) {
                errors.putIfAbsent("category", "unknownChoice");
            }
        }
        if (categories.isEmpty()) {
            errors.putIfAbsent("category", "chooseCategory");
        }
        Window window = null;
        LocalDate from = null;
        Integer days = null;
        try {
            window = Window.valueOf(raw.getOrDefault("window", ""));
        } catch (IllegalArgumentException e) {
            errors.putIfAbsent("window", "chooseWindow");
        }
        if (window == Window.FROM) {
            from = date(raw.get("from"), "from", errors);
            if (from != null && from.isAfter(today)) {
                errors.putIfAbsent("from", "fromInFuture");
            }
        } else if (window == Window.LAST_DAYS) {
            try {
                days = Integer.valueOf(raw.getOrDefault("days", ""));
                if (days < 1 || days > MAX_DAYS) {
                    errors.putIfAbsent("days", "daysOutOfRange");
                }
            } catch (NumberFormatException e) {
                errors.putIfAbsent("days", "daysOutOfRange");
            }
        }
        LocalDate expiresOn = null;
        String expires = raw.getOrDefault("expires", "");
        if (expires.equals("ON")) {
            expiresOn = date(raw.get("expiresOn"), "expiresOn", errors);
            if (expiresOn != null && expiresOn.isBefore(today)) {
                errors.putIfAbsent("expiresOn", "expiryInPast");
            }
        } else if (!expires.equals("NEVER")) {
            errors.putIfAbsent("expires", "chooseExpiry");
        }
        ConsentTerms terms = errors.isEmpty() ? ConsentTerms.current(categories, window, from, days, expiresOn) : null;
        return new GrantForm(raw, categoriesRaw, errors, terms);
    }

    /** The form filled in from an existing grant, for changing it. */
    public static GrantForm of(ConsentGrant grant) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("grant", grant.id.toString());
        ConsentTerms terms = grant.terms;
        raw.put("window", terms.window().name());
        raw.put("from", terms.from() == null ? "" : terms.from().toString());
        raw.put("days", terms.days() == null ? "" : terms.days().toString());
        raw.put("expires", terms.expiresOn() == null ? "NEVER" : "ON");
        raw.put("expiresOn", terms.expiresOn() == null ? "" : terms.expiresOn().toString());
        return new GrantForm(raw, terms.categoryList().stream().map(Enum::name).toList(), Map.of(), null);
    }

    /** The same choices with their errors dropped, for going back from the summary to change them. */
    public GrantForm withoutErrors() {
        return new GrantForm(raw, categoriesRaw, Map.of(), null);
    }

    /** A new form for a recipient found by code: nothing ticked, all history, no end date. */
    public static GrantForm start(String code) {
        return new GrantForm(Map.of("code", code, "window", "ALL", "expires", "NEVER"), List.of(), Map.of(), null);
    }

    public boolean hasCategory(Category category) {
        return categoriesRaw.contains(category.name());
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        try {
            return LocalDate.parse(value == null ? "" : value);
        } catch (DateTimeParseException e) {
            errors.putIfAbsent(field, "invalidDate");
            return null;
        }
    }
}
