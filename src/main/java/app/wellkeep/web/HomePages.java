package app.wellkeep.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import app.wellkeep.account.CurrentPerson;

/** The public welcome page and the after-sign-in switch to each role's home. */
@Path("/")
public class HomePages {

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance welcome();
    }

    @Inject
    CurrentPerson current;

    @GET
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    public Response welcome() {
        if (current.isAuthenticated()) {
            return Response.seeOther(URI.create(current.getRole().homePath())).build();
        }
        return Response.ok(Templates.welcome()).build();
    }

    /** Where "Sign in" points: signing in happens on the way here, then each role goes to its own home. */
    @GET
    @Path("home")
    @Authenticated
    public Response home() {
        return Response.seeOther(URI.create(current.person().role.homePath())).build();
    }
}
