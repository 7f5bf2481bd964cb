package app.wellkeep.ingest.fitbit;

import static app.wellkeep.ingest.WearableFixtures.BERLIN;
import static app.wellkeep.ingest.WearableFixtures.assertReading;
import static app.wellkeep.ingest.WearableFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.WearableFixtures;
import app.wellkeep.vitals.Metric;

class FitbitSleepImporterTest {

    private static final String FIXTURE = "fitbit/MayaWeber/Sleep/sleep-2024-01-15.json";
    private static final String NAME = "MayaWeber/Sleep/sleep-2024-01-15.json";

    private final FitbitSleepImporter importer = new FitbitSleepImporter();

    @Test
    void readsTheStagesOfANightWithTheShortWakesCutOut() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        List<RecordingSink.Reading> night = sink.readings.stream().filter(r -> r.position() == 1).toList();
        assertEquals(10, night.size());
        assertReading(night.get(0), Metric.SLEEP, "2024-01-14T22:12:30Z", "2024-01-14T22:20:00Z", 3600, 7.5, "AWAKE",
                "Fitbit", 1);
        assertReading(night.get(1), Metric.SLEEP, "2024-01-14T22:20:00Z", "2024-01-14T22:31:00Z", 3600, 11, "CORE",
                "Fitbit", 1);
        assertReading(night.get(2), Metric.SLEEP, "2024-01-14T22:31:00Z", "2024-01-14T22:32:00Z", 3600, 1, "AWAKE",
                "Fitbit", 1);
        assertReading(night.get(3), Metric.SLEEP, "2024-01-14T22:32:00Z", "2024-01-14T22:45:30Z", 3600, 13.5, "CORE",
                "Fitbit", 1);
        assertReading(night.get(4), Metric.SLEEP, "2024-01-14T22:45:30Z", "2024-01-14T23:30:30Z", 3600, 45, "DEEP",
                "Fitbit", 1);
        assertReading(night.get(5), Metric.SLEEP, "2024-01-14T23:30:30Z", "2024-01-14T23:50:30Z", 3600, 20, "REM",
                "Fitbit", 1);
        assertReading(night.get(6), Metric.SLEEP, "2024-01-14T23:50:30Z", "2024-01-15T00:10:30Z", 3600, 20, "CORE",
                "Fitbit", 1);
        assertReading(night.get(7), Metric.SLEEP, "2024-01-15T00:10:30Z", "2024-01-15T00:13:00Z", 3600, 2.5, "AWAKE",
                "Fitbit", 1);
        assertReading(night.get(8), Metric.SLEEP, "2024-01-15T00:13:00Z", "2024-01-15T03:10:30Z", 3600, 177.5, "CORE",
                "Fitbit", 1);
        assertReading(night.get(9), Metric.SLEEP, "2024-01-15T03:10:30Z", "2024-01-15T03:15:00Z", 3600, 4.5, "AWAKE",
                "Fitbit", 1);
        // Asleep: the log's own minutesAsleep, 287.
        assertEquals(287, night.stream().filter(r -> !r.stage().equals("AWAKE")).mapToDouble(r -> r.value()).sum(),
                1e-9);
        assertTrue(sink.rejected.isEmpty());
    }

    @Test
    void readsAClassicLogWithRestlessAsAwake() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        List<RecordingSink.Reading> nap = sink.readings.stream().filter(r -> r.position() == 2).toList();
        assertEquals(4, nap.size());
        assertReading(nap.get(0), Metric.SLEEP, "2024-01-16T13:05:00Z", "2024-01-16T13:30:00Z", 3600, 25, "ASLEEP",
                "Fitbit", 2);
        assertReading(nap.get(1), Metric.SLEEP, "2024-01-16T13:30:00Z", "2024-01-16T13:32:00Z", 3600, 2, "AWAKE",
                "Fitbit", 2);
        assertReading(nap.get(2), Metric.SLEEP, "2024-01-16T13:32:00Z", "2024-01-16T13:42:00Z", 3600, 10, "ASLEEP",
                "Fitbit", 2);
        assertReading(nap.get(3), Metric.SLEEP, "2024-01-16T13:42:00Z", "2024-01-16T13:45:00Z", 3600, 3, "AWAKE",
                "Fitbit", 2);
    }

    @Test
    void followsTheNightThroughTheHourTheClocksPassTwice() {
        // On 27 October 2024 Berlin goes from 03:00 CEST back to 02:00 CET: 02:00 to 03:00 happens twice.
        RecordingSink sink = read(importer, NAME, """
                [{"dateOfSleep": "2024-10-27", "type": "stages", "levels": {"data": [
                  {"dateTime": "2024-10-27T02:30:00.000", "level": "light", "seconds": 1800},
                  {"dateTime": "2024-10-27T02:00:00.000", "level": "deep", "seconds": 1800},
                  {"dateTime": "2024-10-27T02:30:00.000", "level": "rem", "seconds": 600}]}}]
                """, BERLIN);
        assertEquals(3, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.SLEEP, "2024-10-27T00:30:00Z", "2024-10-27T01:00:00Z", 7200, 30,
                "CORE", "Fitbit", 1);
        assertReading(sink.readings.get(1), Metric.SLEEP, "2024-10-27T01:00:00Z", "2024-10-27T01:30:00Z", 3600, 30,
                "DEEP", "Fitbit", 1);
        assertReading(sink.readings.get(2), Metric.SLEEP, "2024-10-27T01:30:00Z", "2024-10-27T01:40:00Z", 3600, 10,
                "REM", "Fitbit", 1);
    }

    @Test
    void cutsAShortWakeAcrossTwoStagesAndOneInsideAnotherOnlyOnce() {
        RecordingSink sink = read(importer, NAME, """
                [{"dateOfSleep": "2024-01-16", "levels": {"data": [
                  {"dateTime": "2024-01-15T23:00:00.000", "level": "light", "seconds": 600},
                  {"dateTime": "2024-01-15T23:10:00.000", "level": "deep", "seconds": 600}],
                 "shortData": [
                  {"dateTime": "2024-01-15T23:09:00.000", "level": "wake", "seconds": 60},
                  {"dateTime": "2024-01-15T23:08:00.000", "level": "wake", "seconds": 240}]}}]
                """, BERLIN);
        assertEquals(4, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.SLEEP, "2024-01-15T22:00:00Z", "2024-01-15T22:08:00Z", 3600, 8,
                "CORE", "Fitbit", 1);
        assertReading(sink.readings.get(1), Metric.SLEEP, "2024-01-15T22:08:00Z", "2024-01-15T22:10:00Z", 3600, 2,
                "AWAKE", "Fitbit", 1);
        assertReading(sink.readings.get(2), Metric.SLEEP, "2024-01-15T22:10:00Z", "2024-01-15T22:12:00Z", 3600, 2,
                "AWAKE", "Fitbit", 1);
        assertReading(sink.readings.get(3), Metric.SLEEP, "2024-01-15T22:12:00Z", "2024-01-15T22:20:00Z", 3600, 8,
                "DEEP", "Fitbit", 1);
    }

    @Test
    void readsALogWithoutStagesAsOneNightAsleep() {
        RecordingSink sink = read(importer, NAME, """
                [{"dateOfSleep": "2024-01-20", "startTime": "2024-01-19T23:00:00.000",
                  "endTime": "2024-01-20T06:30:00.000", "minutesAsleep": 412, "levels": {"summary": {}, "data": []}}]
                """, BERLIN);
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.SLEEP, "2024-01-19T22:00:00Z", "2024-01-20T05:30:00Z", 3600, 412,
                "ASLEEP", "Fitbit", 1);
    }

    @Test
    void rejectsStagesAndLogsItCannotRead() {
        RecordingSink sink = read(importer, NAME, """
                [{"dateOfSleep": "2024-01-21", "levels": {"data": [
                  {"dateTime": "2024-01-20T23:00:00.000", "level": "dreaming", "seconds": 600},
                  {"dateTime": "late", "level": "light", "seconds": 600},
                  {"dateTime": "2024-01-20T23:20:00.000", "level": "light", "seconds": -1},
                  {"dateTime": "2024-01-20T23:20:00.000", "level": "light", "seconds": 1.5},
                  {"dateTime": "2024-01-20T23:20:00.000", "level": "deep", "seconds": 600}]}},
                 {"dateOfSleep": "2024-01-22"},
                 {"dateOfSleep": "2024-01-23", "startTime": "2024-01-22T23:00:00.000",
                  "endTime": "2024-01-23T06:00:00.000"},
                 {"dateOfSleep": "2024-01-24", "startTime": "2024-01-24T06:00:00.000",
                  "endTime": "2024-01-23T23:00:00.000", "minutesAsleep": 400},
                 "nap"]
                """, BERLIN);
        assertEquals(List.of(Rejection.INVALID_FIELD, Rejection.BAD_TIME, Rejection.INVALID_FIELD,
                Rejection.INVALID_FIELD, Rejection.MISSING_FIELD, Rejection.MISSING_FIELD, Rejection.BAD_INTERVAL,
                Rejection.INVALID_FIELD), sink.reasons());
        assertEquals(List.of(1L, 1L, 1L, 1L, 2L, 3L, 4L, 5L),
                sink.rejected.stream().map(RecordingSink.Rejected::position).toList());
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.SLEEP, "2024-01-20T22:20:00Z", "2024-01-20T22:30:00Z", 3600, 10,
                "DEEP", "Fitbit", 1);
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
