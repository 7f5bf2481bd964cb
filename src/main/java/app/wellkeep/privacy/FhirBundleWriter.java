package app.wellkeep.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.wellkeep.common.Fhir;

/** A FHIR R4 Bundle of type collection, written entry by entry as the sections deliver them. */
class FhirBundleWriter implements ExportWriter {

    private final JsonGenerator json;

    FhirBundleWriter(OutputStream out, ObjectMapper mapper, UUID exportId, Instant at) throws IOException {
        json = mapper.getFactory().createGenerator(out);
        json.writeStartObject();
        json.writeStringField("resourceType", "Bundle");
        json.writeStringField("id", exportId.toString());
        json.writeStringField("type", "collection");
        json.writeStringField("timestamp", at.toString());
        json.writeArrayFieldStart("entry");
    }

    @Override
    public void resource(Map<String, Object> resource) {
        try {
            json.writeStartObject();
            // Type and id together: sections may reuse an id across resource types (the person's id, say).
            json.writeStringField("fullUrl", Fhir.BASE + resource.get("resourceType") + "/" + resource.get("id"));
            json.writeObjectField("resource", resource);
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(String table, List<String> header, List<?> values) {
        // Tables are for the CSV format; the same data arrives here as resources.
    }

    @Override
    public void finish() throws IOException {
        json.writeEndArray();
        json.writeEndObject();
        json.close();
    }
}
