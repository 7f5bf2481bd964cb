package app.wellkeep.account;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.wellkeep.common.Fhir;
import app.wellkeep.privacy.ExportSink;
import app.wellkeep.privacy.PersonalData;

/** The person record itself: exported as a FHIR Patient, erased last, after everything that points to it. */
@ApplicationScoped
public class AccountPersonalData implements PersonalData {

    static final List<String> HEADER = List.of("id", "subject", "display_name", "email", "role", "time_zone",
            "created_at", "last_seen_at", "sharing_seen_at");

    @Override
    public String section() {
        return "account";
    }

    @Override
    public int erasureOrder() {
        return Integer.MAX_VALUE;
    }

    @Override
    public void export(UUID personId, ExportSink sink) {
        Person person = Person.findById(personId);
        if (person == null) {
            return;
        }
        sink.resource(patient(person));
        sink.row("person", HEADER, Arrays.asList(person.id, person.subject, person.displayName, person.email,
                person.role, person.timeZone, person.createdAt, person.lastSeenAt,
                person.sharingSeenAt));
    }

    @Override
    public long erase(UUID personId) {
        return Person.delete("id", personId);
    }

    static Map<String, Object> patient(Person person) {
        Map<String, Object> patient = new LinkedHashMap<>();
        patient.put("resourceType", "Patient");
        patient.put("id", person.id.toString());
        patient.put("extension", List.of(Map.of("url", Fhir.BASE + "StructureDefinition/time-zone", "valueCode",
                person.timeZone)));
        // The sign-in account's id at the identity provider: it is personal data too.
        patient.put("identifier", List.of(Map.of("system", Fhir.BASE + "NamingSystem/sign-in-subject", "value",
                person.subject)));
        patient.put("name", List.of(Map.of("text", person.displayName)));
        if (person.email != null) {
            patient.put("telecom", List.of(Map.of("system", "email", "value", person.email)));
        }
        return patient;
    }
}
