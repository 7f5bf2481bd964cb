package app.wellkeep.ingest.openmhealth;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.SafeJson;
import app.wellkeep.ingest.openmhealth.Outcome.Reading;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SleepStage;

/**
 * Open mHealth data points (and IEEE 1752 ones, which share the format): one data point
 * {@code {"header": {...}, "body": {...}}} or a JSON array of them, streamed, each read as a small tree. The
 * header's {@code schema_id} says how to read the body (see {@link Schemas}); each data point is checked against
 * its schema (required fields, units, value sets, the kind of time frame) and rejected whole at its first fault.
 * Positions are the number of the data point in the array, 1 for a file of one.
 * <p>
 * A data point that has no effective time frame, where its schema allows that, is dated by its header: when the
 * source created it, else when it was stored. The source is the header's
 * {@code acquisition_provenance.source_name}.
 */
public final class OpenMHealthImporter implements Importer {

    public static final String FORMAT = "open-mhealth";
    /** The source of data points whose header names none (IEEE 1752.1 headers have no source name). */
    static final String DEFAULT_SOURCE = "Open mHealth";
    /** Longer names are cut: a source name is a device or an app, not a text. */
    static final int MAX_NAME = 100;

    private static final Pattern VERSION = Pattern.compile("(\\d{1,6})(\\.[0-9A-Za-z.-]*)?");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public Positions positions() {
        return Positions.ITEM;
    }

    /** JSON whose start has a data point header with a schema id; FHIR resources never have one. */
    @Override
    public boolean reads(String fileName, byte[] head) {
        String text = new String(head, 0, Math.min(head.length, HEAD_BYTES), StandardCharsets.UTF_8);
        int first = 0;
        while (first < text.length()
                && (Character.isWhitespace(text.charAt(first)) || text.charAt(first) == '\uFEFF')) {
            first++;
        }
        if (first == text.length() || text.charAt(first) != '{' && text.charAt(first) != '[') {
            return false;
        }
        return text.contains("\"header\"") && text.contains("\"schema_id\"") && !text.contains("\"resourceType\"");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        ZoneId zone = context.zone() == null ? ZoneOffset.UTC : context.zone();
        try (JsonParser parser = SafeJson.open(in)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new ImportException(Problem.EMPTY, "no JSON value");
            }
            if (first == JsonToken.START_ARRAY) {
                long position = 0;
                for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser
                        .nextToken()) {
                    position++;
                    dataPoint(BoundedTree.read(parser), position, zone, sink);
                }
                if (position == 0) {
                    throw new ImportException(Problem.EMPTY, "an empty array");
                }
            } else if (first == JsonToken.START_OBJECT) {
                dataPoint(BoundedTree.read(parser), 1, zone, sink);
            } else {
                throw new ImportException(Problem.UNSUPPORTED_FORMAT, "neither a data point nor an array of them");
            }
            if (parser.nextToken() != null) {
                throw new ImportException(Problem.MALFORMED,
                        "more JSON after the data at line " + parser.currentLocation().getLineNr());
            }
        } catch (IOException e) {
            throw problem(e);
        }
    }

    /**
     * {@link SafeJson#problem}, but a file that ends between two entries of an array or object is truncated too:
     * the parser reports that as a plain parse error, not as an end of file.
     */
    private static ImportException problem(IOException e) {
        ImportException problem = SafeJson.problem(e);
        if (problem.problem() == Problem.MALFORMED && e instanceof JsonParseException
                && String.valueOf(e.getMessage()).contains("Unexpected end-of-input")) {
            return new ImportException(Problem.TRUNCATED, "ends early", e);
        }
        return problem;
    }

    private void dataPoint(JsonNode item, long position, ZoneId zone, ReadingSink sink) {
        if (item == null) {
            sink.rejected(position, Rejection.INVALID_FIELD, "data point larger than any real one");
            return;
        }
        try {
            if (!item.isObject()) {
                throw EntryRejected.invalid("not a data point object");
            }
            JsonNode header = item.get("header");
            if (header == null) {
                throw EntryRejected.missing("header");
            }
            if (!header.isObject()) {
                throw EntryRejected.invalid("header is not an object");
            }
            JsonNode schemaId = header.get("schema_id");
            if (schemaId == null) {
                throw EntryRejected.missing("header.schema_id");
            }
            if (!schemaId.isObject()) {
                throw EntryRejected.invalid("header.schema_id is not an object");
            }
            String namespace = string(schemaId, "namespace", "header.schema_id.namespace");
            String name = string(schemaId, "name", "header.schema_id.name");
            String version = string(schemaId, "version", "header.schema_id.version");
            checkUrl(schemaId);
            if (!Schemas.known(namespace, name)) {
                sink.skipped(cut(namespace + ":" + name));
                return;
            }
            Matcher major = VERSION.matcher(version);
            if (!major.matches()) {
                throw EntryRejected.invalid("header.schema_id.version is not a schema version");
            }
            Format format = Schemas.find(namespace, name, Integer.parseInt(major.group(1)))
                    .orElseThrow(() -> EntryRejected.invalid(
                            "version " + major.group(1) + ".x of " + cut(namespace + ":" + name) + " is not read"));
            Header read = Header.read(header);
            JsonNode body = item.get("body");
            if (body == null) {
                throw EntryRejected.missing("body");
            }
            if (!body.isObject()) {
                throw EntryRejected.invalid("body is not an object");
            }
            Outcome outcome = format.reader().read(new Body(body, format, read.time(), zone));
            if (outcome.skipped() != null) {
                sink.skipped(outcome.skipped());
                return;
            }
            for (Reading reading : outcome.readings()) {
                TimeFrame time = reading.time();
                sink.reading(reading.metric(), time.start(), time.end(), time.utcOffsetSeconds(), reading.value(),
                        reading.metric() == Metric.SLEEP ? SleepStage.ASLEEP.name() : "", read.source(),
                        position);
            }
        } catch (EntryRejected rejected) {
            sink.rejected(position, rejected.reason(), rejected.detail());
        }
    }

    static String string(JsonNode parent, String field, String path) {
        JsonNode node = parent.get(field);
        if (node == null) {
            throw EntryRejected.missing(path);
        }
        if (!node.isTextual()) {
            throw EntryRejected.invalid(path + " is not a string");
        }
        return node.textValue();
    }

    /** schema_id.url, if given, is an absolute URI (JSON Schema's "uri" format). */
    private static void checkUrl(JsonNode schemaId) {
        JsonNode url = schemaId.get("url");
        if (url == null) {
            return;
        }
        try {
            if (!url.isTextual() || !new URI(url.textValue()).isAbsolute()) {
                throw EntryRejected.invalid("header.schema_id.url is not an absolute URI");
            }
        } catch (URISyntaxException e) {
            throw EntryRejected.invalid("header.schema_id.url is not a URI");
        }
    }

    static String cut(String text) {
        return text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME);
    }

    /** What a data point header says: its source, and the moment to date a body without a time frame by. */
    private record Header(String source, TimeFrame time) {

        /**
         * Checks an omh header (id, creation_date_time, optional acquisition_provenance) or an IEEE 1752.1 one
         * (uuid, source_creation_date_time, optional modality).
         */
        static Header read(JsonNode header) {
            TimeFrame time;
            if (header.has("id")) {
                string(header, "id", "header.id");
                time = TimeFrame.at(TimeFrames.dateTime(header, "creation_date_time"));
                if (header.has("user_id")) {
                    string(header, "user_id", "header.user_id");
                }
            } else if (header.has("uuid")) {
                string(header, "uuid", "header.uuid");
                time = TimeFrame.at(TimeFrames.dateTime(header, "source_creation_date_time"));
                modality(header);
            } else {
                throw EntryRejected.missing("header.id");
            }
            String source = DEFAULT_SOURCE;
            JsonNode provenance = header.get("acquisition_provenance");
            if (provenance != null) {
                if (!provenance.isObject()) {
                    throw EntryRejected.invalid("header.acquisition_provenance is not an object");
                }
                String name = string(provenance, "source_name", "acquisition_provenance.source_name").strip();
                source = name.isEmpty() ? DEFAULT_SOURCE : cut(name);
                if (provenance.has("source_creation_date_time")) {
                    time = TimeFrame.at(TimeFrames.dateTime(provenance, "source_creation_date_time"));
                }
                if (provenance.has("source_last_modification_date_time")) {
                    TimeFrames.dateTime(provenance, "source_last_modification_date_time");
                }
                if (provenance.has("source_data_point_id")) {
                    string(provenance, "source_data_point_id", "acquisition_provenance.source_data_point_id");
                }
                modality(provenance);
            }
            return new Header(source, time);
        }

        private static void modality(JsonNode parent) {
            JsonNode modality = parent.get("modality");
            if (modality != null && (!modality.isTextual() || !Vocabulary.MODALITY.contains(modality.textValue()))) {
                throw EntryRejected.invalid("modality is neither sensed nor self-reported");
            }
        }
    }
}
