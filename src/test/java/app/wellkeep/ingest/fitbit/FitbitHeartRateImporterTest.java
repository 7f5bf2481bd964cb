package app.wellkeep.ingest.fitbit;

import static app.wellkeep.ingest.WearableFixtures.BERLIN;
import static app.wellkeep.ingest.WearableFixtures.assertReading;
import static app.wellkeep.ingest.WearableFixtures.bytes;
import static app.wellkeep.ingest.WearableFixtures.problem;
import static app.wellkeep.ingest.WearableFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.WearableFixtures;
import app.wellkeep.vitals.Metric;

class FitbitHeartRateImporterTest {

    private static final String FIXTURE = "fitbit/MayaWeber/Physical Activity/heart_rate-2024-01-15.json";
    private static final String NAME = "MayaWeber/Physical Activity/heart_rate-2024-01-15.json";

    private final FitbitHeartRateImporter importer = new FitbitHeartRateImporter();

    @Test
    void readsEachBeatCountAtItsMomentInUtc() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        assertEquals(3, sink.readings.size());
        // The file of the local 15 January begins at its midnight, 23:00 UTC the day before.
        assertReading(sink.readings.get(0), Metric.HEART_RATE, "2024-01-14T23:00:05Z", "2024-01-14T23:00:05Z", 3600,
                64, "", "Fitbit", 1);
        assertReading(sink.readings.get(1), Metric.HEART_RATE, "2024-01-14T23:00:10Z", "2024-01-14T23:00:10Z", 3600,
                63, "", "Fitbit", 2);
        assertReading(sink.readings.get(2), Metric.HEART_RATE, "2024-01-15T06:30:00Z", "2024-01-15T06:30:00Z", 3600,
                71, "", "Fitbit", 3);
        assertTrue(sink.rejected.isEmpty());
        assertTrue(sink.skipped.isEmpty());
        assertEquals(Importer.Positions.ITEM, importer.positions());
    }

    @Test
    void givesTheOffsetOfThePersonsZoneThen() {
        RecordingSink sink = read(importer, FIXTURE, ZoneId.of("Asia/Tokyo"));
        assertReading(sink.readings.get(0), Metric.HEART_RATE, "2024-01-14T23:00:05Z", "2024-01-14T23:00:05Z", 32400,
                64, "", "Fitbit", 1);
    }

    @Test
    void rejectsEntriesItCannotRead() {
        RecordingSink sink = read(importer, NAME, """
                [{"dateTime": "2024-01-15 07:00:00", "value": {"bpm": 60, "confidence": 2}},
                 {"value": {"bpm": 61}},
                 {"dateTime": "02/30/24 07:00:00", "value": {"bpm": 62}},
                 {"dateTime": "01/15/24 07:00:03", "value": {"confidence": 2}},
                 {"dateTime": "01/15/24 07:00:04", "value": {"bpm": "sixty"}},
                 42,
                 {"dateTime": "01/15/24 07:00:06", "value": {"bpm": 66, "confidence": 0}}]
                """, BERLIN);
        assertEquals(List.of(Rejection.BAD_TIME, Rejection.MISSING_FIELD, Rejection.BAD_TIME,
                Rejection.MISSING_FIELD, Rejection.INVALID_FIELD, Rejection.INVALID_FIELD), sink.reasons());
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L),
                sink.rejected.stream().map(RecordingSink.Rejected::position).toList());
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.HEART_RATE, "2024-01-15T07:00:06Z", "2024-01-15T07:00:06Z", 3600,
                66, "", "Fitbit", 7);
    }

    @Test
    void streamsAFileOfManyEntries() {
        StringBuilder day = new StringBuilder("[");
        for (int second = 0; second < 50_000; second++) {
            day.append(second == 0 ? "" : ",").append(String.format(
                    "{\"dateTime\" : \"01/15/24 %02d:%02d:%02d\", \"value\" : {\"bpm\" : 60, \"confidence\" : 2}}",
                    second / 3600 % 24, second / 60 % 60, second % 60));
        }
        RecordingSink sink = read(importer, NAME, day.append("]").toString(), BERLIN);
        assertEquals(50_000, sink.readings.size());
        assertReading(sink.readings.get(49_999), Metric.HEART_RATE, "2024-01-15T13:53:19Z", "2024-01-15T13:53:19Z",
                3600, 60, "", "Fitbit", 50_000);
    }

    @Test
    void refusesItsFixtureCutShort() {
        byte[] fixture = bytes(FIXTURE);
        assertEquals(Problem.TRUNCATED, problem(importer, NAME, Arrays.copyOf(fixture, fixture.length - 10)));
    }

    @Test
    void readsOnlyHeartRateFiles() {
        assertTrue(importer.reads("Takeout/Fitbit/Global Export Data/heart_rate-2024-01-15.json",
                "[ ]".getBytes(StandardCharsets.UTF_8)));
        assertFalse(importer.reads("heart_rate-2024-01-15.json",
                "[{\"dateTime\": \"01/15/24 07:00:00\", \"value\": \"84\"}]".getBytes(StandardCharsets.UTF_8)));
        assertFalse(importer.reads("heart_rate_2024-01-15.csv", "timestamp,beats per minute".getBytes()));
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
