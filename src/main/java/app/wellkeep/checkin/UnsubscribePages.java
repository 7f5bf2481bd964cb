package app.wellkeep.checkin;

import java.util.UUID;

import jakarta.annotation.security.PermitAll;
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

/** The unsubscribe link of the reminder e-mails: works without signing in, only for the person it was made for. */
@Path("/reminders/unsubscribe")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class UnsubscribePages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance unsubscribe(String personId, String token, boolean valid, boolean done);
    }

    @Inject
    ReminderService reminders;

    @Inject
    UnsubscribeToken tokens;

    @GET
    public TemplateInstance confirm(@QueryParam("p") String personId, @QueryParam("t") String token) {
        UUID id = uuid(personId);
        return Templates.unsubscribe(personId, token, id != null && tokens.verify(id, token), false);
    }

    /** A POST, so that mail scanners that open links do not unsubscribe anyone. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unsubscribe(@FormParam("p") String personId, @FormParam("t") String token) {
        UUID id = uuid(personId);
        boolean done = id != null && reminders.unsubscribe(id, token);
        return Response.status(done ? 200 : 400).entity(Templates.unsubscribe(personId, token, done, done)).build();
    }

    private static UUID uuid(String value) {
        try {
            return value == null ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
