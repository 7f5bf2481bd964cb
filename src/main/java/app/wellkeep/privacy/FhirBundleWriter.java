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
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;

import app.wellkeep.common.Fhir;

/**
 * A FHIR R4 Bundle of type collection, written entry by entry as the sections deliver them: the generator streams,
 * so an entry is on its way to the file once written and a Bundle of millions of entries needs no more memory than
 * one.
 */
class FhirBundleWriter implements ExportWriter {

    private final JsonGenerator json;
    /** Without a flush after each resource: the stream below buffers and compresses, and flushes would defeat it. */
    private final ObjectWriter resources;

    FhirBundleWriter(OutputStream out, ObjectMapper mapper, UUID exportId, Instant at) throws IOException {
        json = mapper.getFactory().createGenerator(out);
        resources = mapper.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE);
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
            json.writeFieldName("resource");
            resources.writeValue(json, resource);
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
