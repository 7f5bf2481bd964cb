package app.wellkeep.vitals;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.vitals.ReadingService.ManualReading;
import app.wellkeep.vitals.ReadingService.Saved;

/** Readings the patient types in by hand: the list, a form per kind, correcting and deleting. */
@Path("/readings")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class ReadingPages {

    static final Locale LOCALE = Locale.ENGLISH;
    static final List<String> DONE = List.of("added", "added-alert", "corrected", "corrected-alert", "deleted");

    /** A reading as the list shows it: both blood-pressure values as "130/85", in the person's unit. */
    public record ReadingLine(UUID id, ReadingKind kind, String when, String value, String unit) {
    }

    /** A value field of the form, with the range it takes in the person's unit. */
    public record FieldView(String name, String label, String unit, String min, String max) {
    }

    public record FormView(ReadingKind kind, UUID readingId, List<FieldView> fields, String today, String zone) {

        public boolean editing() {
            return readingId != null;
        }
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance readings(List<ReadingLine> readings, List<ReadingKind> kinds, String done,
                boolean alerted);

        static native TemplateInstance choose(List<ReadingKind> kinds, boolean unknownKind);

        static native TemplateInstance form(FormView view, ReadingForm form);

        static native TemplateInstance delete(ReadingLine reading);
    }

    @Inject
    CurrentPerson current;

    @Inject
    ReadingService readings;

    @Inject
    MonitoringMessages messages;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        Person person = current.person();
        List<ReadingLine> lines = readings.readings(person).stream().map(r -> line(r, person)).toList();
        String known = done != null && DONE.contains(done) ? done : null;
        return Templates.readings(lines, kinds(), known, known != null && known.endsWith("-alert"));
    }

    @GET
    @Path("new")
    public Response newReading(@QueryParam("kind") String slug) {
        Person person = current.person();
        if (slug == null || slug.isBlank()) {
            return Response.ok(Templates.choose(kinds(), false)).build();
        }
        ReadingKind kind = ReadingKind.bySlug(slug).orElseThrow(NotFoundException::new);
        return Response.ok(form(person, kind, null, ReadingForm.start(kind, person.zone(), clock.instant())))
                .build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response add(MultivaluedMap<String, String> fields) {
        Person person = current.person();
        Optional<ReadingKind> kind = ReadingKind.bySlug(fields.getFirst("kind") == null ? "" : fields.getFirst("kind"));
        if (kind.isEmpty()) {
            return Response.status(422).entity(Templates.choose(kinds(), true)).build();
        }
        ReadingForm form = ReadingForm.parse(fields, csrfField, kind.get(), person, clock.instant());
        if (!form.valid()) {
            return Response.status(422).entity(form(person, kind.get(), null, form)).build();
        }
        Optional<Saved> saved = readings.add(person, form.readings());
        if (saved.isEmpty()) {
            return Response.status(422).entity(form(person, kind.get(), null, form.clashing())).build();
        }
        return done(saved.get().alerts() > 0 ? "added-alert" : "added");
    }

    @GET
    @Path("{id}/edit")
    public TemplateInstance edit(@PathParam("id") UUID id) {
        Person person = current.person();
        ManualReading reading = readings.reading(person, id);
        return form(person, reading.kind(), id, ReadingForm.of(reading.kind(), reading.samples(), person));
    }

    @POST
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("id") UUID id, MultivaluedMap<String, String> fields) {
        Person person = current.person();
        ReadingKind kind = readings.reading(person, id).kind();
        ReadingForm form = ReadingForm.parse(fields, csrfField, kind, person, clock.instant());
        if (!form.valid()) {
            return Response.status(422).entity(form(person, kind, id, form)).build();
        }
        Optional<Saved> saved = readings.correct(person, id, form.readings());
        if (saved.isEmpty()) {
            return Response.status(422).entity(form(person, kind, id, form.clashing())).build();
        }
        return done(saved.get().alerts() > 0 ? "corrected-alert" : "corrected");
    }

    /** Deleting asks first, on a page of its own that shows what would go. */
    @GET
    @Path("{id}/delete")
    public TemplateInstance confirmDelete(@PathParam("id") UUID id) {
        Person person = current.person();
        return Templates.delete(line(readings.reading(person, id), person));
    }

    @POST
    @Path("{id}/delete")
    public Response delete(@PathParam("id") UUID id) {
        readings.delete(current.person(), id);
        return done("deleted");
    }

    private static Response done(String what) {
        return Response.seeOther(URI.create("/readings?done=" + what)).build();
    }

    private static List<ReadingKind> kinds() {
        return Arrays.asList(ReadingKind.values());
    }

    private TemplateInstance form(Person person, ReadingKind kind, UUID readingId, ReadingForm form) {
        List<FieldView> fields = kind.fields().stream().map(f -> {
            Metric m = f.metric();
            return new FieldView(f.name(), messages.fieldLabel(kind.name(), f.name()),
                    messages.unit(Shown.unitCode(person, m)), Shown.lowest(person, m, m.min(), false),
                    Shown.highest(person, m, m.max(), false));
        }).toList();
        String today = clock.instant().atZone(person.zone()).toLocalDate().toString();
        return Templates.form(new FormView(kind, readingId, fields, today, person.timeZone), form);
    }

    ReadingLine line(ManualReading reading, Person person) {
        Sample first = reading.first();
        String value = reading.samples().stream().map(s -> Shown.of(person, s.metric, s.value).number())
                .collect(Collectors.joining("/"));
        return new ReadingLine(reading.readingId(), reading.kind(), dateTime(first.startAt, person.zone()), value,
                messages.unit(Shown.unitCode(person, first.metric)));
    }

    static String dateTime(Instant instant, ZoneId zone) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(LOCALE)
                .format(instant.atZone(zone));
    }
}
