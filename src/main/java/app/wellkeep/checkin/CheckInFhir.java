package app.wellkeep.checkin;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import app.wellkeep.common.Fhir;

/**
 * The one mapping of check-in data to FHIR R4 resources, for the API and the data export alike: check-ins and
 * instrument answers as QuestionnaireResponse, the reminder choice as a Basic resource (FHIR has no resource for
 * an app setting).
 */
@ApplicationScoped
public class CheckInFhir {

    static final String BASE = Fhir.BASE;
    static final String DAILY_CHECK_IN = BASE + "Questionnaire/daily-check-in";
    private static final DateTimeFormatter FHIR_TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    @Inject
    InstrumentCatalogue instruments;

    public Map<String, Object> checkIn(CheckIn c) {
        List<Map<String, Object>> items = new ArrayList<>();
        items.add(item("mood", Map.of("valueInteger", c.mood)));
        items.add(item("energy", Map.of("valueInteger", c.energy)));
        items.add(item("stress", Map.of("valueInteger", c.stress)));
        items.add(item("sleepQuality", Map.of("valueInteger", c.sleepQuality)));
        items.add(item("medication", coding(BASE + "CodeSystem/medication-taken", c.medication.name())));
        if (!c.symptomSet().isEmpty()) {
            items.add(Map.of("linkId", "symptoms",
                    "answer",
                    c.symptomSet().stream().map(s -> coding(BASE + "CodeSystem/symptom", s.name())).toList()));
        }
        if (c.symptomNote != null) {
            items.add(item("symptomNote", Map.of("valueString", c.symptomNote)));
        }
        if (c.note != null) {
            items.add(item("note", Map.of("valueString", c.note)));
        }
        return response(c.id, c.personId, DAILY_CHECK_IN, c.updatedAt.toString(), c.localDate, items, List.of());
    }

    public Map<String, Object> questionnaireResponse(QuestionnaireResponse r) {
        Instrument instrument = instruments.find(r.instrument).orElseThrow();
        ResourceBundle texts = InstrumentCatalogue.texts(CheckInPages.LOCALE);
        List<Map<String, Object>> items = new ArrayList<>();
        r.answerMap().forEach((linkId, value) -> {
            String code = instrument.item(linkId).flatMap(i -> i.option(value)).map(Instrument.AnswerOption::code)
                    .orElseThrow();
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("valueCoding",
                    Map.of("system", "http://loinc.org", "code", code, "display", texts.getString("answer." + code)));
            answer.put("extension", List.of(Map.of("url", Instrument.ORDINAL, "valueDecimal", value)));
            items.add(Map.of("linkId", linkId, "text", texts.getString(linkId), "answer", List.of(answer)));
        });
        List<Map<String, Object>> extensions = List.of(
                Map.of("url", BASE + "StructureDefinition/total-score", "valueInteger", r.totalScore),
                Map.of("url", BASE + "StructureDefinition/score-band", "valueCode", r.band),
                Map.of("url", BASE + "StructureDefinition/urgent", "valueBoolean", r.urgent));
        return response(r.id, r.personId, instrument.url(), r.authoredAt.toString(), r.localDate, items,
                extensions);
    }

    public Map<String, Object> reminder(ReminderSetting setting) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("resourceType", "Basic");
        resource.put("id", setting.personId.toString());
        List<Map<String, Object>> extensions = new ArrayList<>();
        extensions.add(Map.of("url", BASE + "StructureDefinition/reminder-email-enabled", "valueBoolean",
                setting.emailEnabled));
        extensions.add(Map.of("url", BASE + "StructureDefinition/reminder-local-time", "valueTime",
                FHIR_TIME.format(setting.localTime)));
        if (setting.lastSentOn != null) {
            extensions.add(Map.of("url", BASE + "StructureDefinition/reminder-last-sent-on", "valueDate",
                    setting.lastSentOn.toString()));
        }
        resource.put("extension", extensions);
        resource.put("code", Map.of("coding", List.of(Map.of("system", BASE + "CodeSystem/setting", "code",
                "check-in-reminder"))));
        resource.put("subject", patient(setting.personId));
        return resource;
    }

    /** Check-ins as a searchset Bundle. */
    public Map<String, Object> checkInBundle(List<CheckIn> checkIns) {
        return bundle(checkIns.stream().map(this::checkIn).toList());
    }

    /** Questionnaire answers as a searchset Bundle. */
    public Map<String, Object> responseBundle(List<QuestionnaireResponse> responses) {
        return bundle(responses.stream().map(this::questionnaireResponse).toList());
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

    private static Map<String, Object> item(String linkId, Map<String, Object> answer) {
        return Map.of("linkId", linkId, "answer", List.of(answer));
    }

    private static Map<String, Object> coding(String system, String code) {
        return Map.of("valueCoding", Map.of("system", system, "code", code));
    }

    private static Map<String, Object> patient(UUID personId) {
        return Map.of("reference", "Patient/" + personId);
    }

    private static Map<String, Object> response(UUID id, UUID personId, String questionnaire, String authored,
            LocalDate day, List<Map<String, Object>> items, List<Map<String, Object>> extensions) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("resourceType", "QuestionnaireResponse");
        resource.put("id", id.toString());
        List<Map<String, Object>> all = new ArrayList<>(extensions);
        all.add(Map.of("url", BASE + "StructureDefinition/local-date", "valueDate", day.toString()));
        resource.put("extension", all);
        resource.put("questionnaire", questionnaire);
        resource.put("status", "completed");
        resource.put("subject", patient(personId));
        resource.put("authored", authored);
        resource.put("item", items);
        return resource;
    }
}
