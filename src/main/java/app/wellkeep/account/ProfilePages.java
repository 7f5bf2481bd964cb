package app.wellkeep.account;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import app.wellkeep.vitals.DisplayUnit;
import app.wellkeep.vitals.Metric;

/** The signed-in person's own settings: time zone, name, and the units they read their numbers in. */
@Path("/profile")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    /** Region-based zone ids only: "Europe/Paris", not "GMT+1" or "CET", so daylight saving is always right. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    /** The choices of each unit, as UCUM codes; the bundle names them. */
    public record UnitChoices(List<String> weight, List<String> glucose, List<String> temperature) {

        public List<String> fields() {
            return List.of("weightUnit", "glucoseUnit", "temperatureUnit");
        }

        /** The choices of one form field. */
        public List<String> of(String field) {
            return switch (field) {
                case "weightUnit" -> weight;
                case "glucoseUnit" -> glucose;
                default -> temperature;
            };
        }
    }

    static final UnitChoices UNITS = new UnitChoices(ucums(Metric.WEIGHT), ucums(Metric.GLUCOSE),
            ucums(Metric.BODY_TEMPERATURE));

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance profile(ProfileForm form, List<String> zones, UnitChoices units,
                String signInName, int nameMax, boolean saved);
    }

    @Inject
    CurrentPerson current;

    @Inject
    PersonService persons;

    @ConfigProperty(name = "quarkus.rest-csrf.form-field-name", defaultValue = "csrf-token")
    String csrfField;

    @GET
    public TemplateInstance profile(@QueryParam("saved") boolean saved) {
        Person person = current.person();
        return page(ProfileForm.of(person), person, saved);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(MultivaluedMap<String, String> fields) {
        Person person = current.person();
        ProfileForm form = ProfileForm.parse(fields, csrfField, ZONES);
        if (!form.valid()) {
            return Response.status(422).entity(page(form, person, false)).build();
        }
        persons.saveProfile(person.id, form.change(), current.getDisplayName());
        return Response.seeOther(URI.create("/profile?saved=true")).build();
    }

    private TemplateInstance page(ProfileForm form, Person person, boolean saved) {
        return Templates.profile(form, zones(person.timeZone), UNITS, current.getDisplayName(), ProfileForm.NAME_MAX,
                saved);
    }

    private static List<String> zones(String current) {
        return ZONES.contains(current) ? ZONES : Stream.concat(Stream.of(current), ZONES.stream()).toList();
    }

    private static List<String> ucums(Metric metric) {
        return DisplayUnit.choicesFor(metric).stream().map(DisplayUnit::ucum).toList();
    }
}
