package app.wellkeep.admin;

import java.util.Arrays;
import java.util.List;

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

/** The administrator's overview: who uses the service. */
@Path("/admin")
@RolesAllowed(Role.ADMIN_NAME)
public class AdminPages {

    public record RoleCount(Role role, long count) {
    }

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance home(List<RoleCount> counts);
    }

    @Inject
    CurrentPerson current;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance home() {
        current.person();
        List<RoleCount> counts = Arrays.stream(Role.values())
                .map(role -> new RoleCount(role, Person.count("role", role)))
                .toList();
        return Templates.home(counts);
    }
}
