package app.wellkeep.ingest.garmin;

import static app.wellkeep.ingest.WearableFixtures.BERLIN;
import static app.wellkeep.ingest.WearableFixtures.assertReading;
import static app.wellkeep.ingest.WearableFixtures.bytes;
import static app.wellkeep.ingest.WearableFixtures.problem;
import static app.wellkeep.ingest.WearableFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.WearableFixtures;
import app.wellkeep.vitals.Metric;

class GarminDailySummaryImporterTest {

    private static final String FIXTURE = "garmin/DI_CONNECT/DI-Connect-Aggregator/UDSFile_2024-01-01_2024-04-10.json";
    private static final String NAME = "DI_CONNECT/DI-Connect-Aggregator/UDSFile_2024-01-01_2024-04-10.json";

    private final GarminDailySummaryImporter importer = new GarminDailySummaryImporter();

    @Test
    void readsEachDayOverItsBoundsAtTheOffsetOfItsLocalTimes() {
        // The offset is the file's own (local minus GMT), whatever zone the person is in now.
        RecordingSink sink = read(importer, FIXTURE, ZoneId.of("America/New_York"));
        assertEquals(8, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-01-14T23:00:00Z", "2024-01-15T23:00:00Z", 3600, 9312,
                "", "Garmin", 1);
        assertReading(sink.readings.get(1), Metric.DISTANCE, "2024-01-14T23:00:00Z", "2024-01-15T23:00:00Z", 3600,
                7104, "", "Garmin", 1);
        assertReading(sink.readings.get(2), Metric.ACTIVE_ENERGY, "2024-01-14T23:00:00Z", "2024-01-15T23:00:00Z", 3600,
                612, "", "Garmin", 1);
        assertReading(sink.readings.get(3), Metric.RESTING_HEART_RATE, "2024-01-14T23:00:00Z", "2024-01-15T23:00:00Z",
                3600, 52, "", "Garmin", 1);
        // The day the clocks go forward: 23 hours.
        assertReading(sink.readings.get(4), Metric.STEPS, "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z", 3600, 4410,
                "", "Garmin", 2);
        assertReading(sink.readings.get(5), Metric.DISTANCE, "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z", 3600,
                3120, "", "Garmin", 2);
        assertReading(sink.readings.get(6), Metric.ACTIVE_ENERGY, "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z", 3600,
                205, "", "Garmin", 2);
        assertReading(sink.readings.get(7), Metric.RESTING_HEART_RATE, "2024-03-30T23:00:00Z", "2024-03-31T22:00:00Z",
                3600, 55, "", "Garmin", 2);
        // The third day was not worn: every figure null, nothing to read and nothing wrong.
        assertTrue(sink.rejected.isEmpty());
        assertEquals(Importer.Positions.ITEM, importer.positions());
    }

    @Test
    void skipsTotalEnergyHeartRateRangeAndTheOtherFiguresByField() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        assertEquals(Map.of("totalKilocalories", 2, "minHeartRate", 2, "maxHeartRate", 2, "moderateIntensityMinutes",
                2, "vigorousIntensityMinutes", 2, "floorsAscendedInMeters", 2, "allDayStress", 1),
                sink.skippedCounts());
    }

    @Test
    void fallsBackToTheCalendarDateInThePersonsZone() {
        RecordingSink sink = read(importer, NAME, "[{\"calendarDate\": \"2024-07-01\", \"totalSteps\": 8000}]",
                BERLIN);
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-06-30T22:00:00Z", "2024-07-01T22:00:00Z", 7200, 8000,
                "", "Garmin", 1);
    }

    @Test
    void rejectsDaysAndFiguresItCannotRead() {
        RecordingSink sink = read(importer, NAME, """
                [{"calendarDate": "2024-01-15", "wellnessStartTimeGmt": "yesterday",
                  "wellnessEndTimeGmt": "2024-01-15T23:00:00.0", "totalSteps": 1},
                 {"totalSteps": 2},
                 {"calendarDate": "2024-01-17", "wellnessStartTimeGmt": "2024-01-17T23:00:00.0",
                  "wellnessEndTimeGmt": "2024-01-16T23:00:00.0", "totalSteps": 3},
                 {"wellnessStartTimeGmt": "2024-01-17T23:00:00.0", "wellnessStartTimeLocal": "2024-01-20T00:00:00.0",
                  "wellnessEndTimeGmt": "2024-01-18T23:00:00.0", "totalSteps": 4},
                 {"calendarDate": "2024-01-19", "wellnessStartTimeGmt": "2024-01-18T23:00:00.0",
                  "wellnessStartTimeLocal": "2024-01-19T00:00:00.0", "wellnessEndTimeGmt": "2024-01-19T23:00:00.0",
                  "totalSteps": "many", "restingHeartRate": 50},
                 [1, 2]]
                """, BERLIN);
        assertEquals(List.of(Rejection.BAD_TIME, Rejection.MISSING_FIELD, Rejection.BAD_INTERVAL, Rejection.BAD_TIME,
                Rejection.INVALID_FIELD, Rejection.INVALID_FIELD), sink.reasons());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L),
                sink.rejected.stream().map(RecordingSink.Rejected::position).toList());
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.RESTING_HEART_RATE, "2024-01-18T23:00:00Z", "2024-01-19T23:00:00Z",
                3600, 50, "", "Garmin", 5);
    }

    @Test
    void refusesItsFixtureCutShort() {
        byte[] fixture = bytes(FIXTURE);
        assertEquals(Problem.TRUNCATED, problem(importer, NAME, Arrays.copyOf(fixture, 700)));
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
