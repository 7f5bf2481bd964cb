package app.wellkeep.account;

import java.net.URI;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/** The signed-in person's own settings. */
@Path("/profile")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class ProfilePages {

    /** Region-based zone ids only: "Europe/Paris", not "GMT+1" or "CET", so daylight saving is always right. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted().toList();

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance profile(String timeZone, List<String> zones, boolean saved, boolean invalid);
    }

    @Inject
    CurrentPerson current;

    @Inject
    PersonService persons;

    @GET
    public TemplateInstance profile(@QueryParam("saved") boolean saved) {
        return Templates.profile(current.person().timeZone, zones(current.person().timeZone), saved, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("timeZone") String timeZone) {
        Person person = current.person();
        if (timeZone == null || !ZONES.contains(timeZone) && !timeZone.equals("UTC")) {
            return Response.status(422).entity(Templates.profile(person.timeZone, zones(person.timeZone), false, true))
                    .build();
        }
        try {
            persons.changeTimeZone(person.id, ZoneId.of(timeZone));
        } catch (DateTimeException e) {
            return Response.status(422).entity(Templates.profile(person.timeZone, zones(person.timeZone), false, true))
                    .build();
        }
        return Response.seeOther(URI.create("/profile?saved=true")).build();
    }

    private static List<String> zones(String current) {
        return ZONES.contains(current)
                ? ZONES
                : java.util.stream.Stream.concat(java.util.stream.Stream.of(current), ZONES.stream()).toList();
    }
}
