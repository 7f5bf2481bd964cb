package app.wellkeep.ingest.googlefit;

import static app.wellkeep.ingest.WearableFixtures.BERLIN;
import static app.wellkeep.ingest.WearableFixtures.assertReading;
import static app.wellkeep.ingest.WearableFixtures.problem;
import static app.wellkeep.ingest.WearableFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.WearableFixtures;
import app.wellkeep.vitals.Metric;

class GoogleFitDailySummaryImporterTest {

    private static final String FIXTURE = "googlefit/Takeout/Fit/Daily activity metrics/Daily activity metrics.csv";
    private static final String NAME = "Takeout/Fit/Daily activity metrics/Daily activity metrics.csv";
    private static final String SOURCE = "Google Fit daily summary";

    private final GoogleFitDailySummaryImporter importer = new GoogleFitDailySummaryImporter();

    @Test
    void readsStepsDistanceAndWeightOverEachLocalDay() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        assertEquals(7, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.DISTANCE, "2024-01-13T23:00:00Z", "2024-01-14T23:00:00Z", 3600,
                1204.6, "", SOURCE, 2);
        assertReading(sink.readings.get(1), Metric.STEPS, "2024-01-13T23:00:00Z", "2024-01-14T23:00:00Z", 3600, 1712,
                "", SOURCE, 2);
        assertReading(sink.readings.get(2), Metric.DISTANCE, "2024-01-14T23:00:00Z", "2024-01-15T23:00:00Z", 3600,
                6120.34, "", SOURCE, 3);
        assertReading(sink.readings.get(3), Metric.STEPS, "2024-01-14T23:00:00Z", "2024-01-15T23:00:00Z", 3600, 8421,
                "", SOURCE, 3);
        assertReading(sink.readings.get(4), Metric.WEIGHT, "2024-01-14T23:00:00Z", "2024-01-15T23:00:00Z", 3600,
                71.4000015258789, "", SOURCE, 3);
        // The day the clocks go forward has 23 hours.
        assertReading(sink.readings.get(5), Metric.DISTANCE, "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z", 3600,
                3905, "", SOURCE, 4);
        assertReading(sink.readings.get(6), Metric.STEPS, "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z", 3600, 5230,
                "", SOURCE, 4);
        assertTrue(sink.rejected.isEmpty());
        assertEquals(Importer.Positions.LINE, importer.positions());
    }

    @Test
    void skipsTotalCaloriesHeartRateAndTheOtherColumnsByName() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        Map<String, Integer> expected = new TreeMap<>();
        for (String everyDay : List.of("Move Minutes count", "Calories (kcal)", "Heart Points", "Heart Minutes",
                "Average speed (m/s)", "Max speed (m/s)", "Min speed (m/s)", "Inactive duration (ms)",
                "Walking duration (ms)")) {
            expected.put(everyDay, 3);
        }
        for (String once : List.of("Average heart rate (bpm)", "Max heart rate (bpm)", "Min heart rate (bpm)",
                "Max weight (kg)", "Min weight (kg)", "Running duration (ms)")) {
            expected.put(once, 1);
        }
        assertEquals(expected, sink.skippedCounts());
    }

    @Test
    void takesTheDaysInThePersonsZone() {
        RecordingSink sink = read(importer, FIXTURE, ZoneId.of("America/New_York"));
        assertReading(sink.readings.get(1), Metric.STEPS, "2024-01-14T05:00:00Z", "2024-01-15T05:00:00Z", -18000,
                1712, "", SOURCE, 2);
    }

    @Test
    void readsQuotedFieldsAndCountsLinesInsideThem() {
        RecordingSink sink = read(importer, "Daily Summaries.csv", "\uFEFF\"Date\",\"Step count\",\"Notes\"\n"
                + "\"2024-01-15\",\"8421\",\"two\r\nlines, \"\"quoted\"\"\"\n\n2024-01-16,,x\r\n2024-01-17,200,",
                BERLIN);
        assertEquals(2, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-01-14T23:00:00Z", "2024-01-15T23:00:00Z", 3600, 8421,
                "", SOURCE, 2);
        assertReading(sink.readings.get(1), Metric.STEPS, "2024-01-16T23:00:00Z", "2024-01-17T23:00:00Z", 3600, 200,
                "", SOURCE, 6);
        assertEquals(Map.of("Notes", 2), sink.skippedCounts());
    }

    @Test
    void rejectsRowsAndCellsItCannotRead() {
        RecordingSink sink = read(importer, NAME, """
                Date,Step count,Distance (m)
                2024-01-15,NaN,12.5
                01/16/2024,100,1
                2024-01-17,100
                2024-01-18,"8,421",1e3
                2024-01-19,-3,
                """, BERLIN);
        assertEquals(List.of(Rejection.INVALID_FIELD, Rejection.BAD_TIME, Rejection.INVALID_FIELD,
                Rejection.INVALID_FIELD), sink.reasons());
        assertEquals(List.of(2L, 3L, 4L, 5L), sink.rejected.stream().map(RecordingSink.Rejected::position).toList());
        assertEquals(3, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.DISTANCE, "2024-01-14T23:00:00Z", "2024-01-15T23:00:00Z", 3600,
                12.5, "", SOURCE, 2);
        assertReading(sink.readings.get(1), Metric.DISTANCE, "2024-01-17T23:00:00Z", "2024-01-18T23:00:00Z", 3600,
                1000, "", SOURCE, 5);
        // Out of range is for the pipeline to judge, not the format.
        assertReading(sink.readings.get(2), Metric.STEPS, "2024-01-18T23:00:00Z", "2024-01-19T23:00:00Z", 3600, -3,
                "", SOURCE, 6);
    }

    @Test
    void refusesFilesItCannotRead() {
        assertEquals(Problem.NOT_UTF8,
                problem(importer, NAME, "Date,Step count\n2024-01-15,84\n2024-01-16,\u00e9"
                        .getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Problem.NOT_UTF8, problem(importer, NAME, "Date,Step count\n".getBytes(StandardCharsets.UTF_16)));
        assertEquals(Problem.TRUNCATED, problem(importer, NAME, "Date,Step count\n2024-01-15,\"84"));
        assertEquals(Problem.MALFORMED, problem(importer, NAME, "Date,Step count\n2024-01-15,8\"4\n"));
        assertEquals(Problem.MALFORMED, problem(importer, NAME, "Date,Step count\n2024-01-15,\"84\"x\n"));
        assertEquals(Problem.MALFORMED, problem(importer, NAME, "Date,Notes\n2024-01-15," + "x".repeat(70_000)));
        assertEquals(Problem.MALFORMED, problem(importer, NAME, "Date" + ",x".repeat(2000)));
        assertEquals(Problem.EMPTY, problem(importer, NAME, ""));
        assertEquals(Problem.EMPTY, problem(importer, NAME, "\r\n\r\n"));
        assertEquals(Problem.UNSUPPORTED_FORMAT, problem(importer, NAME, "Datum,Schritte\n2024-01-15,84\n"));
        assertEquals(Problem.UNSUPPORTED_FORMAT, problem(importer, NAME, new byte[]{0, 1, 2, 3, 4, 5}));
    }

    @Test
    void readsOnlyTheDailySummary() {
        assertTrue(importer.reads("Takeout/Fit/Daily Aggregations/Daily Summaries.csv",
                "\uFEFFDate,Calories (kcal)".getBytes(StandardCharsets.UTF_8)));
        assertFalse(importer.reads("Takeout/Fit/Tägliche Aktivitätsmesswerte/Tägliche Zusammenfassungen.csv",
                "Datum,Kalorien (kcal)".getBytes(StandardCharsets.UTF_8)));
        assertFalse(importer.reads(NAME, "Start time,End time,Step count".getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Daily activity metrics.csv", "x/Daily activity metrics.csv"})
    void readsUnderEitherPath(String name) {
        assertTrue(importer.reads(name, "Date,Step count\n".getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
