package app.wellkeep.vitals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

import jakarta.ws.rs.core.MultivaluedMap;

import app.wellkeep.account.Person;
import app.wellkeep.vitals.ReadingKind.Field;
import app.wellkeep.vitals.SampleService.NewReading;
import app.wellkeep.web.FormInput;

/**
 * A reading typed in by hand, read strictly: values in the person's units, a date and time in their zone, and a
 * field the form never had refuses the whole submission. Errors are message keys by field.
 */
public record ReadingForm(ReadingKind kind, Map<String, String> raw, Map<String, String> errors,
        List<NewReading> readings) implements FormInput {

    /** Phones and servers disagree by a little; a reading "from the future" within this is taken as now. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    public static ReadingForm parse(MultivaluedMap<String, String> form, String csrfField, ReadingKind kind,
            Person person, Instant now) {
        Map<String, String> raw = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        Set<String> allowed = new HashSet<>(Set.of("kind", "date", "time"));
        kind.fields().forEach(f -> allowed.add(f.name()));
        for (String key : form.keySet()) {
            if (!allowed.contains(key) && !key.equals(csrfField)) {
                errors.put("form", "unexpectedField");
            } else {
                if (form.get(key).size() > 1) {
                    errors.put("form", "unexpectedField");
                }
                raw.put(key, form.getFirst(key).strip());
            }
        }
        if (raw.containsKey("kind") && !raw.get("kind").equals(kind.slug())) {
            errors.put("form", "unexpectedField");
        }
        Map<Metric, Double> values = new LinkedHashMap<>();
        for (Field field : kind.fields()) {
            String typed = raw.getOrDefault(field.name(), "");
            if (typed.isEmpty()) {
                errors.putIfAbsent(field.name(), "required");
                continue;
            }
            OptionalDouble number = Shown.parse(typed);
            if (number.isEmpty()) {
                errors.putIfAbsent(field.name(), "notANumber");
                continue;
            }
            // The plausible range is the stored unit's, so it is checked after converting what was typed.
            double stored = Shown.toStored(person, field.metric(), number.getAsDouble(), false);
            if (!field.metric().plausible(stored)) {
                errors.putIfAbsent(field.name(), "outOfRange");
                continue;
            }
            values.put(field.metric(), stored);
        }
        Double systolic = values.get(Metric.SYSTOLIC);
        Double diastolic = values.get(Metric.DIASTOLIC);
        if (systolic != null && diastolic != null && systolic <= diastolic) {
            errors.putIfAbsent("diastolic", "diastolicNotBelow");
        }
        Instant at = when(raw, errors, person.zone(), now);
        List<NewReading> readings = new ArrayList<>();
        if (errors.isEmpty()) {
            int offset = person.zone().getRules().getOffset(at).getTotalSeconds();
            values.forEach((metric, value) -> readings.add(
                    NewReading.at(metric, at, offset, value, SampleService.MANUAL_SOURCE, true, null)));
        }
        return new ReadingForm(kind, raw, errors, readings);
    }

    private static Instant when(Map<String, String> raw, Map<String, String> errors, ZoneId zone, Instant now) {
        LocalDate date = null;
        LocalTime time = null;
        try {
            date = LocalDate.parse(raw.getOrDefault("date", ""));
        } catch (DateTimeParseException e) {
            errors.putIfAbsent("date", raw.getOrDefault("date", "").isEmpty() ? "required" : "invalidDate");
        }
        try {
            time = LocalTime.parse(raw.getOrDefault("time", "")).truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeParseException e) {
            errors.putIfAbsent("time", raw.getOrDefault("time", "").isEmpty() ? "required" : "invalidTime");
        }
        if (date == null || time == null) {
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            errors.putIfAbsent("date", "tooEarly");
            return null;
        }
        // A time skipped by a change to summer time is taken as the moment after the gap, as clocks show it.
        Instant at = ZonedDateTime.of(date, time, zone).toInstant();
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            errors.putIfAbsent("date", "inFuture");
        }
        return at;
    }

    /** An empty form for a new reading, dated now in the person's zone. */
    public static ReadingForm start(ReadingKind kind, ZoneId zone, Instant now) {
        ZonedDateTime local = now.atZone(zone);
        return new ReadingForm(kind, Map.of("date", local.toLocalDate().toString(), "time",
                local.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString()), Map.of(), List.of());
    }

    /** The form filled in from a stored reading, for correcting it. */
    public static ReadingForm of(ReadingKind kind, List<Sample> samples, Person person) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (Field field : kind.fields()) {
            samples.stream().filter(s -> s.metric == field.metric()).findFirst().ifPresent(
                    s -> raw.put(field.name(), Shown.input(person, field.metric(), s.value, false)));
        }
        ZonedDateTime local = samples.get(0).startAt.atZone(person.zone());
        raw.put("date", local.toLocalDate().toString());
        raw.put("time", local.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
        return new ReadingForm(kind, raw, Map.of(), List.of());
    }

    /** The error of a duplicate: another reading of the same kind at the same minute. */
    public ReadingForm clashing() {
        Map<String, String> errors = new LinkedHashMap<>(errors());
        errors.put("time", "duplicate");
        return new ReadingForm(kind, raw, errors, List.of());
    }
}
