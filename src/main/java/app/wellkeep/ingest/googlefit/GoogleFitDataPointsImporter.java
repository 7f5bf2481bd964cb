package app.wellkeep.ingest.googlefit;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.JsonEntries;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.SafeJson;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SleepStage;

/**
 * One data stream of Google Fit from a Google Takeout archive: {@code Takeout/Fit/All Data/*.json} (e.g.
 * {@code derived_com.google.step_count.delta_com.google.android.gms_merge_step_deltas.json}), an object with the
 * stream's id in {@code "Data Source"} and its points in {@code "Data Points"}: each with {@code dataTypeName},
 * {@code startTimeNanos} and {@code endTimeNanos} (nanoseconds since the epoch, UTC; numbers in the archive, strings
 * in the REST API, both read) and {@code fitValue}, the type's fields in order, each {@code {"value": {"intVal": n}}}
 * or {@code {"value": {"fpVal": x}}}. The data types, their fields and units are Google's
 * (https://developers.google.com/fit/datatypes/activity, https://developers.google.com/fit/datatypes/health,
 * sleep stages: https://developers.google.com/fit/scenarios/read-sleep-data, blood pressure field order:
 * https://developers.google.com/fit/scenarios/write-bp-data). Points are streamed, each read as a small tree.
 * <p>
 * Kept: step_count.delta, distance.delta (m), heart_rate.bpm, weight (kg), body.fat.percentage,
 * blood_pressure (systolic and diastolic, mmHg), blood_glucose (mmol/L, stored in mg/dL), oxygen_saturation (%),
 * body.temperature (°C) and sleep.segment (1 awake, 2 asleep, 4 light, 5 deep, 6 REM; 3 "out of bed" is skipped).
 * Measurements at a moment use the end time, as Google defines them. Every other type is skipped by its name;
 * among them calories.expended, which is the total energy burned with the basal metabolic rate, not active energy.
 * The archive has no offsets: each reading gets the person's zone's offset at its start.
 * <p>
 * The source comes from the stream id ({@code type:dataType:app[:manufacturer:model:uid][:stream]}): Google's
 * merged streams ({@code derived:...:com.google.android.gms:merge_...}) are "Google Fit"; other streams of Google Fit
 * are named by their stream ("Google Fit estimated_steps"), so that overlapping streams of one archive are separate
 * sources and a day's steps are never summed across them; a raw stream is its device ("samsung SM-N9005") or app.
 * The archive writes the id before the points; points before it (not seen in real archives) would be "Google Fit".
 */
public class GoogleFitDataPointsImporter implements Importer {

    static final String SOURCE = "Google Fit";

    private static final String GMS = "com.google.android.gms";

    private record Kind(Metric metric, String unit, boolean interval) {
    }

    private static final Map<String, Kind> KINDS = Map.of("com.google.step_count.delta",
            new Kind(Metric.STEPS, "count", true), "com.google.distance.delta", new Kind(Metric.DISTANCE, "m", true),
            "com.google.heart_rate.bpm", new Kind(Metric.HEART_RATE, "bpm", false), "com.google.weight",
            new Kind(Metric.WEIGHT, "kg", false), "com.google.body.fat.percentage",
            new Kind(Metric.BODY_FAT, "%", false), "com.google.blood_glucose",
            new Kind(Metric.GLUCOSE, "mmol/L", false), "com.google.oxygen_saturation",
            new Kind(Metric.OXYGEN_SATURATION, "%", false), "com.google.body.temperature",
            new Kind(Metric.BODY_TEMPERATURE, "Cel", false));

    private static final String BLOOD_PRESSURE = "com.google.blood_pressure";
    private static final String SLEEP = "com.google.sleep.segment";

    /** The sleep segment types, by their documented value; 3 (out of bed) is not sleep and has no stage. */
    private static final Map<Integer, SleepStage> SLEEP_STAGES = Map.of(1, SleepStage.AWAKE, 2, SleepStage.ASLEEP, 4,
            SleepStage.CORE, 5, SleepStage.DEEP, 6, SleepStage.REM);
    private static final int OUT_OF_BED = 3;

    private static final Pattern DIGITS = Pattern.compile("\\d{1,19}");
    private static final Pattern HEAD = Pattern.compile("^\\s*\\{\\s*\"Data (Source|Points)\"");

    @Override
    public String format() {
        return "google-fit-data-points";
    }

    @Override
    public Positions positions() {
        return Positions.ITEM;
    }

    @Override
    public boolean reads(String fileName, byte[] head) {
        if (!fileName.endsWith(".json")) {
            return false;
        }
        int length = Math.min(head.length, 256);
        return HEAD.matcher(new String(head, 0, length, StandardCharsets.ISO_8859_1)).find();
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        try (JsonEntries entries = JsonEntries.open(in)) {
            JsonParser parser = entries.parser();
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new ImportException(Problem.EMPTY, "no JSON value");
            }
            if (token != JsonToken.START_OBJECT) {
                throw new ImportException(Problem.UNSUPPORTED_FORMAT, "not a Google Fit data stream object");
            }
            String source = SOURCE;
            while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                token = parser.nextToken();
                if (field.equals("Data Source") && token == JsonToken.VALUE_STRING) {
                    source = sourceOf(parser.getText());
                } else if (field.equals("Data Points")) {
                    if (token != JsonToken.START_ARRAY) {
                        throw new ImportException(Problem.UNSUPPORTED_FORMAT, "\"Data Points\" is not an array");
                    }
                    String pointsSource = source;
                    entries.objects("\"Data Points\"", "a data point", sink,
                            (point, position) -> point(context, point, position, pointsSource, sink));
                } else {
                    parser.skipChildren();
                }
            }
            if (token != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new ImportException(Problem.MALFORMED, "content after the data stream object");
            }
        } catch (IOException e) {
            throw SafeJson.problem(e);
        }
    }

    private void point(ImportContext context, JsonNode point, long position, String source, ReadingSink sink) {
        JsonNode typeNode = point.get("dataTypeName");
        if (typeNode == null || !typeNode.isTextual()) {
            sink.rejected(position, Rejection.MISSING_FIELD, "no dataTypeName");
            return;
        }
        String type = typeNode.asText();
        Kind kind = KINDS.get(type);
        boolean interval = kind != null ? kind.interval() : type.equals(SLEEP);
        if (kind == null && !type.equals(SLEEP) && !type.equals(BLOOD_PRESSURE)) {
            sink.skipped(type);
            return;
        }
        Instant start;
        Instant end;
        try {
            start = nanos(point.get("startTimeNanos"));
            end = nanos(point.get("endTimeNanos"));
        } catch (IllegalArgumentException e) {
            sink.rejected(position, Rejection.BAD_TIME, "startTimeNanos or endTimeNanos is not a count of ns");
            return;
        }
        if (interval) {
            if (start == null || end == null) {
                sink.rejected(position, Rejection.MISSING_FIELD, "no startTimeNanos or endTimeNanos");
                return;
            }
            if (end.isBefore(start)) {
                sink.rejected(position, Rejection.BAD_INTERVAL, "ends before it starts");
                return;
            }
        } else {
            Instant at = end != null ? end : start;
            if (at == null) {
                sink.rejected(position, Rejection.MISSING_FIELD, "no endTimeNanos");
                return;
            }
            start = at;
            end = at;
        }
        int offset = context.zone().getRules().getOffset(start).getTotalSeconds();
        JsonNode values = point.get("fitValue");
        if (type.equals(SLEEP)) {
            Double kindOfSleep = value(values, 0, position, sink);
            if (kindOfSleep == null) {
                return;
            }
            int code = kindOfSleep.intValue();
            if (code == OUT_OF_BED && kindOfSleep == code) {
                sink.skipped(SLEEP + " out of bed");
                return;
            }
            SleepStage stage = kindOfSleep == code ? SLEEP_STAGES.get(code) : null;
            if (stage == null) {
                sink.rejected(position, Rejection.INVALID_FIELD, "not a sleep segment type of Google Fit");
                return;
            }
            double minutes = Duration.between(start, end).toMillis() / 60_000.0;
            sink.reading(Metric.SLEEP, start, end, offset, minutes, stage.name(), source, position);
        } else if (type.equals(BLOOD_PRESSURE)) {
            Double systolic = value(values, 0, position, sink);
            Double diastolic = systolic == null ? null : value(values, 1, position, sink);
            if (diastolic == null) {
                return;
            }
            sink.reading(Metric.SYSTOLIC, start, end, offset, systolic, "", source, position);
            sink.reading(Metric.DIASTOLIC, start, end, offset, diastolic, "", source, position);
        } else {
            Double value = value(values, 0, position, sink);
            if (value == null) {
                return;
            }
            double stored = Units.toStored(kind.metric(), value, kind.unit()).orElseThrow();
            sink.reading(kind.metric(), start, end, offset, stored, "", source, position);
        }
    }

    /** Field {@code index} of a point's fitValue as a number, or null after rejecting the point. */
    private static Double value(JsonNode values, int index, long position, ReadingSink sink) {
        JsonNode value = values != null && values.isArray() && values.size() > index
                ? values.get(index).path("value")
                : null;
        JsonNode number = value == null ? null : value.has("fpVal") ? value.get("fpVal") : value.get("intVal");
        if (number == null || number.isNull()) {
            sink.rejected(position, Rejection.MISSING_FIELD, "fitValue has no value at " + index);
            return null;
        }
        if (!number.isNumber() || !Double.isFinite(number.doubleValue())) {
            sink.rejected(position, Rejection.INVALID_FIELD, "fitValue at " + index + " is not a number");
            return null;
        }
        return number.doubleValue();
    }

    /** A time in nanoseconds since the epoch, written as a number or a string of digits; null when absent. */
    private static Instant nanos(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        BigInteger nanos;
        if (node.isIntegralNumber()) {
            nanos = node.bigIntegerValue();
        } else if (node.isTextual() && DIGITS.matcher(node.asText()).matches()) {
            nanos = new BigInteger(node.asText());
        } else {
            throw new IllegalArgumentException("not a count of nanoseconds");
        }
        if (nanos.signum() < 0 || nanos.bitLength() > 63) {
            throw new IllegalArgumentException("out of range");
        }
        long value = nanos.longValue();
        return Instant.ofEpochSecond(value / 1_000_000_000L, value % 1_000_000_000L);
    }

    /** The name of the device or app behind a stream id, as described in this class's comment. */
    static String sourceOf(String dataSourceId) {
        String[] parts = dataSourceId.split(":", -1);
        if (parts.length < 3 || parts[2].isBlank()) {
            return SOURCE;
        }
        String app = parts[2].strip();
        String stream = parts.length > 3 ? parts[parts.length - 1].strip() : "";
        if (parts[0].equals("derived") && app.equals(GMS)) {
            return stream.isEmpty() || stream.startsWith("merge") ? SOURCE : SOURCE + " " + stream;
        }
        if (parts.length >= 7 && !parts[3].isBlank() && !parts[4].isBlank()) {
            return (parts[3].strip() + " " + parts[4].strip());
        }
        return app.equals("com.google.android.apps.fitness") ? SOURCE + " app" : app;
    }
}
