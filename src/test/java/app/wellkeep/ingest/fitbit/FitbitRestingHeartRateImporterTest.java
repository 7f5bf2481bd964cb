package app.wellkeep.ingest.fitbit;

import static app.wellkeep.ingest.WearableFixtures.BERLIN;
import static app.wellkeep.ingest.WearableFixtures.assertReading;
import static app.wellkeep.ingest.WearableFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.WearableFixtures;
import app.wellkeep.vitals.Metric;

class FitbitRestingHeartRateImporterTest {

    private static final String FIXTURE = "fitbit/MayaWeber/Physical Activity/resting_heart_rate-2024-01-14.json";
    private static final String NAME = "MayaWeber/Physical Activity/resting_heart_rate-2024-01-14.json";

    private final FitbitRestingHeartRateImporter importer = new FitbitRestingHeartRateImporter();

    @Test
    void readsEachDaysRestingRateOverThatLocalDay() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        assertEquals(2, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.RESTING_HEART_RATE, "2024-01-13T23:00:00Z", "2024-01-14T23:00:00Z",
                3600, 57.81234, "", "Fitbit", 1);
        assertReading(sink.readings.get(1), Metric.RESTING_HEART_RATE, "2024-01-14T23:00:00Z", "2024-01-15T23:00:00Z",
                3600, 58.2, "", "Fitbit", 2);
        // Fitbit writes 0 for a day it has no resting heart rate of.
        assertEquals(List.of(new RecordingSink.Rejected(3, Rejection.MISSING_FIELD,
                "a day without a resting heart rate (0)")), sink.rejected);
    }

    @Test
    void rejectsEntriesItCannotRead() {
        RecordingSink sink = read(importer, NAME, """
                [{"dateTime": "01/20/24 00:00:00", "value": {"value": 61.5, "error": 5}},
                 {"dateTime": "yesterday", "value": {"value": 61.5}},
                 {"dateTime": "01/22/24 00:00:00", "value": {"date": "01/22/24", "value": "61"}},
                 {"dateTime": "01/23/24 00:00:00", "value": {"date": "01/23/24"}},
                 []]
                """, BERLIN);
        assertEquals(List.of(Rejection.BAD_TIME, Rejection.INVALID_FIELD, Rejection.MISSING_FIELD,
                Rejection.INVALID_FIELD), sink.reasons());
        assertEquals(1, sink.readings.size());
        // Without value.date, the day of dateTime.
        assertReading(sink.readings.get(0), Metric.RESTING_HEART_RATE, "2024-01-19T23:00:00Z", "2024-01-20T23:00:00Z",
                3600, 61.5, "", "Fitbit", 1);
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
