package app.wellkeep.account;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;

/** Who the bearer of this token is, as this app knows them. */
@Path("/api/me")
@Authenticated
public class MeResource {

    public record Me(UUID id, String displayName, String email, Role role) {
    }

    @Inject
    CurrentPerson current;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Me me() {
        Person person = current.person();
        return new Me(person.id, person.displayName, person.email, person.role);
    }
}
