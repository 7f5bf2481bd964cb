package app.wellkeep.vitals;

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

/** Readings, for export (as FHIR Observations) and erasure; daily and weekly figures are derived and go with them. */
@ApplicationScoped
public class VitalsPersonalData implements PersonalData {

    static final List<String> HEADER = List.of("id", "metric", "loinc", "start", "end", "utc_offset_seconds", "value",
            "unit", "stage", "source", "manual", "reading_id");

    @Override
    public String section() {
        return "readings";
    }

    @Inject
    SampleService samples;

    @Override
    public void export(UUID personId, ExportSink sink) {
        try (var manual = Sample.<Sample>stream("personId = ?1 order by startAt", personId)) {
            manual.forEach(s -> write(personId, Reading.of(s), sink));
        }
        samples.forEachDeviceReading(personId, r -> write(personId, r, sink));
    }

    private static void write(UUID personId, Reading r, ExportSink sink) {
        sink.resource(observation(personId, r));
        sink.row("reading", HEADER, Arrays.asList(r.id(), r.metric(), r.metric().loinc(), r.start(), r.end(),
                r.utcOffset(), r.value(), r.metric().unit(), r.stage(), r.source(), r.manual(), r.readingId()));
    }

    /** A reading as a FHIR R4 vital-sign Observation, its times at the offset the source recorded. */
    static Map<String, Object> observation(UUID personId, Reading r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("resourceType", "Observation");
        o.put("id", r.id().toString());
        o.put("status", "final");
        o.put("code", Map.of("coding", List.of(Map.of("system", "http://loinc.org", "code", r.metric().loinc()))));
        o.put("subject", Map.of("reference", "Patient/" + personId));
        if (r.start().equals(r.end())) {
            o.put("effectiveDateTime", r.localStart().toString());
        } else {
            o.put("effectivePeriod", Map.of("start", r.localStart().toString(), "end",
                    r.end().atOffset(r.localStart().getOffset()).toString()));
        }
        o.put("valueQuantity", Map.of("value", r.value(), "unit", r.metric().unit(), "system",
                "http://unitsofmeasure.org", "code", r.metric().unit()));
        if (!r.stage().isEmpty()) {
            o.put("component", List.of(Map.of("code", Map.of("coding", List.of(Map.of("system", Fhir.BASE
                    + "CodeSystem/sleep-stage", "code", r.stage()))))));
        }
        o.put("device", Map.of("display", r.source()));
        return o;
    }

    @Override
    public long erase(UUID personId) {
        return samples.eraseAll(personId);
    }
}
