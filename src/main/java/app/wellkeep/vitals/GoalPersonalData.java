package app.wellkeep.vitals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.wellkeep.privacy.ExportSink;
import app.wellkeep.privacy.PersonalData;

/** The goals a patient set, for export (as a FHIR Goal) and erasure. */
@ApplicationScoped
public class GoalPersonalData implements PersonalData {

    static final List<String> HEADER = List.of("daily_steps", "sleep_minutes", "target_weight_kg", "updated_at");

    @Override
    public String section() {
        return "goals";
    }

    @Override
    public void export(UUID personId, ExportSink sink) {
        Goal.<Goal>findByIdOptional(personId).ifPresent(g -> {
            sink.resource(fhir(g));
            sink.row("goal", HEADER, Arrays.asList(g.dailySteps, g.sleepMinutes, g.targetWeightKg, g.updatedAt));
        });
    }

    static Map<String, Object> fhir(Goal g) {
        List<Map<String, Object>> targets = new ArrayList<>();
        targets.add(target(Metric.STEPS, g.dailySteps));
        targets.add(target(Metric.SLEEP, g.sleepMinutes));
        if (g.targetWeightKg != null) {
            targets.add(target(Metric.WEIGHT, g.targetWeightKg));
        }
        Map<String, Object> goal = new LinkedHashMap<>();
        goal.put("resourceType", "Goal");
        goal.put("id", "goals-" + g.personId);
        goal.put("lifecycleStatus", "active");
        goal.put("description", Map.of("text", "Wellkeep goals"));
        goal.put("subject", Map.of("reference", "Patient/" + g.personId));
        goal.put("target", targets);
        goal.put("statusDate", g.updatedAt.toString().substring(0, 10));
        return goal;
    }

    private static Map<String, Object> target(Metric metric, double value) {
        return Map.of("measure", Map.of("coding", List.of(Map.of("system", "http://loinc.org", "code",
                metric.loinc()))), "detailQuantity", Map.of("value", value, "unit", metric.unit(), "system",
                        "http://unitsofmeasure.org", "code", metric.unit()));
    }

    @Override
    public long erase(UUID personId) {
        return Goal.delete("personId", personId);
    }
}
