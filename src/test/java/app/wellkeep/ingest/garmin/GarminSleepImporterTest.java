package app.wellkeep.ingest.garmin;

import static app.wellkeep.ingest.WearableFixtures.BERLIN;
import static app.wellkeep.ingest.WearableFixtures.assertReading;
import static app.wellkeep.ingest.WearableFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.WearableFixtures;
import app.wellkeep.vitals.Metric;

class GarminSleepImporterTest {

    private static final String FIXTURE = "garmin/DI_CONNECT/DI-Connect-Wellness/"
            + "2024-01-01_2024-04-10_123456789_sleepData.json";
    private static final String NAME = "DI_CONNECT/DI-Connect-Wellness/2024-01-01_2024-04-10_123456789_sleepData.json";

    private final GarminSleepImporter importer = new GarminSleepImporter();

    @Test
    void readsEachStagesTotalOverTheWholeNight() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        assertEquals(9, sink.readings.size());
        String from = "2024-01-14T22:41:00Z";
        String to = "2024-01-15T05:56:00Z";
        assertReading(sink.readings.get(0), Metric.SLEEP, from, to, 3600, 86, "DEEP", "Garmin", 1);
        assertReading(sink.readings.get(1), Metric.SLEEP, from, to, 3600, 242, "CORE", "Garmin", 1);
        assertReading(sink.readings.get(2), Metric.SLEEP, from, to, 3600, 94, "REM", "Garmin", 1);
        assertReading(sink.readings.get(3), Metric.SLEEP, from, to, 3600, 13, "AWAKE", "Garmin", 1);
        assertReading(sink.readings.get(4), Metric.RESPIRATORY_RATE, from, to, 3600, 14, "", "Garmin", 1);
        assertReading(sink.readings.get(5), Metric.OXYGEN_SATURATION, from, to, 3600, 95, "", "Garmin", 1);
        // A stage of 0 minutes gives nothing; unmeasurable time is skipped.
        assertReading(sink.readings.get(6), Metric.SLEEP, "2024-03-30T23:05:00Z", "2024-03-31T05:35:00Z", 3600, 70,
                "DEEP", "Garmin", 3);
        assertReading(sink.readings.get(7), Metric.SLEEP, "2024-03-30T23:05:00Z", "2024-03-31T05:35:00Z", 3600, 210,
                "CORE", "Garmin", 3);
        assertReading(sink.readings.get(8), Metric.SLEEP, "2024-03-30T23:05:00Z", "2024-03-31T05:35:00Z", 3600, 10,
                "AWAKE", "Garmin", 3);
        assertEquals(Map.of("sleep window without stages", 1, "unmeasurableSeconds", 1), sink.skippedCounts());
        assertTrue(sink.rejected.isEmpty());
    }

    @Test
    void takesTheOffsetFromTheLocalStartAndReadsEpochMilliseconds() {
        RecordingSink sink = read(importer, NAME, """
                [{"calendarDate": "2024-07-02", "sleepStartTimestampGMT": 1719873000000,
                  "sleepStartTimestampLocal": 1719880200000, "sleepEndTimestampGMT": 1719900000000,
                  "deepSleepSeconds": 3600}]
                """, BERLIN);
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.SLEEP, "2024-07-01T22:30:00Z", "2024-07-02T06:00:00Z", 7200, 60,
                "DEEP", "Garmin", 1);
    }

    @Test
    void rejectsNightsAndFiguresItCannotRead() {
        RecordingSink sink = read(importer, NAME,
                """
                        [{"sleepStartTimestampGMT": "last night", "sleepEndTimestampGMT": "2024-01-15T05:56:00.0",
                          "deepSleepSeconds": 60},
                         {"sleepEndTimestampGMT": "2024-01-15T05:56:00.0", "deepSleepSeconds": 60},
                         {"sleepStartTimestampGMT": "2024-01-15T05:56:00.0", "sleepEndTimestampGMT": "2024-01-14T22:41:00.0",
                          "deepSleepSeconds": 60},
                         {"sleepStartTimestampGMT": "2024-01-14T22:41:00.0", "sleepEndTimestampGMT": "2024-01-15T05:56:00.0",
                          "deepSleepSeconds": "long", "remSleepSeconds": 600, "averageRespiration": true},
                         {"sleepStartTimestampGMT": "2024-01-14T22:41:00.0", "sleepStartTimestampLocal": "2024-01-16T23:41:00.0",
                          "sleepEndTimestampGMT": "2024-01-15T05:56:00.0", "deepSleepSeconds": 60},
                         true]
                        """,
                BERLIN);
        assertEquals(List.of(Rejection.BAD_TIME, Rejection.MISSING_FIELD, Rejection.BAD_INTERVAL,
                Rejection.INVALID_FIELD, Rejection.INVALID_FIELD, Rejection.BAD_TIME, Rejection.INVALID_FIELD),
                sink.reasons());
        assertEquals(List.of(1L, 2L, 3L, 4L, 4L, 5L, 6L),
                sink.rejected.stream().map(RecordingSink.Rejected::position).toList());
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.SLEEP, "2024-01-14T22:41:00Z", "2024-01-15T05:56:00Z", 3600, 10,
                "REM", "Garmin", 4);
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
