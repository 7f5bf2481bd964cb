package app.wellkeep.checkin;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import io.quarkus.security.Authenticated;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGate.Purpose;

/**
 * A patient's check-ins and questionnaire answers for whoever the patient shares them with, as the same FHIR
 * Bundles the owner gets. Open to any signed-in caller: the consent gate decides, and logs, every attempt; a
 * refusal looks exactly like an unknown patient (404). The dates are read inside the gate's transaction, in the
 * patient's time zone; a malformed query (400) rolls back the permission's log entry with the read it never made.
 */
@Path("/api/patients/{patientId}")
@Authenticated
@Produces("application/fhir+json")
public class SharedCheckInResource {

    @Inject
    CurrentPerson current;

    @Inject
    ConsentGate gate;

    @Inject
    CheckInService checkIns;

    @Inject
    CheckInFhir fhir;

    @GET
    @Path("check-ins")
    public Map<String, Object> checkIns(@PathParam("patientId") UUID patientId, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return gate.read(current.person(), patientId, Category.CHECK_INS, Purpose.API, access -> {
            LocalDate[] range = CheckInResource.range(access.today(), from, to);
            return fhir.checkInBundle(checkIns.sharedCheckIns(access, range[0], range[1]));
        });
    }

    @GET
    @Path("questionnaire-responses")
    public Map<String, Object> questionnaireResponses(@PathParam("patientId") UUID patientId,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return gate.read(current.person(), patientId, Category.CHECK_INS, Purpose.API, access -> {
            LocalDate[] range = CheckInResource.range(access.today(), from, to);
            return fhir.responseBundle(checkIns.sharedResponses(access, range[0], range[1]));
        });
    }
}
