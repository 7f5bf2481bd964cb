package app.wellkeep.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The file formats of an export: what a patient can take to another app, a clinician, or a spreadsheet. */
public enum ExportFormat {

    /** One FHIR R4 Bundle of type collection. */
    FHIR_BUNDLE("json", "application/fhir+json"),
    /** FHIR bulk-data style: one resource per line. */
    NDJSON("ndjson", "application/fhir+ndjson"),
    /** A zip with one CSV file per table, safe to open in a spreadsheet. */
    CSV("zip", "application/zip");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    ExportWriter open(OutputStream out, ObjectMapper json, UUID exportId, Instant at) throws IOException {
        return switch (this) {
            case FHIR_BUNDLE -> new FhirBundleWriter(out, json, exportId, at);
            case NDJSON -> new NdjsonWriter(out, json);
            case CSV -> new CsvZipWriter(out);
        };
    }
}
