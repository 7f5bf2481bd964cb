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

class FitbitStepsImporterTest {

    private static final String FIXTURE = "fitbit/MayaWeber/Physical Activity/steps-2024-01-15.json";
    private static final String NAME = "MayaWeber/Physical Activity/steps-2024-01-15.json";

    private final FitbitStepsImporter importer = new FitbitStepsImporter();

    @Test
    void readsTheStepsOfEachMinuteFromTheirStrings() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        assertEquals(3, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-01-15T07:01:00Z", "2024-01-15T07:02:00Z", 3600, 84, "",
                "Fitbit", 1);
        assertReading(sink.readings.get(1), Metric.STEPS, "2024-01-15T07:02:00Z", "2024-01-15T07:03:00Z", 3600, 112,
                "", "Fitbit", 2);
        assertReading(sink.readings.get(2), Metric.STEPS, "2024-01-15T07:03:00Z", "2024-01-15T07:04:00Z", 3600, 0, "",
                "Fitbit", 3);
        assertTrue(sink.rejected.isEmpty());
    }

    @Test
    void rejectsEntriesItCannotRead() {
        RecordingSink sink = read(importer, NAME, """
                [{"dateTime": "01/15/24 07:01:00", "value": "eighty"},
                 {"dateTime": "01/15/24 07:02:00"},
                 {"dateTime": "15.01.24 07:03:00", "value": "3"},
                 {"dateTime": "01/15/24 07:04:00", "value": 4}]
                """, BERLIN);
        assertEquals(List.of(Rejection.INVALID_FIELD, Rejection.MISSING_FIELD, Rejection.BAD_TIME), sink.reasons());
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.STEPS, "2024-01-15T07:04:00Z", "2024-01-15T07:05:00Z", 3600, 4, "",
                "Fitbit", 4);
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
