package app.wellkeep.audit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.wellkeep.common.Fhir;
import app.wellkeep.privacy.ExportSink;
import app.wellkeep.privacy.PersonalData;

/**
 * The access log about a person: exported as FHIR AuditEvents, and on erasure kept but pseudonymised, so the record
 * of who read what survives without pointing at anyone.
 */
@ApplicationScoped
public class AuditPersonalData implements PersonalData {

    static final List<String> HEADER = List.of("id", "occurred_at", "reader_id", "reader_role", "category", "grant_id",
            "purpose", "outcome", "reason");

    @Inject
    AuditLog audit;

    @Override
    public String section() {
        return "access-log";
    }

    @Override
    public void export(UUID personId, ExportSink sink) {
        for (AuditEvent e : AuditEvent.<AuditEvent>list("patientId = ?1 order by occurredAt, recordedNo", personId)) {
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("resourceType", "AuditEvent");
            event.put("id", e.id.toString());
            event.put("type", Map.of("system", "http://terminology.hl7.org/CodeSystem/audit-event-type", "code",
                    "rest", "display", "RESTful Operation"));
            event.put("action", "R");
            event.put("recorded", e.occurredAt.toString());
            event.put("outcome", e.outcome.equals("PERMIT") ? "0" : "4");
            event.put("purposeOfEvent", List.of(Map.of("coding", List.of(Map.of("system", Fhir.BASE
                    + "CodeSystem/access-purpose", "code", e.purpose)))));
            event.put("agent", List.of(Map.of("who", Map.of("identifier", Map.of("value", String.valueOf(e.actorId))),
                    "requestor", true)));
            event.put("source", Map.of("observer", Map.of("display", "Wellkeep consent gate")));
            event.put("entity", List.of(Map.of("what", Map.of("reference", "Patient/" + personId), "description",
                    e.category == null ? "identity" : e.category)));
            sink.resource(event);
            sink.row("access_log", HEADER, Arrays.asList(e.id, e.occurredAt, e.actorId, e.actorRole, e.category,
                    e.grantId, e.purpose, e.outcome, e.reason));
        }
    }

    @Override
    public long erase(UUID personId) {
        return audit.pseudonymise(personId);
    }
}
