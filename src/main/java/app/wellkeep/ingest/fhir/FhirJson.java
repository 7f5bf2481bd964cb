package app.wellkeep.ingest.fhir;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.SafeJson;

/**
 * FHIR JSON, streamed: a sequence of resources at the top level, which covers a single resource, a Bundle and
 * NDJSON (one resource a line, as bulk export writes). A Bundle's {@code entry} array is walked one entry at a time,
 * each read as a small tree; a top-level resource other than a Bundle is small and read whole (a type that is
 * only counted is skipped over unread).
 * <p>
 * Positions: the number of the entry in its Bundle, from 1; for a top-level resource, the line it starts on, which
 * in NDJSON is its item number (and 1 for a file holding one resource).
 */
final class FhirJson {

    private final Resources resources;

    FhirJson(Resources resources) {
        this.resources = resources;
    }

    void read(InputStream in) {
        try (JsonParser parser = SafeJson.open(in)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new ImportException(Problem.EMPTY, "no JSON value");
            }
            boolean first = true;
            while (token != null) {
                long line = parser.currentTokenLocation().getLineNr();
                if (token == JsonToken.START_OBJECT) {
                    topLevel(parser, line, first);
                } else if (first) {
                    throw new ImportException(Problem.UNSUPPORTED_FORMAT, "JSON that is not a FHIR resource");
                } else {
                    parser.skipChildren();
                    resources.reject(line, Rejection.INVALID_FIELD, "line is not a JSON object");
                }
                first = false;
                token = parser.nextToken();
            }
        } catch (IOException e) {
            throw SafeJson.problem(e);
        }
    }

    /**
     * One top-level object. Its {@code resourceType} comes first in every real file, but JSON does not promise it:
     * fields before it are held until it is known, and an {@code entry} array met before it is walked as a Bundle's
     * (the file is refused at the end if it was not one).
     */
    private void topLevel(JsonParser parser, long line, boolean first) throws IOException {
        String type = null;
        boolean typeless = false;
        boolean entries = false;
        ObjectNode held = SafeJson.MAPPER.createObjectNode();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("resourceType".equals(name)) {
                if (value == JsonToken.VALUE_STRING) {
                    type = parser.getText();
                    held.put(name, type);
                } else {
                    typeless = true;
                    parser.skipChildren();
                }
            } else if ("entry".equals(name) && value == JsonToken.START_ARRAY
                    && (type == null || "Bundle".equals(type))) {
                entries(parser);
                entries = true;
            } else if (typeless || (type != null && !Resources.read(type))) {
                parser.skipChildren();
            } else {
                held.set(name, SafeJson.MAPPER.readTree(parser));
            }
        }
        if (type == null || !Resources.TYPES.contains(type)) {
            if (first) {
                throw new ImportException(Problem.UNSUPPORTED_FORMAT, "JSON that is not a FHIR resource");
            }
            resources.reject(line, type == null ? Rejection.MISSING_FIELD : Rejection.INVALID_FIELD,
                    type == null ? "no resourceType" : "not a FHIR R4 resource type");
            return;
        }
        if ("Bundle".equals(type)) {
            return;
        }
        if (entries) {
            throw new ImportException(Problem.UNSUPPORTED_FORMAT, "entries outside a Bundle at line " + line);
        }
        resources.json(type, held, line, null);
    }

    private void entries(JsonParser parser) throws IOException {
        long item = 0;
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
            if (token == null) {
                throw new ImportException(Problem.TRUNCATED, "ends inside the entries");
            }
            item++;
            if (token != JsonToken.START_OBJECT) {
                parser.skipChildren();
                resources.reject(item, Rejection.INVALID_FIELD, "entry is not an object");
                continue;
            }
            JsonNode entry = SafeJson.MAPPER.readTree(parser);
            JsonNode resource = entry.get("resource");
            if (resource == null) {
                // A request or a response without a resource (a deletion, a transaction's outcome) holds no data.
                continue;
            }
            JsonNode type = resource.get("resourceType");
            if (!resource.isObject()) {
                resources.reject(item, Rejection.INVALID_FIELD, "entry resource is not an object");
            } else if (type == null || !type.isTextual()) {
                resources.reject(item, Rejection.MISSING_FIELD, "entry resource without a resourceType");
            } else {
                JsonNode fullUrl = entry.get("fullUrl");
                resources.json(type.textValue(), resource, item, fullUrl != null ? fullUrl.textValue() : null);
            }
        }
    }
}
