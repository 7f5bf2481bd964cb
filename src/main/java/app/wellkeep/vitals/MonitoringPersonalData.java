package app.wellkeep.vitals;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.wellkeep.privacy.ExportSink;
import app.wellkeep.privacy.PersonalData;

/** A person's own limits and their alerts, for export and erasure. */
@ApplicationScoped
public class MonitoringPersonalData implements PersonalData {

    static final List<String> LIMIT_HEADER = List.of("limit", "value", "unit", "set_by", "set_at");
    static final List<String> ALERT_HEADER = List.of("id", "rule", "limit", "metric", "loinc", "value", "threshold",
            "unit", "reading_id", "measured_at", "created_at", "acknowledged_at", "acknowledged_by");

    @Override
    public String section() {
        return "monitoring";
    }

    @Override
    public void export(UUID personId, ExportSink sink) {
        for (Threshold t : Threshold.ofPerson(personId)) {
            sink.row("limit", LIMIT_HEADER,
                    Arrays.asList(t.limitType, t.value, t.limitType.metric().unit(), t.setBy, t.setAt));
        }
        for (Alert a : Alert.<Alert>list("personId = ?1 order by createdAt", personId)) {
            sink.row("alert", ALERT_HEADER, Arrays.asList(a.id, a.rule, a.limitType, a.metric, a.metric.loinc(),
                    a.value, a.threshold, a.metric.unit(), a.readingId, a.localMeasuredAt(), a.createdAt,
                    a.acknowledgedAt, a.acknowledgedBy));
        }
    }

    /**
     * The person's limits and alerts go; where they set someone else's limit or acknowledged someone else's alert,
     * that record stays without their name.
     */
    @Override
    public long erase(UUID personId) {
        long rows = Alert.delete("personId", personId) + Threshold.delete("personId", personId);
        rows += Threshold.update("setBy = null where setBy = ?1", personId);
        rows += Alert.update("acknowledgedBy = null where acknowledgedBy = ?1", personId);
        return rows;
    }
}
