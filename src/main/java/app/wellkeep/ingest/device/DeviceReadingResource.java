package app.wellkeep.ingest.device;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Role;
import app.wellkeep.ingest.device.DevicePushService.Pushed;
import app.wellkeep.ingest.device.DevicePushService.Result;

/**
 * The device push API: a batch of readings from one device, each with the device's own id for it. The answer lists
 * every reading's outcome in the order sent; the batch as a whole is refused only when it is not a batch (400) or
 * too large (413).
 */
@Path("/api/devices/readings")
@RolesAllowed(Role.PATIENT_NAME)
@Produces(MediaType.APPLICATION_JSON)
public class DeviceReadingResource {

    /** A batch: the device that measured the readings, and the readings. */
    public record Batch(String device, List<Pushed> readings) {
    }

    /** The outcome: how many of each, and each reading's own. */
    public record Outcome(long added, long duplicates, long rejected, List<Result> results) {
    }

    @Inject
    CurrentPerson current;

    @Inject
    DevicePushService push;

    /** JSON only; declared as any type so that the role check answers first (401, 403) and then the body (415). */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Response push(Batch batch) {
        if (batch == null || batch.readings() == null) {
            return Response.status(400).type("application/problem+json")
                    .entity(java.util.Map.of("status", 400, "message", "A batch has a device and readings")).build();
        }
        if (batch.readings().size() > DevicePushService.MAX_READINGS) {
            return Response.status(413).type("application/problem+json").entity(java.util.Map.of("status", 413,
                    "message", "At most " + DevicePushService.MAX_READINGS + " readings in one batch")).build();
        }
        List<Result> results = push.push(current.person(), batch.device(), batch.readings());
        return Response.ok(new Outcome(count(results, "added"), count(results, "duplicate"),
                count(results, "rejected"), results)).build();
    }

    private static long count(List<Result> results, String status) {
        return results.stream().filter(r -> r.status().equals(status)).count();
    }
}
