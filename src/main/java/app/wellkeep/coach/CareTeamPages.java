package app.wellkeep.coach;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Role;

/** The coach's home in the care-team workspace. */
@Path("/care-team")
@RolesAllowed(Role.COACH_NAME)
public class CareTeamPages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance home(String name);
    }

    @Inject
    CurrentPerson current;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        return Templates.home(current.person().displayName);
    }
}
