package app.wellkeep.ingest.openmhealth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.vitals.Metric;

/**
 * The Open mHealth schemas' own test files: every shouldPass file imports as {@code corpus-expectations.txt} says
 * (value in the stored unit, time, offset), every shouldFail file is rejected for the reason it names.
 */
class OpenMHealthCorpusTest {

    private static final Path CORPUS = resource("/ingest/openmhealth/corpus");
    private static final Map<String, String> EXPECTED = expectations();
    private static final ZoneId ZONE = ZoneId.of("Europe/Zurich");

    private static final String SOURCE = "Corpus Device";
    /** The source the corpus's own headers name. */
    private static final String CORPUS_HEADER_SOURCE = "RunKeeper";

    private static final String AT = "{\"date_time\":\"2013-02-05T07:25:00Z\"}";
    private static final String HOUR = "{\"time_interval\":{\"start_date_time\":\"2013-02-05T06:25:00Z\","
            + "\"end_date_time\":\"2013-02-05T07:25:00Z\"}}";
    private static final String HEART_RATE = "\"heart_rate\":{\"value\":60,\"unit\":\"beats/min\"}";
    private static final String PRESSURE = "\"systolic_blood_pressure\":{\"value\":120,\"unit\":\"mmHg\"},"
            + "\"diastolic_blood_pressure\":{\"value\":80,\"unit\":\"mmHg\"}";
    private static final String GLUCOSE = "\"blood_glucose\":{\"value\":95,\"unit\":\"mg/dL\"}";

    /** A part of a schema, put where {@code @@} is in a body of the schema {@code name} at {@code version}. */
    private record Part(String name, String version, String body) {
    }

    private static final Map<String, Part> PARTS = Map.ofEntries(
            Map.entry("time-frame", new Part("heart-rate", "1.0", "{" + HEART_RATE + ",\"effective_time_frame\":@@}")),
            Map.entry("time-interval",
                    new Part("heart-rate", "1.0",
                            "{" + HEART_RATE + ",\"effective_time_frame\":{\"time_interval\":@@}}")),
            Map.entry("date-time",
                    new Part("heart-rate", "1.0", "{" + HEART_RATE + ",\"effective_time_frame\":{\"date_time\":@@}}")),
            Map.entry("part-of-day",
                    new Part("heart-rate", "1.0", "{" + HEART_RATE + ",\"effective_time_frame\":{\"time_interval\":"
                            + "{\"date\":\"2013-02-05\",\"part_of_day\":@@}}}")),
            Map.entry("duration-unit-value",
                    new Part("total-sleep-time", "1.0", "{\"total_sleep_time\":@@,\"effective_time_frame\":"
                            + "{\"time_interval\":{\"start_date_time\":\"2013-02-05T22:00:00Z\","
                            + "\"end_date_time\":\"2013-02-06T06:00:00Z\"}}}")),
            Map.entry("length-unit-value", new Part("physical-activity", "1.0",
                    "{\"activity_name\":\"walking\",\"distance\":@@,\"effective_time_frame\":" + HOUR + "}")),
            Map.entry("mass-unit-value",
                    new Part("body-weight", "2.0", "{\"body_weight\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("temperature-unit-value",
                    new Part("body-temperature", "3.0",
                            "{\"body_temperature\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("kcal-unit-value",
                    new Part("calories-burned", "2.0", "{\"kcal_burned\":@@,\"effective_time_frame\":" + HOUR + "}")),
            Map.entry("body-posture", new Part("blood-pressure", "3.0",
                    "{" + PRESSURE + ",\"body_posture\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("position-during-measurement", new Part("blood-pressure", "1.0",
                    "{" + PRESSURE + ",\"position_during_measurement\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("body-location", new Part("blood-pressure", "3.0",
                    "{" + PRESSURE + ",\"measurement_location\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("blood-specimen-type", new Part("blood-glucose", "1.0",
                    "{" + GLUCOSE + ",\"blood_specimen_type\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("specimen-source/1.0", new Part("blood-glucose", "2.0",
                    "{" + GLUCOSE + ",\"specimen_source\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("specimen-source", new Part("blood-glucose", "3.0",
                    "{" + GLUCOSE + ",\"specimen_source\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("temporal-relationship-to-meal", new Part("blood-glucose", "3.0",
                    "{" + GLUCOSE + ",\"temporal_relationship_to_meal\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("temporal-relationship-to-physical-activity", new Part("heart-rate", "2.0", "{" + HEART_RATE
                    + ",\"temporal_relationship_to_physical_activity\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("temporal-relationship-to-sleep", new Part("heart-rate", "2.0",
                    "{" + HEART_RATE + ",\"temporal_relationship_to_sleep\":@@,\"effective_time_frame\":" + AT + "}")),
            Map.entry("descriptive-statistic",
                    new Part("heart-rate", "2.0", "{" + HEART_RATE + ",\"descriptive_statistic\":@@,"
                            + "\"effective_time_frame\":{\"time_interval\":{\"start_date_time\":\"2013-02-05T00:00:00Z\","
                            + "\"end_date_time\":\"2013-02-06T00:00:00Z\"}}}")));

    static Stream<String> shouldPass() {
        return files().filter(path -> path.contains("/shouldPass/"));
    }

    static Stream<String> shouldFail() {
        return files().filter(path -> path.contains("/shouldFail/"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shouldPass")
    void importsEachValidFileAsExpected(String path) {
        String expected = expectation(path);
        RecordingSink sink = importFile(path);
        if (expected.startsWith("REJECTED ")) {
            assertRejected(path, expected, sink);
        } else if (expected.startsWith("SKIPPED ")) {
            assertEquals(List.of(expected.substring("SKIPPED ".length())), sink.skipped, path);
            assertEquals(List.of(), sink.readings, path);
            assertEquals(List.of(), sink.rejected, path);
        } else {
            assertEquals(List.of(), sink.rejected, path);
            assertEquals(List.of(), sink.skipped, path);
            String[] readings = expected.split(" ; ");
            assertEquals(readings.length, sink.readings.size(), path + ": " + sink.readings);
            String source = path.startsWith("data-point/") || path.startsWith("header/")
                    ? CORPUS_HEADER_SOURCE
                    : SOURCE;
            for (int i = 0; i < readings.length; i++) {
                assertReading(path, readings[i], source, sink.readings.get(i));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shouldFail")
    void rejectsEachInvalidFileForItsReason(String path) {
        String expected = expectation(path);
        assertTrue(expected.startsWith("REJECTED "), path + " must be expected to be rejected: " + expected);
        assertRejected(path, expected, importFile(path));
    }

    @Test
    void everyExpectationHasItsFile() {
        Set<String> files = new TreeSet<>(files().toList());
        Set<String> stale = new TreeSet<>(EXPECTED.keySet());
        stale.removeAll(files);
        assertEquals(Set.of(), stale);
    }

    /** So that an emptied or partial corpus cannot pass for a complete one. */
    @Test
    void holdsValidAndInvalidFilesOfEverySupportedSchema() {
        Set<String> names = Schemas.omhNames();
        assertEquals(17, names.size(), names.toString());
        for (String name : names) {
            assertTrue(files().anyMatch(f -> f.startsWith(name + "/") && f.contains("/shouldPass/")),
                    "valid files of " + name);
            assertTrue(files().anyMatch(f -> f.startsWith(name + "/") && f.contains("/shouldFail/")),
                    "invalid files of " + name);
        }
        assertTrue(files().filter(f -> f.startsWith("data-point/1.0/")).count() >= 6);
        assertTrue(shouldPass().count() >= 150, "valid files: " + shouldPass().count());
        assertTrue(shouldFail().count() >= 170, "invalid files: " + shouldFail().count());
    }

    private static void assertRejected(String path, String expected, RecordingSink sink) {
        Rejection reason = Rejection.valueOf(expected.substring("REJECTED ".length()));
        assertEquals(1, sink.rejected.size(), path + ": " + sink.rejected);
        assertEquals(reason, sink.rejected.get(0).reason(), path + ": " + sink.rejected.get(0).detail());
        assertEquals(1, sink.rejected.get(0).position(), path);
        assertFalse(sink.rejected.get(0).detail().isBlank(), path);
        assertEquals(List.of(), sink.readings, path);
        assertEquals(List.of(), sink.skipped, path);
    }

    private static void assertReading(String path, String expected, String source, RecordingSink.Reading actual) {
        String[] parts = expected.split(" ");
        assertTrue(parts.length == 3 || parts.length == 4, path + ": " + expected);
        Metric metric = Metric.valueOf(parts[0]);
        double value = Double.parseDouble(parts[1]);
        OffsetDateTime start = OffsetDateTime.parse(parts[2]);
        OffsetDateTime end = parts.length == 4 ? OffsetDateTime.parse(parts[3]) : start;
        assertEquals(metric, actual.metric(), path);
        assertEquals(value, actual.value(), 5e-6, path);
        assertEquals(start.toInstant(), actual.start(), path);
        assertEquals(end.toInstant(), actual.end(), path);
        assertEquals(start.getOffset().getTotalSeconds(), actual.utcOffsetSeconds(), path);
        assertEquals(metric == Metric.SLEEP ? "ASLEEP" : "", actual.stage(), path);
        assertEquals(source, actual.source(), path);
        assertEquals(1, actual.position(), path);
    }

    private static RecordingSink importFile(String path) {
        RecordingSink sink = new RecordingSink();
        byte[] json = dataPoint(path).getBytes(StandardCharsets.UTF_8);
        try {
            new OpenMHealthImporter().read(new ImportContext(path, ZONE), new ByteArrayInputStream(json), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    /** The file as a data point, wrapped as corpus-expectations.txt describes. */
    static String dataPoint(String path) {
        String content = read(path);
        String[] parts = path.split("/");
        String dir = parts[0];
        String version = parts[1];
        if (dir.equals("data-point")) {
            return content;
        }
        if (dir.equals("header")) {
            return "{\"header\":" + content + ",\"body\":{\"activity_name\":\"walking\","
                    + "\"distance\":{\"value\":2,\"unit\":\"km\"},\"effective_time_frame\":" + AT + "}}";
        }
        if (dir.equals("schema-id")) {
            return "{\"header\":" + header(content) + ",\"body\":{\"kcal_burned\":{\"value\":160,\"unit\":\"kcal\"},"
                    + "\"effective_time_frame\":" + HOUR + "}}";
        }
        Part part = PARTS.getOrDefault(dir + "/" + version, PARTS.get(dir));
        if (part != null) {
            return "{\"header\":" + header(schemaId(part.name(), part.version())) + ",\"body\":"
                    + part.body().replace("@@", content) + "}";
        }
        return "{\"header\":" + header(schemaId(dir, version)) + ",\"body\":" + content + "}";
    }

    private static String schemaId(String name, String version) {
        return "{\"namespace\":\"omh\",\"name\":\"" + name + "\",\"version\":\"" + version + "\"}";
    }

    private static String header(String schemaId) {
        return "{\"id\":\"corpus-data-point\",\"creation_date_time\":\"2024-03-01T09:30:00+01:00\",\"schema_id\":"
                + schemaId + ",\"acquisition_provenance\":{\"source_name\":\"" + SOURCE
                + "\",\"modality\":\"sensed\"}}";
    }

    private static String expectation(String path) {
        String expected = EXPECTED.get(path);
        assertNotNull(expected, "corpus-expectations.txt has no line for " + path);
        return expected;
    }

    private static Stream<String> files() {
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            List<String> files = walk.filter(p -> p.toString().endsWith(".json"))
                    .map(p -> CORPUS.relativize(p).toString().replace('\\', '/')).sorted().toList();
            return files.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String path) {
        try {
            return Files.readString(CORPUS.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> expectations() {
        Map<String, String> expected = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(resource("/ingest/openmhealth/corpus-expectations.txt"))) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t");
                if (columns.length != 2 || expected.put(columns[0], columns[1].strip()) != null) {
                    duplicates.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals(List.of(), duplicates, "malformed or repeated lines");
        return expected;
    }

    private static Path resource(String name) {
        try {
            return Path.of(OpenMHealthCorpusTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
