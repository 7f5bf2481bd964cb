package app.wellkeep.consent;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import app.wellkeep.account.CurrentPerson;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.common.Fhir;
import app.wellkeep.consent.ConsentGrant.Window;
import app.wellkeep.consent.ConsentReceipt.Action;

/** Consent receipts for download: a plain-language letter and the same facts as a FHIR R4 Consent resource. */
@Path("/sharing/receipts/{id}")
@RolesAllowed(Role.PATIENT_NAME)
public class ConsentReceiptResource {

    static final String BASE = Fhir.BASE;

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance receipt(ConsentReceipt receipt, String patient, String recordedAt,
                String windowFrom, String expiresOn, List<String> text);
    }

    @Inject
    CurrentPerson current;

    @Inject
    ConsentService consent;

    @GET
    @Path("text")
    @Produces("text/plain;charset=UTF-8")
    public Response text(@PathParam("id") UUID id) {
        Person patient = current.person();
        ConsentReceipt receipt = consent.receipt(patient, id);
        ConsentTerms terms = receipt.terms;
        String body = Templates.receipt(receipt, patient.displayName,
                SharingPages.dateTime(receipt.recordedAt, patient.zone()), SharingPages.date(terms.from()),
                SharingPages.date(terms.expiresOn()), ConsentTerms.text(terms.version(), SharingPages.LOCALE))
                .render();
        return download(body, "consent-receipt-" + id + ".txt");
    }

    @GET
    @Path("fhir")
    @Produces("application/fhir+json")
    public Response fhir(@PathParam("id") UUID id) {
        Person patient = current.person();
        return download(fhirConsent(consent.receipt(patient, id)), "consent-receipt-" + id + ".json");
    }

    /** The receipt as a FHIR R4 Consent: a permit for the chosen categories, or an inactive one once revoked. */
    static Map<String, Object> fhirConsent(ConsentReceipt receipt) {
        ConsentTerms terms = receipt.terms;
        Map<String, Object> consent = new LinkedHashMap<>();
        consent.put("resourceType", "Consent");
        consent.put("id", receipt.id.toString());
        consent.put("status",
                receipt.action == Action.REVOKED || receipt.action == Action.ENDED ? "inactive" : "active");
        consent.put("scope", concept("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy",
                "Privacy Consent"));
        consent.put("category", List.of(concept("http://loinc.org", "59284-0", "Patient Consent")));
        consent.put("patient", Map.of("reference", "Patient/" + receipt.patientId));
        consent.put("dateTime", DateTimeFormatter.ISO_INSTANT.format(receipt.recordedAt));
        consent.put("policy", List.of(Map.of("uri", BASE + "consent-terms/v" + terms.version())));
        consent.put("sourceReference", Map.of("reference", "Consent/" + receipt.grantId,
                "display", "Grant " + receipt.grantId + ", " + receipt.action.name().toLowerCase()));
        Map<String, Object> provision = new LinkedHashMap<>();
        provision.put("type", "permit");
        Map<String, Object> period = new LinkedHashMap<>();
        period.put("start", DateTimeFormatter.ISO_INSTANT.format(receipt.recordedAt));
        if (terms.expiresOn() != null) {
            period.put("end", terms.expiresOn().toString());
        }
        provision.put("period", period);
        provision.put("actor", List.of(Map.of(
                "role", concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP",
                        "information recipient"),
                "reference", Map.of("display", receipt.recipientName + " (" + receipt.recipientKind.toLowerCase()
                        + ")"))));
        provision.put("action", List.of(concept("http://terminology.hl7.org/CodeSystem/consentaction", "access",
                "Access")));
        List<Map<String, Object>> codes = new ArrayList<>();
        for (Category category : terms.categoryList()) {
            codes.add(concept(BASE + "CodeSystem/data-category", category.name(), null));
        }
        provision.put("code", codes);
        if (terms.window() == Window.FROM) {
            provision.put("dataPeriod", Map.of("start", terms.from().toString()));
        } else if (terms.window() == Window.LAST_DAYS) {
            // FHIR has no rolling data period; the number of days travels as an extension.
            provision.put("extension", List.of(Map.of("url", BASE + "StructureDefinition/data-period-last-days",
                    "valueInteger", terms.days())));
        }
        consent.put("provision", provision);
        return consent;
    }

    private static Map<String, Object> concept(String system, String code, String display) {
        Map<String, Object> coding = new LinkedHashMap<>();
        coding.put("system", system);
        coding.put("code", code);
        if (display != null) {
            coding.put("display", display);
        }
        return Map.of("coding", List.of(coding));
    }

    private static Response download(Object body, String fileName) {
        return Response.ok(body).header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .build();
    }
}
