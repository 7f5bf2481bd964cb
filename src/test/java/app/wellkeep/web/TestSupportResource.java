package app.wellkeep.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Exists only in the test build: an endpoint that fails, and a form, to test error pages and CSRF. */
@Path("/test-support")
@PermitAll
public class TestSupportResource {

    @GET
    @Path("failure")
    @Produces(MediaType.TEXT_HTML)
    public String failure() {
        throw new IllegalStateException("secret internal detail");
    }

    @POST
    @Path("form")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String form(@FormParam("note") String note) {
        return "accepted " + note;
    }
}
