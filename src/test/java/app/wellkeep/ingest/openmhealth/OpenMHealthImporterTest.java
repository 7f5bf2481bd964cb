package app.wellkeep.ingest.openmhealth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.RecordingSink.Reading;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.vitals.Metric;

class OpenMHealthImporterTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final String AT = "\"effective_time_frame\":{\"date_time\":\"2024-05-01T07:30:00+02:00\"}";
    private static final Instant AT_INSTANT = Instant.parse("2024-05-01T05:30:00Z");
    private static final String DAY = "\"effective_time_frame\":{\"time_interval\":"
            + "{\"start_date_time\":\"2024-05-01T00:00:00+02:00\",\"end_date_time\":\"2024-05-02T00:00:00+02:00\"}}";
    private static final String NIGHT = "\"effective_time_frame\":{\"time_interval\":"
            + "{\"start_date_time\":\"2024-04-30T23:00:00+02:00\",\"end_date_time\":\"2024-05-01T07:00:00+02:00\"}}";

    private final OpenMHealthImporter importer = new OpenMHealthImporter();

    /** A data point with an omh header naming "Withings" as its source. */
    static String point(String name, String version, String body) {
        return point("omh", name, version, body);
    }

    static String point(String namespace, String name, String version, String body) {
        return "{\"header\":{\"id\":\"dp-" + name + "\",\"creation_date_time\":\"2024-05-02T10:00:00+02:00\","
                + "\"schema_id\":{\"namespace\":\"" + namespace + "\",\"name\":\"" + name + "\",\"version\":\""
                + version + "\"},\"acquisition_provenance\":{\"source_name\":\"Withings\",\"modality\":\"sensed\"}},"
                + "\"body\":" + body + "}";
    }

    /** A data point with an IEEE 1752.1 header: uuid and source_creation_date_time, no source name. */
    static String ieeePoint(String name, String version, String body) {
        return "{\"header\":{\"uuid\":\"8d3f3b2e-0d6c-4c1e-9a57-1f0e2c7b9a10\","
                + "\"source_creation_date_time\":\"2024-05-02T10:00:00+02:00\",\"schema_id\":{\"namespace\":\"ieee\","
                + "\"name\":\"" + name + "\",\"version\":\"" + version + "\"},\"modality\":\"sensed\"},\"body\":" + body
                + "}";
    }

    RecordingSink read(String json) {
        return read(json.getBytes(StandardCharsets.UTF_8));
    }

    RecordingSink read(byte[] json) {
        RecordingSink sink = new RecordingSink();
        try {
            importer.read(new ImportContext("points.json", ZURICH), new ByteArrayInputStream(json), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    Reading only(String json) {
        RecordingSink sink = read(json);
        assertEquals(List.of(), sink.rejected);
        assertEquals(List.of(), sink.skipped);
        assertEquals(1, sink.readings.size(), sink.readings.toString());
        return sink.readings.get(0);
    }

    Rejection rejection(String json) {
        RecordingSink sink = read(json);
        assertEquals(List.of(), sink.readings);
        assertEquals(1, sink.rejected.size(), sink.rejected.toString());
        return sink.rejected.get(0).reason();
    }

    Problem problem(String json) {
        return problem(json.getBytes(StandardCharsets.UTF_8));
    }

    Problem problem(byte[] json) {
        return assertThrows(ImportException.class, () -> read(json)).problem();
    }

    static String heartRate(double value) {
        return point("heart-rate", "2.0",
                "{\"heart_rate\":{\"value\":" + value + ",\"unit\":\"beats/min\"}," + AT + "}");
    }

    @Test
    void namesItsFormatAndCountsItemsOfTheArray() {
        assertEquals("open-mhealth", importer.format());
        assertEquals(Importer.Positions.ITEM, importer.positions());
    }

    @Test
    void readsASingleDataPointAsItemOne() {
        Reading reading = only(heartRate(72));
        assertEquals(new Reading(Metric.HEART_RATE, AT_INSTANT, AT_INSTANT, 7200, 72, "", "Withings", 1), reading);
    }

    @Test
    void readsAnArrayOfDataPointsCountingThemAndWhatItSkipsOrRejects() {
        String json = "[" + String.join(",", heartRate(61),
                point("rr-interval", "1.0", "{\"rr_interval\":{\"value\":800,\"unit\":\"ms\"}," + AT + "}"),
                point("blood-pressure", "4.0",
                        "{\"systolic_blood_pressure\":{\"value\":120,\"unit\":\"mmHg\"}," + AT + "}"),
                point("step-count", "2.0", "{\"step_count\":4200," + DAY + "}"), "42",
                point("body-height", "1.0", "{\"body_height\":{\"value\":180,\"unit\":\"cm\"}}"),
                point("acme", "heart-rate", "2.0", "{}"), heartRate(64)) + "]";
        RecordingSink sink = read(json);
        assertEquals(List.of(1L, 4L, 8L), sink.readings.stream().map(Reading::position).toList());
        assertEquals(List.of(Metric.HEART_RATE, Metric.STEPS, Metric.HEART_RATE),
                sink.readings.stream().map(Reading::metric).toList());
        assertEquals(4200, sink.readings.get(1).value());
        assertEquals(Instant.parse("2024-04-30T22:00:00Z"), sink.readings.get(1).start());
        assertEquals(Instant.parse("2024-05-01T22:00:00Z"), sink.readings.get(1).end());
        assertEquals(List.of(new RecordingSink.Rejected(3, Rejection.MISSING_FIELD, "no diastolic_blood_pressure"),
                new RecordingSink.Rejected(5, Rejection.INVALID_FIELD, "not a data point object")), sink.rejected);
        assertEquals(List.of("omh:rr-interval", "omh:body-height", "acme:heart-rate"), sink.skipped);
    }

    @Test
    void readsBloodPressureAsTwoReadingsOrNone() {
        RecordingSink sink = read(point("blood-pressure", "3.1",
                "{\"systolic_blood_pressure\":{\"value\":128,\"unit\":\"mmHg\"},"
                        + "\"diastolic_blood_pressure\":{\"value\":84,\"unit\":\"mmHg\"},\"body_posture\":\"sitting\","
                        + AT + "}"));
        assertEquals(List.of(new Reading(Metric.SYSTOLIC, AT_INSTANT, AT_INSTANT, 7200, 128, "", "Withings", 1),
                new Reading(Metric.DIASTOLIC, AT_INSTANT, AT_INSTANT, 7200, 84, "", "Withings", 1)), sink.readings);
        assertEquals(Rejection.UNKNOWN_UNIT, rejection(point("blood-pressure", "3.1",
                "{\"systolic_blood_pressure\":{\"value\":128,\"unit\":\"mmHg\"},"
                        + "\"diastolic_blood_pressure\":{\"value\":11,\"unit\":\"kPa\"}," + AT + "}")));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {4} {5}")
    @CsvSource(delimiter = '|', value = {
            // schema | version | body | metric | stored value
            "body-weight | 2.0 | {\"body_weight\":{\"value\":150,\"unit\":\"lb\"},@AT} | WEIGHT | 68.0388555",
            "body-weight | 2.0 | {\"body_weight\":{\"value\":16,\"unit\":\"oz\"},@AT} | WEIGHT | 0.45359237",
            "body-weight | 2.0 | {\"body_weight\":{\"value\":72400,\"unit\":\"g\"},@AT} | WEIGHT | 72.4",
            "blood-glucose | 3.0 | {\"blood_glucose\":{\"value\":5.5,\"unit\":\"mmol/L\"},@AT} | GLUCOSE | 99.088",
            "blood-glucose | 3.0 | {\"blood_glucose\":{\"value\":99,\"unit\":\"mg/dL\"},@AT} | GLUCOSE | 99",
            "body-temperature | 3.0 | {\"body_temperature\":{\"value\":98.6,\"unit\":\"F\"},@AT} | BODY_TEMPERATURE | 37",
            "body-temperature | 3.0 | {\"body_temperature\":{\"value\":310.15,\"unit\":\"K\"},@AT} | BODY_TEMPERATURE | 37",
            "calories-burned | 2.0 | {\"kcal_burned\":{\"value\":250,\"unit\":\"kcal\"},@DAY} | ACTIVE_ENERGY | 250",
            "total-sleep-time | 1.0 | {\"total_sleep_time\":{\"value\":7.5,\"unit\":\"h\"},@NIGHT} | SLEEP | 450",
            "sleep-duration | 2.0 | {\"sleep_duration\":{\"value\":27000,\"unit\":\"sec\"},@NIGHT} | SLEEP | 450",
            "physical-activity | 1.0 | {\"activity_name\":\"run\",\"distance\":{\"value\":2,\"unit\":\"mi\"},@DAY} | DISTANCE | 3218.688",
            "physical-activity | 1.0 | {\"activity_name\":\"run\",\"distance\":{\"value\":1200,\"unit\":\"yd\"},@DAY} | DISTANCE | 1097.28",
            "body-mass-index | 3.0 | {\"body_mass_index\":{\"value\":22.5,\"unit\":\"kg/m^2\"},@AT} | BODY_MASS_INDEX | 22.5",
            "oxygen-saturation | 2.0 | {\"oxygen_saturation\":{\"value\":97,\"unit\":\"%\"},@AT} | OXYGEN_SATURATION | 97",
            "respiratory-rate | 2.0 | {\"respiratory_rate\":{\"value\":14,\"unit\":\"breaths/min\"},@AT} | RESPIRATORY_RATE | 14"})
    void convertsToTheStoredUnit(String name, String version, String body, Metric metric, double stored) {
        Reading reading = only(point(name, version,
                body.replace("@AT", AT).replace("@DAY", DAY).replace("@NIGHT", NIGHT)));
        assertEquals(metric, reading.metric());
        assertEquals(stored, reading.value(), 1e-9);
        assertEquals(metric == Metric.SLEEP ? "ASLEEP" : "", reading.stage());
    }

    /** Open mHealth writes energy in kcal only; kilojoules, though convertible, are not its unit. */
    @Test
    void rejectsUnitsItsSchemaDoesNotAllow() {
        assertEquals(Rejection.UNKNOWN_UNIT, rejection(
                point("calories-burned", "2.0", "{\"kcal_burned\":{\"value\":1000,\"unit\":\"kJ\"}," + DAY + "}")));
        assertEquals(Rejection.UNKNOWN_UNIT, rejection(
                point("body-weight", "2.0", "{\"body_weight\":{\"value\":11,\"unit\":\"st\"}," + AT + "}")));
        assertEquals(Rejection.UNKNOWN_UNIT, rejection(
                point("total-sleep-time", "1.0",
                        "{\"total_sleep_time\":{\"value\":27000,\"unit\":\"s\"}," + NIGHT + "}")));
        assertEquals(Rejection.UNKNOWN_UNIT, rejection(
                point("heart-rate", "2.0", "{\"heart_rate\":{\"value\":60,\"unit\":\"bpm\"}," + AT + "}")));
    }

    @Test
    void readsIeeeDataPoints() {
        Reading rate = only(ieeePoint("heart-rate", "1.0",
                "{\"heart_rate\":{\"value\":58,\"unit\":\"beats/min\"},"
                        + "\"effective_time_frame\":{\"date_time\":\"2024-05-01T07:30:00-07:00\"}}"));
        assertEquals(new Reading(Metric.HEART_RATE, Instant.parse("2024-05-01T14:30:00Z"),
                Instant.parse("2024-05-01T14:30:00Z"), -7 * 3600, 58, "", "Open mHealth", 1), rate);

        RecordingSink activity = read(ieeePoint("physical-activity", "1.0",
                "{\"activity_name\":\"walking\",\"base_movement_quantity\":{\"value\":8000,\"unit\":\"steps\"},"
                        + "\"distance\":{\"value\":5,\"unit\":\"km\"},\"kcal_burned\":{\"value\":300,\"unit\":\"kcal\"},"
                        + DAY + "}"));
        assertEquals(List.of(Metric.DISTANCE, Metric.ACTIVE_ENERGY, Metric.STEPS),
                activity.readings.stream().map(Reading::metric).toList());
        assertEquals(List.of(5000.0, 300.0, 8000.0), activity.readings.stream().map(Reading::value).toList());

        Reading sleep = only(ieeePoint("total-sleep-time", "1.0",
                "{\"total_sleep_time\":{\"value\":27000,\"unit\":\"sec\"}," + NIGHT + "}"));
        assertEquals(450, sleep.value());
        assertEquals("ASLEEP", sleep.stage());

        Reading episode = only(ieeePoint("sleep-episode", "1.0",
                "{\"total_sleep_time\":{\"value\":420,\"unit\":\"min\"},"
                        + "\"sleep_efficiency_percentage\":{\"value\":92.5,\"unit\":\"%\"},\"is_main_sleep\":true,"
                        + NIGHT + "}"));
        assertEquals(420, episode.value());
        assertEquals(Instant.parse("2024-04-30T21:00:00Z"), episode.start());
        assertEquals(Instant.parse("2024-05-01T05:00:00Z"), episode.end());
    }

    @Test
    void holdsIeeeDataPointsToTheIeeeRules() {
        assertEquals(Rejection.INVALID_FIELD, rejection(ieeePoint("heart-rate", "1.0",
                "{\"heart_rate\":{\"value\":58,\"unit\":\"beats/min\"},\"effective_time_frame\":"
                        + "{\"time_interval\":{\"date\":\"2024-05-01\",\"part_of_day\":\"morning\"}}}")));
        assertEquals(Rejection.INVALID_FIELD, rejection(ieeePoint("physical-activity", "1.0",
                "{\"activity_name\":\"walking\",\"distance\":{\"value\":5,\"unit\":\"km\"}," + AT + "}")));
        assertEquals(Rejection.INVALID_FIELD, rejection(ieeePoint("heart-rate", "2.0",
                "{\"heart_rate\":{\"value\":58,\"unit\":\"beats/min\"}," + AT + "}")));
        assertEquals(Rejection.MISSING_FIELD, rejection(ieeePoint("heart-rate", "1.0",
                "{\"heart_rate\":{\"value\":58,\"unit\":\"beats/min\"}," + AT + "}")
                .replace("\"source_creation_date_time\":\"2024-05-02T10:00:00+02:00\",", "")));
        RecordingSink laps = read(ieeePoint("physical-activity", "1.0",
                "{\"activity_name\":\"swimming\",\"base_movement_quantity\":{\"value\":40,\"unit\":\"laps\"}," + DAY
                        + "}"));
        assertEquals(List.of("ieee:physical-activity"), laps.skipped);
        assertEquals(List.of("ieee:time-in-bed"), read(ieeePoint("time-in-bed", "1.0", "{}")).skipped);
    }

    @Test
    void readsMinorVersionsAlikeAndRejectsUnknownMajorVersions() {
        assertEquals(70, only(heartRate(70).replace("\"version\":\"2.0\"", "\"version\":\"2.3\"")).value());
        assertEquals(Rejection.INVALID_FIELD,
                rejection(heartRate(70).replace("\"version\":\"2.0\"", "\"version\":\"3.0\"")));
        assertEquals(Rejection.INVALID_FIELD,
                rejection(heartRate(70).replace("\"version\":\"2.0\"", "\"version\":\"two\"")));
        assertEquals(Rejection.INVALID_FIELD,
                rejection(heartRate(70).replace("\"version\":\"2.0\"", "\"version\":2.0")));
    }

    @Test
    void keepsTheOffsetWrittenInTheDateTime() {
        Reading reading = only(point("body-weight", "2.0", "{\"body_weight\":{\"value\":70,\"unit\":\"kg\"},"
                + "\"effective_time_frame\":{\"date_time\":\"2020-02-05T07:25:00.5-08:00\"}}"));
        assertEquals(Instant.parse("2020-02-05T15:25:00.5Z"), reading.start());
        assertEquals(-8 * 3600, reading.utcOffsetSeconds());
    }

    @Test
    void resolvesAPartOfTheDayInThePersonsZone() {
        String night = "{\"heart_rate\":{\"value\":55,\"unit\":\"beats/min\"},\"effective_time_frame\":{\"time_interval\":"
                + "{\"date\":\"2024-07-05\",\"part_of_day\":\"night\"}}}";
        Reading reading = only(point("heart-rate", "1.0", night));
        assertEquals(Instant.parse("2024-07-05T20:00:00Z"), reading.start());
        assertEquals(Instant.parse("2024-07-06T04:00:00Z"), reading.end());
        assertEquals(2 * 3600, reading.utcOffsetSeconds());
        Reading afternoon = only(point("heart-rate", "1.0", night.replace("2024-07-05", "2024-01-05")
                .replace("night", "afternoon")));
        assertEquals(Instant.parse("2024-01-05T11:00:00Z"), afternoon.start());
        assertEquals(Instant.parse("2024-01-05T17:00:00Z"), afternoon.end());
        assertEquals(3600, afternoon.utcOffsetSeconds());
    }

    @Test
    void readsAnIntervalFromAStartAndADuration() {
        Reading reading = only(point("step-count", "2.0", "{\"step_count\":52000,\"effective_time_frame\":"
                + "{\"time_interval\":{\"start_date_time\":\"2024-04-29T00:00:00+02:00\","
                + "\"duration\":{\"value\":1,\"unit\":\"wk\"}}},\"descriptive_statistic\":\"sum\"}"));
        assertEquals(Instant.parse("2024-04-28T22:00:00Z"), reading.start());
        assertEquals(Instant.parse("2024-05-05T22:00:00Z"), reading.end());
        assertEquals(52000, reading.value());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"date_time\":\"2024-05-01T07:30:00\"} | BAD_TIME",
            "{\"date_time\":\"2024-02-30T07:30:00Z\"} | BAD_TIME",
            "{\"date_time\":\"2024-05-01 07:30:00Z\"} | BAD_TIME",
            "{\"date_time\":1714541400} | BAD_TIME",
            "{\"time_interval\":{\"start_date_time\":\"2024-05-01T07:30:00Z\",\"duration\":{\"value\":-5,\"unit\":\"min\"}}} | BAD_INTERVAL",
            "{\"time_interval\":{\"start_date_time\":\"2024-05-01T07:30:00Z\",\"duration\":{\"value\":1e9,\"unit\":\"yr\"}}} | BAD_INTERVAL",
            "{\"time_interval\":{\"start_date_time\":\"2024-05-01T07:30:00Z\",\"end_date_time\":\"2024-05-01T07:00:00Z\"}} | BAD_INTERVAL",
            "{\"time_interval\":{\"start_date_time\":\"2024-05-01T07:30:00Z\",\"end_date_time\":\"2024-05-01T08:00:00Z\",\"duration\":{\"value\":30,\"unit\":\"min\"}}} | INVALID_FIELD",
            "{\"time_interval\":{\"date\":\"2024-5-1\",\"part_of_day\":\"morning\"}} | BAD_TIME",
            "\"2024-05-01T07:30:00Z\" | INVALID_FIELD"})
    void rejectsTimesItCannotRead(String frame, Rejection reason) {
        assertEquals(reason, rejection(point("heart-rate", "2.0",
                "{\"heart_rate\":{\"value\":60,\"unit\":\"beats/min\"},\"effective_time_frame\":" + frame + "}")));
    }

    @Test
    void datesABodyWithoutTimeFrameByItsHeader() {
        String body = "{\"heart_rate\":{\"value\":60,\"unit\":\"beats/min\"}}";
        assertEquals(Instant.parse("2024-05-02T08:00:00Z"), only(point("heart-rate", "1.0", body)).start());
        String fromSource = point("heart-rate", "1.0", body).replace("\"modality\"",
                "\"source_creation_date_time\":\"2024-05-01T21:15:00-04:00\",\"modality\"");
        Reading reading = only(fromSource);
        assertEquals(Instant.parse("2024-05-02T01:15:00Z"), reading.start());
        assertEquals(-4 * 3600, reading.utcOffsetSeconds());
    }

    @Test
    void importsStatisticsThatAreValuesOfTheMeasureAndSkipsTheOthers() {
        String minimum = "{\"heart_rate\":{\"value\":48,\"unit\":\"beats/min\"},\"descriptive_statistic\":\"minimum\","
                + DAY + "}";
        Reading lowest = only(point("heart-rate", "2.0", minimum));
        assertEquals(48, lowest.value());
        assertTrue(lowest.end().isAfter(lowest.start()));
        assertEquals(List.of("omh:heart-rate/standard deviation"), read(point("heart-rate", "2.0",
                minimum.replace("minimum", "standard deviation"))).skipped);
        assertEquals(List.of("omh:heart-rate/count"), read(point("heart-rate", "2.0",
                minimum.replace("minimum", "count"))).skipped);
        assertEquals(List.of("omh:step-count/average"), read(point("step-count", "3.0",
                "{\"step_count\":{\"value\":9000,\"unit\":\"steps\"},\"descriptive_statistic\":\"average\","
                        + "\"descriptive_statistic_denominator\":\"d\"," + DAY + "}")).skipped);
    }

    @Test
    void skipsASleepEpisodeThatDoesNotSayHowLongWasSlept() {
        RecordingSink sink = read(point("sleep-episode", "1.1", "{\"is_main_sleep\":true," + NIGHT + "}"));
        assertEquals(List.of("omh:sleep-episode"), sink.skipped);
        assertEquals(List.of(), sink.readings);
        assertEquals(Rejection.INVALID_FIELD, rejection(point("sleep-episode", "1.1",
                "{\"number_of_awakenings\":\"two\",\"total_sleep_time\":{\"value\":7,\"unit\":\"h\"}," + NIGHT + "}")));
    }

    @Test
    void fallsBackToAFixedSourceAndCutsLongOnes() {
        String rate = heartRate(60);
        assertEquals("Open mHealth", only(rate.replace("\"Withings\"", "\"  \"")).source());
        assertEquals("Open mHealth", only(rate.replace(
                ",\"acquisition_provenance\":{\"source_name\":\"Withings\",\"modality\":\"sensed\"}", "")).source());
        assertEquals("W".repeat(100), only(rate.replace("Withings", "W".repeat(300))).source());
        assertEquals(Rejection.MISSING_FIELD, rejection(rate.replace("\"source_name\":\"Withings\",", "")));
    }

    @Test
    void rejectsValuesThatAreNotNumbers() {
        assertEquals(Rejection.INVALID_FIELD, rejection(heartRate(60).replace("\"value\":60.0", "\"value\":\"60\"")));
        assertEquals(Rejection.INVALID_FIELD, rejection(heartRate(60).replace("\"value\":60.0", "\"value\":null")));
        assertEquals(Rejection.INVALID_FIELD, rejection(heartRate(60).replace("\"value\":60.0", "\"value\":1e999")));
        assertEquals(Rejection.INVALID_FIELD, rejection(point("heart-rate", "2.0",
                "[{\"heart_rate\":{\"value\":60,\"unit\":\"beats/min\"}," + AT + "}]")));
    }

    @Test
    void refusesFilesItCannotReadAtAll() {
        assertEquals(Problem.EMPTY, problem(""));
        assertEquals(Problem.EMPTY, problem("  \n"));
        assertEquals(Problem.EMPTY, problem("[]"));
        assertEquals(Problem.UNSUPPORTED_FORMAT, problem("42"));
        assertEquals(Problem.UNSUPPORTED_FORMAT, problem("\"header\""));
        assertEquals(Problem.MALFORMED, problem(heartRate(60) + heartRate(61)));
        assertEquals(Problem.MALFORMED, problem("[" + heartRate(60) + "] x"));
        assertEquals(Problem.MALFORMED, problem(heartRate(60).replace("\"id\":", "\"id\":\"a\",\"id\":")));
        assertEquals(Problem.MALFORMED, problem("[" + heartRate(60) + ",NaN]"));
    }

    @Test
    void refusesHostileInput() {
        String deep = point("heart-rate", "2.0", "{\"extra\":" + "[".repeat(100) + "]".repeat(100) + "}");
        assertEquals(Problem.TOO_DEEP, problem(deep));
        String whole = "[" + heartRate(60) + "," + heartRate(61) + "]";
        assertEquals(Problem.TRUNCATED, problem(whole.substring(0, whole.length() - 30)));
        assertEquals(Problem.TRUNCATED, problem("[" + heartRate(60) + ","));
        assertEquals(Problem.NOT_UTF8, problem(heartRate(60).replace("Withings", "Zürich").getBytes(
                StandardCharsets.ISO_8859_1)));
        assertEquals(Problem.NOT_UTF8, problem(heartRate(60).getBytes(StandardCharsets.UTF_16)));
        assertEquals(Problem.MALFORMED, problem(point("heart-rate", "2.0",
                "{\"user_notes\":\"" + "x".repeat(2 << 20) + "\"}")));
    }

    @Test
    void rejectsADataPointFarLargerThanAnyRealOneAndReadsOn() {
        String[] numbers = new String[BoundedTree.MAX_NODES + 1];
        Arrays.fill(numbers, "1");
        String huge = point("heart-rate", "2.0", "{\"extra\":[" + String.join(",", numbers) + "]}");
        RecordingSink sink = read("[" + huge + "," + heartRate(66) + "]");
        assertEquals(
                List.of(new RecordingSink.Rejected(1, Rejection.INVALID_FIELD, "data point larger than any real one")),
                sink.rejected);
        assertEquals(1, sink.readings.size());
        assertEquals(2, sink.readings.get(0).position());
    }

    @Test
    void readsTheFilesItIsFor() {
        assertTrue(reads("points.json", heartRate(60)));
        assertTrue(reads("export/omh.json", "\uFEFF\n  [" + heartRate(60) + "]"));
        assertTrue(reads("data", ieeePoint("physical-activity", "1.0", "{}")));
    }

    @Test
    void leavesOtherFormatsAlone() {
        assertFalse(reads("observation.json", "{\"resourceType\":\"Observation\",\"header\":{},\"schema_id\":{}}"));
        assertFalse(reads("export.xml", "<?xml version=\"1.0\"?><HealthData locale=\"en\"><header/></HealthData>"));
        assertFalse(
                reads("heart_rate-2024-05-01.json", "[{\"dateTime\":\"05/01/24 00:00:05\",\"value\":{\"bpm\":61}}]"));
        assertFalse(reads("other.json", "{\"header\":{\"title\":\"report\"},\"rows\":[]}"));
        assertFalse(reads("empty.json", ""));
    }

    private boolean reads(String name, String head) {
        byte[] bytes = head.getBytes(StandardCharsets.UTF_8);
        return importer.reads(name, Arrays.copyOf(bytes, Math.min(bytes.length, Importer.HEAD_BYTES)));
    }
}
