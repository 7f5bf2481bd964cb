package app.wellkeep.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;

/**
 * The owner's check-ins and questionnaire answers as FHIR R4 QuestionnaireResponse resources in a searchset
 * Bundle. Only the patient themself reads these here.
 */
@Path("/api")
@RolesAllowed(Role.PATIENT_NAME)
@Produces("application/fhir+json")
public class CheckInResource {

    static final int MAX_DAYS = 366;

    @Inject
    CurrentPerson current;

    @Inject
    CheckInService checkIns;

    @Inject
    CheckInFhir fhir;

    @GET
    @Path("check-ins")
    public Map<String, Object> checkIns(@QueryParam("from") String from, @QueryParam("to") String to) {
        Person person = current.person();
        LocalDate[] range = range(person, from, to);
        return bundle(CheckIn.between(person.id, range[0], range[1]).stream().map(fhir::checkIn).toList());
    }

    @GET
    @Path("questionnaire-responses")
    public Map<String, Object> questionnaireResponses(@QueryParam("from") String from, @QueryParam("to") String to) {
        Person person = current.person();
        LocalDate[] range = range(person, from, to);
        return bundle(QuestionnaireResponse.between(person.id, range[0], range[1]).stream()
                .map(fhir::questionnaireResponse).toList());
    }

    private LocalDate[] range(Person person, String from, String to) {
        LocalDate today = checkIns.today(person);
        try {
            LocalDate end = to == null ? today : LocalDate.parse(to);
            LocalDate start = from == null ? end.minusDays(CheckInService.HISTORY_DAYS - 1L) : LocalDate.parse(from);
            if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
                throw new BadRequestException("from must not be after to, and the range at most " + MAX_DAYS + " days");
            }
            return new LocalDate[]{start, end};
        } catch (DateTimeParseException e) {
            throw new BadRequestException("from and to are dates like 2024-03-31");
        }
    }

    private static Map<String, Object> bundle(List<Map<String, Object>> resources) {
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "searchset");
        bundle.put("total", resources.size());
        bundle.put("entry", resources.stream().map(r -> Map.of("fullUrl", "urn:uuid:" + r.get("id"), "resource", r))
                .toList());
        return bundle;
    }
}
