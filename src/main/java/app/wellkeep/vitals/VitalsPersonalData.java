package app.wellkeep.vitals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.wellkeep.common.Fhir;
import app.wellkeep.privacy.ExportSink;
import app.wellkeep.privacy.PersonalData;

/** Readings, for export (as FHIR Observations) and erasure; daily figures are derived and simply go with them. */
@ApplicationScoped
public class VitalsPersonalData implements PersonalData {

    static final List<String> HEADER = List.of("id", "metric", "loinc", "start", "end", "utc_offset_seconds", "value",
            "unit", "stage", "source", "manual", "reading_id");

    @Override
    public String section() {
        return "readings";
    }

    @Override
    public void export(UUID personId, ExportSink sink) {
        try (var all = Sample.<Sample>stream("personId = ?1 order by startAt", personId)) {
            all.forEach(s -> {
                sink.resource(observation(s));
                sink.row("reading", HEADER, Arrays.asList(s.id, s.metric, s.metric.loinc(), s.startAt, s.endAt,
                        s.utcOffset, s.value, s.metric.unit(), s.stage, s.source, s.manual, s.readingId));
            });
        }
    }

    /** A reading as a FHIR R4 vital-sign Observation, its times at the offset the source recorded. */
    static Map<String, Object> observation(Sample s) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("resourceType", "Observation");
        o.put("id", s.id.toString());
        o.put("status", "final");
        o.put("code", Map.of("coding", List.of(Map.of("system", "http://loinc.org", "code", s.metric.loinc()))));
        o.put("subject", Map.of("reference", "Patient/" + s.personId));
        if (s.startAt.equals(s.endAt)) {
            o.put("effectiveDateTime", s.localStart().toString());
        } else {
            o.put("effectivePeriod", Map.of("start", s.localStart().toString(), "end",
                    s.endAt.atOffset(s.localStart().getOffset()).toString()));
        }
        o.put("valueQuantity", Map.of("value", s.value, "unit", s.metric.unit(), "system", "http://unitsofmeasure.org",
                "code", s.metric.unit()));
        if (!s.stage.isEmpty()) {
            o.put("component", List.of(Map.of("code", Map.of("coding", List.of(Map.of("system", Fhir.BASE
                    + "CodeSystem/sleep-stage", "code", s.stage))))));
        }
        o.put("device", Map.of("display", s.source));
        return o;
    }

    @Override
    public long erase(UUID personId) {
        return DailyRollup.delete("personId", personId) + Sample.delete("personId", personId);
    }
}
