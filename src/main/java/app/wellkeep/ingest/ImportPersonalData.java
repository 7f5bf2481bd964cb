package app.wellkeep.ingest;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import app.wellkeep.ingest.device.DeviceReading;
import app.wellkeep.privacy.ExportSink;
import app.wellkeep.privacy.PersonalData;

/**
 * The imports a person made (what file, when, what became of it), for export (as FHIR DocumentReferences of the
 * files) and erasure, with the uploads, refusals and device ids that go with them. The readings themselves are the
 * vitals section's.
 */
@ApplicationScoped
public class ImportPersonalData implements PersonalData {

    static final List<String> HEADER = List.of("id", "file_name", "size_bytes", "status", "formats", "uploaded_at",
            "finished_at", "added", "duplicates", "repeated", "rejected", "skipped", "problem");

    @Override
    public String section() {
        return "imports";
    }

    @Override
    public void export(UUID personId, ExportSink sink) {
        for (ImportJob job : ImportJob.ofPerson(personId)) {
            sink.resource(document(job));
            sink.row("import", HEADER, Arrays.asList(job.id, job.fileName, job.sizeBytes, job.status, job.formats,
                    job.createdAt, job.finishedAt, job.added, job.duplicates, job.repeated, job.rejected, job.skipped,
                    job.problem));
        }
    }

    static Map<String, Object> document(ImportJob job) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("resourceType", "DocumentReference");
        d.put("id", job.id.toString());
        d.put("status", "current");
        d.put("subject", Map.of("reference", "Patient/" + job.personId));
        d.put("date", job.createdAt.toString());
        d.put("description", "Imported: " + job.added + " new readings, " + job.duplicates + " already stored, "
                + job.rejected + " not imported (" + job.status + ")");
        d.put("content", List.of(Map.of("attachment", Map.of("title", job.fileName, "size", job.sizeBytes))));
        return d;
    }

    @Override
    public long erase(UUID personId) {
        // Tallies, refusals and upload chunks go with their import (ON DELETE CASCADE).
        return DeviceReading.delete("personId", personId) + ImportJob.delete("personId", personId);
    }
}
