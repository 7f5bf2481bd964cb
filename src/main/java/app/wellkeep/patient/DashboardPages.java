package app.wellkeep.patient;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckInService;

/** The patient's home: today at a glance. */
@Path("/dashboard")
@RolesAllowed(Role.PATIENT_NAME)
public class DashboardPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance dashboard(String name, boolean checkInDue);
    }

    @Inject
    CurrentPerson current;

    @Inject
    CheckInService checkIns;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance dashboard() {
        Person person = current.person();
        return Templates.dashboard(person.displayName, checkIns.dueToday(person));
    }
}
