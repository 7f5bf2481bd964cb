package app.wellkeep.checkin;

import java.net.URI;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
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

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;

/** The patient's reminder settings. */
@Path("/check-in/reminders")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.TEXT_HTML)
public class ReminderPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance settings(boolean emailEnabled, String time, String zone, boolean hasEmail,
                boolean saved, boolean invalidTime);
    }

    @Inject
    CurrentPerson current;

    @Inject
    ReminderService reminders;

    @GET
    public TemplateInstance settings(@QueryParam("saved") boolean saved) {
        Person person = current.person();
        ReminderSetting setting = reminders.settings(person.id);
        return Templates.settings(setting.emailEnabled, setting.localTime.toString(), person.timeZone,
                person.email != null, saved, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@FormParam("emailEnabled") String emailEnabled, @FormParam("time") String time) {
        Person person = current.person();
        LocalTime parsed;
        try {
            parsed = LocalTime.parse(time == null ? "" : time.strip()).withSecond(0).withNano(0);
        } catch (DateTimeParseException e) {
            return Response.status(422).entity(Templates.settings("on".equals(emailEnabled), time == null ? "" : time,
                    person.timeZone, person.email != null, false, true)).build();
        }
        reminders.save(person.id, "on".equals(emailEnabled) && person.email != null, parsed);
        return Response.seeOther(URI.create("/check-in/reminders?saved=true")).build();
    }
}
