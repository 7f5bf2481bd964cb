package app.wellkeep.checkin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Check-ins and questionnaire answers as FHIR R4 QuestionnaireResponse resources in a searchset Bundle: one mapping
 * for the owner's API, the shared API and exports.
 */
@ApplicationScoped
public class CheckInFhir {

    static final String BASE = "https://wellkeep.app/fhir/";
    static final String DAILY_CHECK_IN = BASE + "Questionnaire/daily-check-in";

    @Inject
    CheckInService checkIns;

    public Map<String, Object> checkInBundle(List<CheckIn> list) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (CheckIn c : list) {
            List<Map<String, Object>> items = new ArrayList<>();
            items.add(item("mood", Map.of("valueInteger", c.mood)));
            items.add(item("energy", Map.of("valueInteger", c.energy)));
            items.add(item("stress", Map.of("valueInteger", c.stress)));
            items.add(item("sleepQuality", Map.of("valueInteger", c.sleepQuality)));
            items.add(item("medication", coding(BASE + "CodeSystem/medication-taken", c.medication.name())));
            if (!c.symptomSet().isEmpty()) {
                items.add(Map.of("linkId", "symptoms", "answer", c.symptomSet().stream()
                        .map(s -> coding(BASE + "CodeSystem/symptom", s.name())).toList()));
            }
            if (c.symptomNote != null) {
                items.add(item("symptomNote", Map.of("valueString", c.symptomNote)));
            }
            if (c.note != null) {
                items.add(item("note", Map.of("valueString", c.note)));
            }
            resources.add(response(c.id.toString(), DAILY_CHECK_IN, c.updatedAt.toString(), c.localDate, items,
                    List.of()));
        }
        return bundle(resources);
    }

    public Map<String, Object> responseBundle(List<QuestionnaireResponse> list) {
        ResourceBundle texts = InstrumentCatalogue.texts(CheckInPages.LOCALE);
        List<Map<String, Object>> resources = new ArrayList<>();
        for (QuestionnaireResponse r : list) {
            Instrument instrument = checkIns.instrument(r.instrument).orElseThrow();
            List<Map<String, Object>> items = new ArrayList<>();
            r.answerMap().forEach((linkId, value) -> {
                String code = instrument.item(linkId).flatMap(i -> i.option(value)).map(Instrument.AnswerOption::code)
                        .orElseThrow();
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("valueCoding", Map.of("system", "http://loinc.org", "code", code, "display",
                        texts.getString("answer." + code)));
                answer.put("extension", List.of(Map.of("url", Instrument.ORDINAL, "valueDecimal", value)));
                items.add(Map.of("linkId", linkId, "text", texts.getString(linkId), "answer", List.of(answer)));
            });
            List<Map<String, Object>> extensions = List.of(
                    Map.of("url", BASE + "StructureDefinition/total-score", "valueInteger", r.totalScore),
                    Map.of("url", BASE + "StructureDefinition/score-band", "valueCode", r.band),
                    Map.of("url", BASE + "StructureDefinition/urgent", "valueBoolean", r.urgent));
            resources.add(response(r.id.toString(), instrument.url(), r.authoredAt.toString(), r.localDate, items,
                    extensions));
        }
        return bundle(resources);
    }

    private static Map<String, Object> item(String linkId, Map<String, Object> answer) {
        return Map.of("linkId", linkId, "answer", List.of(answer));
    }

    private static Map<String, Object> coding(String system, String code) {
        return Map.of("valueCoding", Map.of("system", system, "code", code));
    }

    private static Map<String, Object> response(String id, String questionnaire, String authored, LocalDate day,
            List<Map<String, Object>> items, List<Map<String, Object>> extensions) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("resourceType", "QuestionnaireResponse");
        resource.put("id", id);
        List<Map<String, Object>> all = new ArrayList<>(extensions);
        all.add(Map.of("url", BASE + "StructureDefinition/local-date", "valueDate", day.toString()));
        resource.put("extension", all);
        resource.put("questionnaire", questionnaire);
        resource.put("status", "completed");
        resource.put("authored", authored);
        resource.put("item", items);
        return resource;
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
