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
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.WearableFixtures;
import app.wellkeep.vitals.Metric;

class GoogleFitDailyMetricsImporterTest {

    private static final String FOLDER = "googlefit/Takeout/Fit/Daily activity metrics/";
    private static final String NAME = "Takeout/Fit/Daily activity metrics/2024-01-15.csv";
    private static final String SOURCE = "Google Fit daily metrics";

    private final GoogleFitDailyMetricsImporter importer = new GoogleFitDailyMetricsImporter();

    @Test
    void readsEachQuarterHourAtItsOwnOffset() {
        RecordingSink sink = read(importer, FOLDER + "2024-01-15.csv", BERLIN);
        assertEquals(8, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.DISTANCE, "2024-01-15T06:00:00Z", "2024-01-15T06:15:00Z", 3600,
                683.2, "", SOURCE, 2);
        assertReading(sink.readings.get(1), Metric.HEART_RATE, "2024-01-15T06:00:00Z", "2024-01-15T06:15:00Z", 3600,
                86.3, "", SOURCE, 2);
        assertReading(sink.readings.get(2), Metric.STEPS, "2024-01-15T06:00:00Z", "2024-01-15T06:15:00Z", 3600, 905,
                "", SOURCE, 2);
        assertReading(sink.readings.get(3), Metric.DISTANCE, "2024-01-15T06:15:00Z", "2024-01-15T06:30:00Z", 3600,
                402.9, "", SOURCE, 3);
        assertReading(sink.readings.get(4), Metric.HEART_RATE, "2024-01-15T06:15:00Z", "2024-01-15T06:30:00Z", 3600,
                79, "", SOURCE, 3);
        assertReading(sink.readings.get(5), Metric.STEPS, "2024-01-15T06:15:00Z", "2024-01-15T06:30:00Z", 3600, 540,
                "", SOURCE, 3);
        assertReading(sink.readings.get(6), Metric.WEIGHT, "2024-01-15T06:30:00Z", "2024-01-15T06:45:00Z", 3600,
                71.4000015258789, "", SOURCE, 4);
        // The last quarter of the day ends at midnight, which is the next day.
        assertReading(sink.readings.get(7), Metric.STEPS, "2024-01-15T22:45:00Z", "2024-01-15T23:00:00Z", 3600, 12,
                "", SOURCE, 5);
        assertTrue(sink.rejected.isEmpty());
        assertEquals(Map.ofEntries(Map.entry("Calories (kcal)", 4), Map.entry("Move Minutes count", 2),
                Map.entry("Heart Points", 1), Map.entry("Heart Minutes", 1), Map.entry("Max heart rate (bpm)", 2),
                Map.entry("Min heart rate (bpm)", 2), Map.entry("Average speed (m/s)", 2),
                Map.entry("Max speed (m/s)", 2), Map.entry("Min speed (m/s)", 2), Map.entry("Max weight (kg)", 1),
                Map.entry("Min weight (kg)", 1), Map.entry("Inactive duration (ms)", 3),
                Map.entry("Walking duration (ms)", 2)), sink.skippedCounts());
    }

    @Test
    void takesTheOffsetsOfTheFileAcrossAChangeOfClocks() {
        RecordingSink sink = read(importer, FOLDER + "2024-03-31.csv", BERLIN);
        assertEquals(2, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-03-31T00:45:00Z", "2024-03-31T01:00:00Z", 3600, 3, "",
                SOURCE, 2);
        assertReading(sink.readings.get(1), Metric.STEPS, "2024-03-31T01:00:00Z", "2024-03-31T01:15:00Z", 7200, 7, "",
                SOURCE, 3);
    }

    @Test
    void rejectsRowsItCannotPlace() {
        RecordingSink sink = read(importer, NAME, """
                Start time,End time,Step count
                07:00,07:15:00.000+01:00,5
                08:15:00.000+01:00,08:00:00.000+01:00,6
                08:00:00.000+01:00,08:15:00.000+01:00,seven
                09:00:00.000+01:00,09:15:00.000+01:00,8
                """, BERLIN);
        assertEquals(List.of(Rejection.BAD_TIME, Rejection.BAD_INTERVAL, Rejection.INVALID_FIELD), sink.reasons());
        assertEquals(List.of(2L, 3L, 4L), sink.rejected.stream().map(RecordingSink.Rejected::position).toList());
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-01-15T08:00:00Z", "2024-01-15T08:15:00Z", 3600, 8, "",
                SOURCE, 5);
    }

    @Test
    void refusesFilesItCannotRead() {
        String csv = "Start time,End time,Step count\n07:00:00.000+01:00,07:15:00.000+01:00,5\n";
        assertEquals(Problem.UNSUPPORTED_FORMAT,
                problem(importer, "Takeout/Fit/Daily activity metrics/today.csv", csv));
        assertEquals(Problem.UNSUPPORTED_FORMAT, problem(importer, "Takeout/Fit/2024-02-30.csv", csv));
        assertEquals(Problem.UNSUPPORTED_FORMAT, problem(importer, NAME, "Start time,Step count\n"));
        assertEquals(Problem.NOT_UTF8, problem(importer, NAME, (csv + "\u00ff").getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(Problem.TRUNCATED, problem(importer, NAME, csv + "\"08:00"));
        assertEquals(Problem.EMPTY, problem(importer, NAME, ""));
    }

    @Test
    void readsOnlyTheQuarterHourFiles() {
        assertFalse(importer.reads("Takeout/Fit/Daily activity metrics/2024-01-15.csv",
                "Date,Step count".getBytes(StandardCharsets.UTF_8)));
        assertFalse(importer.reads("Takeout/Fit/Daily activity metrics/2024-01-15.json",
                "Start time,End time,".getBytes(StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
