package app.wellkeep.ingest.googlefit;

import static app.wellkeep.ingest.WearableFixtures.BERLIN;
import static app.wellkeep.ingest.WearableFixtures.assertReading;
import static app.wellkeep.ingest.WearableFixtures.bytes;
import static app.wellkeep.ingest.WearableFixtures.problem;
import static app.wellkeep.ingest.WearableFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.JsonEntries;
import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.WearableFixtures;
import app.wellkeep.vitals.Metric;

class GoogleFitDataPointsImporterTest {

    private static final String ALL_DATA = "googlefit/Takeout/Fit/All Data/";
    private static final String NAME = "Takeout/Fit/All Data/derived_com.google.step_count.delta_x.json";

    private final GoogleFitDataPointsImporter importer = new GoogleFitDataPointsImporter();

    private RecordingSink fixture(String file) {
        return read(importer, ALL_DATA + file, BERLIN);
    }

    @Test
    void readsTheMergedStepsAtTheZonesOffsetOfEachStart() {
        RecordingSink sink = fixture(
                "derived_com.google.step_count.delta_com.google.android.gms_merge_step_deltas.json");
        assertEquals(3, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-01-15T07:00:00Z", "2024-01-15T07:10:00Z", 3600, 412, "",
                "Google Fit", 1);
        assertReading(sink.readings.get(1), Metric.STEPS, "2024-01-15T07:10:00Z", "2024-01-15T07:25:30Z", 3600, 1033,
                "",
                "Google Fit", 2);
        assertReading(sink.readings.get(2), Metric.STEPS, "2024-07-01T16:00:00Z", "2024-07-01T16:05:00Z", 7200, 287, "",
                "Google Fit", 3);
        assertTrue(sink.rejected.isEmpty());
        assertTrue(sink.skipped.isEmpty());
        assertEquals(Importer.Positions.ITEM, importer.positions());
    }

    @Test
    void givesAnotherStreamOfTheSameStepsItsOwnSource() {
        RecordingSink sink = fixture("derived_com.google.step_count.delta_com.google.android.gms_estimated_steps.json");
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-01-15T07:00:00Z", "2024-01-15T07:10:00Z", 3600, 420, "",
                "Google Fit estimated_steps", 1);
    }

    @Test
    void readsDistanceAndHeartRate() {
        RecordingSink distance = fixture(
                "derived_com.google.distance.delta_com.google.android.gms_merge_distance_delta.json");
        assertEquals(1, distance.readings.size());
        assertReading(distance.readings.get(0), Metric.DISTANCE, "2024-01-15T07:00:00Z", "2024-01-15T07:10:00Z", 3600,
                301.52734375, "", "Google Fit", 1);

        RecordingSink heart = fixture(
                "derived_com.google.heart_rate.bpm_com.google.android.gms_merge_heart_rate_bpm.json");
        assertEquals(2, heart.readings.size());
        assertReading(heart.readings.get(0), Metric.HEART_RATE, "2024-01-15T07:04:11Z", "2024-01-15T07:04:11Z", 3600,
                72, "", "Google Fit", 1);
        assertReading(heart.readings.get(1), Metric.HEART_RATE, "2024-01-15T07:05:11Z", "2024-01-15T07:05:11Z", 3600,
                88.5, "", "Google Fit", 2);
    }

    @Test
    void namesARawStreamAfterItsDeviceOrApp() {
        RecordingSink weight = fixture("raw_com.google.weight_com.google.android.apps.fitness_user_input.json");
        assertEquals(1, weight.readings.size());
        assertReading(weight.readings.get(0), Metric.WEIGHT, "2024-01-15T06:30:00Z", "2024-01-15T06:30:00Z", 3600,
                71.4000015258789, "", "samsung SM-G991B", 1);

        RecordingSink pressure = fixture("raw_com.google.blood_pressure_com.omronhealthcare.omronconnect.json");
        assertEquals(2, pressure.readings.size());
        assertReading(pressure.readings.get(0), Metric.SYSTOLIC, "2024-01-15T18:02:00Z", "2024-01-15T18:02:00Z", 3600,
                128, "", "OMRON HEM-7361T", 1);
        assertReading(pressure.readings.get(1), Metric.DIASTOLIC, "2024-01-15T18:02:00Z", "2024-01-15T18:02:00Z", 3600,
                82, "", "OMRON HEM-7361T", 1);
    }

    @Test
    void convertsGlucoseFromMillimolesAndReadsOxygenAndTemperature() {
        RecordingSink glucose = fixture("raw_com.google.blood_glucose_com.google.android.apps.fitness_user_input.json");
        assertEquals(1, glucose.readings.size());
        assertReading(glucose.readings.get(0), Metric.GLUCOSE, "2024-01-15T06:45:00Z", "2024-01-15T06:45:00Z", 3600,
                5.4 * 18.016, "", "Google Fit app", 1);

        RecordingSink oxygen = fixture("derived_com.google.oxygen_saturation_com.google.android.gms_merged.json");
        assertReading(oxygen.readings.get(0), Metric.OXYGEN_SATURATION, "2024-01-15T03:00:00Z", "2024-01-15T03:00:00Z",
                3600, 96, "", "Google Fit", 1);

        RecordingSink temperature = fixture(
                "raw_com.google.body.temperature_com.google.android.apps.fitness_user_input.json");
        assertReading(temperature.readings.get(0), Metric.BODY_TEMPERATURE, "2024-01-15T21:00:00Z",
                "2024-01-15T21:00:00Z", 3600, 37.2, "", "Google Fit app", 1);
    }

    @Test
    void readsSleepSegmentsByStageAndSkipsOutOfBed() {
        RecordingSink sink = fixture("derived_com.google.sleep.segment_com.google.android.gms_merged.json");
        assertEquals(5, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.SLEEP, "2024-01-14T22:10:00Z", "2024-01-14T22:40:00Z", 3600, 30,
                "CORE", "Google Fit", 1);
        assertReading(sink.readings.get(1), Metric.SLEEP, "2024-01-14T22:40:00Z", "2024-01-14T23:55:00Z", 3600, 75,
                "DEEP", "Google Fit", 2);
        assertReading(sink.readings.get(2), Metric.SLEEP, "2024-01-14T23:55:00Z", "2024-01-15T00:20:00Z", 3600, 25,
                "REM", "Google Fit", 3);
        assertReading(sink.readings.get(3), Metric.SLEEP, "2024-01-15T00:20:00Z", "2024-01-15T00:24:00Z", 3600, 4,
                "AWAKE", "Google Fit", 4);
        assertReading(sink.readings.get(4), Metric.SLEEP, "2024-01-15T00:24:00Z", "2024-01-15T05:30:00Z", 3600, 306,
                "ASLEEP", "Google Fit", 5);
        assertEquals(Map.of("com.google.sleep.segment out of bed", 1), sink.skippedCounts());
    }

    @Test
    void skipsTotalCaloriesByType() {
        RecordingSink sink = fixture(
                "derived_com.google.calories.expended_com.google.android.gms_merge_calories_expended.json");
        assertTrue(sink.readings.isEmpty());
        assertTrue(sink.rejected.isEmpty());
        assertEquals(Map.of("com.google.calories.expended", 2), sink.skippedCounts());
    }

    @Test
    void readsBodyFatAtTheEndOfThePoint() {
        RecordingSink sink = read(importer, "Takeout/Fit/All Data/raw_com.google.body.fat.percentage_x.json", """
                {"Data Source": "raw:com.google.body.fat.percentage:com.withings.wiscale2:Withings:Body+:7f3e:",
                 "Data Points": [{"fitValue": [{"value": {"fpVal": 23.5}}], "endTimeNanos": 1705302000000000000,
                   "dataTypeName": "com.google.body.fat.percentage", "startTimeNanos": 1705301000000000000}]}
                """, BERLIN);
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.BODY_FAT, "2024-01-15T07:00:00Z", "2024-01-15T07:00:00Z", 3600, 23.5,
                "", "Withings Body+", 1);
    }

    @Test
    void readsTimesWrittenAsStringsAsTheRestApiDoes() {
        RecordingSink sink = read(importer, NAME, """
                {"Data Points": [{"dataTypeName": "com.google.step_count.delta",
                  "startTimeNanos": "1705302000000000000", "endTimeNanos": "1705302600123456789",
                  "fitValue": [{"value": {"intVal": 12}}]}],
                 "Data Source": "derived:com.google.step_count.delta:com.google.android.gms:merge_step_deltas"}
                """, BERLIN);
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-01-15T07:00:00Z", "2024-01-15T07:10:00.123456789Z",
                3600, 12, "", "Google Fit", 1);
    }

    @Test
    void rejectsPointsItCannotReadAndReadsTheRest() {
        RecordingSink sink = read(importer, NAME, """
                {"Data Source": "derived:com.google.step_count.delta:com.google.android.gms:merge_step_deltas",
                 "Data Points": [
                  {"startTimeNanos": 1705302000000000000, "endTimeNanos": 1705302600000000000,
                   "fitValue": [{"value": {"intVal": 1}}]},
                  {"dataTypeName": "com.google.step_count.delta", "startTimeNanos": "soon",
                   "endTimeNanos": 1705302600000000000, "fitValue": [{"value": {"intVal": 2}}]},
                  {"dataTypeName": "com.google.step_count.delta", "startTimeNanos": 1705302600000000000,
                   "endTimeNanos": 1705302000000000000, "fitValue": [{"value": {"intVal": 3}}]},
                  {"dataTypeName": "com.google.step_count.delta", "startTimeNanos": 1705302000000000000,
                   "endTimeNanos": 1705302600000000000, "fitValue": []},
                  {"dataTypeName": "com.google.weight", "endTimeNanos": 1705302000000000000,
                   "fitValue": [{"value": {"fpVal": "heavy"}}]},
                  {"dataTypeName": "com.google.sleep.segment", "startTimeNanos": 1705302000000000000,
                   "endTimeNanos": 1705302600000000000, "fitValue": [{"value": {"intVal": 9}}]},
                  {"dataTypeName": "com.google.step_count.delta", "startTimeNanos": 1705302000000000000,
                   "fitValue": [{"value": {"intVal": 4}}]},
                  {"dataTypeName": "com.google.blood_pressure", "endTimeNanos": 1705302000000000000,
                   "fitValue": [{"value": {"fpVal": 120.0}}]},
                  "a point",
                  {"dataTypeName": "com.google.step_count.delta", "startTimeNanos": -5,
                   "endTimeNanos": 1705302600000000000, "fitValue": [{"value": {"intVal": 5}}]},
                  {"dataTypeName": "com.google.activity.segment", "startTimeNanos": 1705302000000000000,
                   "endTimeNanos": 1705302600000000000, "fitValue": [{"value": {"intVal": 7}}]},
                  {"dataTypeName": "com.google.step_count.delta", "startTimeNanos": 1705302000000000000,
                   "endTimeNanos": 1705302600000000000, "fitValue": [{"value": {"intVal": 6}}]}
                ]}
                """, BERLIN);
        assertEquals(List.of(Rejection.MISSING_FIELD, Rejection.BAD_TIME, Rejection.BAD_INTERVAL,
                Rejection.MISSING_FIELD, Rejection.INVALID_FIELD, Rejection.INVALID_FIELD, Rejection.MISSING_FIELD,
                Rejection.MISSING_FIELD, Rejection.INVALID_FIELD, Rejection.BAD_TIME), sink.reasons());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L),
                sink.rejected.stream().map(RecordingSink.Rejected::position).toList());
        assertEquals(Map.of("com.google.activity.segment", 1), sink.skippedCounts());
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-01-15T07:00:00Z", "2024-01-15T07:10:00Z", 3600, 6, "",
                "Google Fit", 12);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "derived:com.google.step_count.delta:com.google.android.gms:merge_step_deltas | Google Fit",
            "derived:com.google.heart_rate.bpm:com.google.android.gms:merge_heart_rate_bpm | Google Fit",
            "derived:com.google.step_count.delta:com.google.android.gms:estimated_steps | Google Fit estimated_steps",
            "raw:com.google.weight:com.google.android.apps.fitness:samsung:SM-N9005:d24315b1:user_input | samsung SM-N9005",
            "raw:com.google.heart_rate.bpm:com.mc.miband1 | com.mc.miband1",
            "raw:com.google.weight:com.google.android.apps.fitness:user_input | Google Fit app",
            "raw:com.google.weight | Google Fit", "'' | Google Fit"})
    void namesTheSourceAfterTheStream(String id, String source) {
        assertEquals(source, GoogleFitDataPointsImporter.sourceOf(id));
    }

    @Test
    void refusesFilesItCannotRead() {
        byte[] fixture = bytes(ALL_DATA
                + "derived_com.google.step_count.delta_com.google.android.gms_merge_step_deltas.json");
        assertEquals(Problem.TRUNCATED, problem(importer, NAME, Arrays.copyOf(fixture, fixture.length / 2)));
        assertEquals(Problem.TRUNCATED, problem(importer, NAME, "{\"Data Points\": [{\"dataTypeName\": \"x\"}"));
        assertEquals(Problem.TRUNCATED, problem(importer, NAME, "{\"Data Points\": [{\"dataTypeName\": \"x\", "));
        assertEquals(Problem.NOT_UTF8, problem(importer, NAME,
                "{\"Data Source\": \"caf\u00e9\", \"Data Points\": []}".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Problem.NOT_UTF8, problem(importer, NAME,
                "{\"Data Points\": []}".getBytes(StandardCharsets.UTF_16)));
        assertEquals(Problem.MALFORMED, problem(importer, NAME, "{Data Points: []}"));
        assertEquals(Problem.MALFORMED, problem(importer, NAME, "{\"Data Points\": []} {\"Data Points\": []}"));
        assertEquals(Problem.MALFORMED, problem(importer, NAME, "{\"Data Points\": [], \"Data Points\": []}"));
        assertEquals(Problem.EMPTY, problem(importer, NAME, ""));
        assertEquals(Problem.UNSUPPORTED_FORMAT, problem(importer, NAME, "[{\"dataTypeName\": \"x\"}]"));
        assertEquals(Problem.UNSUPPORTED_FORMAT, problem(importer, NAME, "{\"Data Points\": {}}"));
        String deep = "[".repeat(100) + "]".repeat(100);
        assertEquals(Problem.TOO_DEEP, problem(importer, NAME, "{\"Data Points\": [{\"fitValue\": " + deep + "}]}"));
        assertEquals(Problem.TOO_DEEP, problem(importer, NAME, "{\"Other\": " + deep + "}"));
        assertEquals(Problem.MALFORMED, problem(importer, NAME, "{\"Data Points\": [{\"fitValue\": ["
                + "{},".repeat(JsonEntries.MAX_ENTRY_BYTES) + "{}]}]}"));
    }

    @Test
    void readsOnlyGoogleFitDataStreams() {
        assertTrue(importer.reads("Takeout/Fit/Todos os dados/raw_com.google.weight_x.json",
                "{\n  \"Data Source\": \"raw:com.google.weight\"".getBytes(StandardCharsets.UTF_8)));
        assertTrue(!importer.reads("Takeout/Fit/All Sessions/2024-01-15T07_00_00Z_WALKING.json",
                "{\"fitnessActivity\": \"walking\", \"startTime\": \"2024-01-15T07:00:00Z\"}"
                        .getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
