package app.wellkeep.coach;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.coach.OutreachContact.Channel;
import app.wellkeep.coach.OutreachContact.Outcome;
import app.wellkeep.coach.OutreachService.Contact;
import app.wellkeep.web.FormInput;

/**
 * A contact for the outreach log, read strictly: when (the coach's local time, to the minute; now when left empty;
 * never in the future), how, with what outcome, and a note of at most {@value #NOTE_MAX} characters.
 */
public record OutreachContactForm(Map<String, String> raw, Map<String, String> errors, Contact contact)
        implements
            FormInput {

    public static final int NOTE_MAX = 1000;
    static final Set<String> FIELDS = Set.of("contactedAt", "channel", "outcome", "note");
    static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    public static OutreachContactForm parse(MultivaluedMap<String, String> form, String csrfField, ZoneId zone,
            Instant now) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (String key : form.keySet()) {
            if (!FIELDS.contains(key) && !key.equals(csrfField) || form.get(key).size() > 1) {
                errors.put("form", "unexpectedField");
            } else if (!key.equals(csrfField)) {
                raw.put(key, form.getFirst(key).strip());
            }
        }
        Instant at = now;
        String when = raw.getOrDefault("contactedAt", "");
        if (!when.isEmpty()) {
            try {
                at = LocalDateTime.parse(when, LOCAL).atZone(zone).toInstant();
                // The form has minutes only: the current minute is not in the future.
                if (at.isAfter(now.truncatedTo(ChronoUnit.MINUTES))) {
                    errors.put("contactedAt", "future");
                }
            } catch (DateTimeParseException e) {
                errors.put("contactedAt", "notDateTime");
            }
        }
        Channel channel = choice(raw, "channel", Channel.class, errors);
        Outcome outcome = choice(raw, "outcome", Outcome.class, errors);
        String note = raw.getOrDefault("note", "");
        if (note.codePointCount(0, note.length()) > NOTE_MAX) {
            errors.put("note", "tooLong");
        }
        Contact contact = errors.isEmpty() ? new Contact(at, channel, outcome, note.isEmpty() ? null : note) : null;
        return new OutreachContactForm(raw, errors, contact);
    }

    /** An empty form: now, in the coach's time. */
    public static OutreachContactForm empty(ZoneId zone, Instant now) {
        Map<String, String> raw = new LinkedHashMap<>();
        raw.put("contactedAt", LOCAL.format(LocalDateTime.ofInstant(now, zone)));
        return new OutreachContactForm(raw, Map.of(), null);
    }

    private static <E extends Enum<E>> E choice(Map<String, String> raw, String field, Class<E> type,
            Map<String, String> errors) {
        String text = raw.getOrDefault(field, "");
        if (text.isEmpty()) {
            errors.put(field, "required");
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            errors.put(field, "unknownChoice");
            return null;
        }
    }
}
