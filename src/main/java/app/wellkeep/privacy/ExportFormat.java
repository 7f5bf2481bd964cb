package app.wellkeep.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The file formats of an export: what a patient can take to another app, a clinician, or a spreadsheet. */
public enum ExportFormat {

    /** One FHIR R4 Bundle of type collection. */
    FHIR_BUNDLE("json", "application/fhir+json", true),
    /** FHIR bulk-data style: one resource per line. */
    NDJSON("ndjson", "application/fhir+ndjson", true),
    /** A zip with one CSV file per table, safe to open in a spreadsheet. */
    CSV("zip", "application/zip", false);

    private final String extension;
    private final String mediaType;
    private final boolean gzipped;

    ExportFormat(String extension, String mediaType, boolean gzipped) {
        this.extension = extension;
        this.mediaType = mediaType;
        this.gzipped = gzipped;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /**
     * Whether the file is stored gzip-compressed. JSON of a million readings is some 400 MB and shrinks to a tenth;
     * it is sent compressed to a browser, which unpacks it as it arrives, so the patient still saves the plain file.
     * A zip is compressed already.
     */
    boolean gzipped() {
        return gzipped;
    }

    ExportWriter open(OutputStream out, ObjectMapper json, UUID exportId, Instant at) throws IOException {
        return switch (this) {
            case FHIR_BUNDLE -> new FhirBundleWriter(out, json, exportId, at);
            case NDJSON -> new NdjsonWriter(out, json);
            case CSV -> new CsvZipWriter(out);
        };
    }
}
