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

class FitbitDistanceImporterTest {

    private static final String FIXTURE = "fitbit/MayaWeber/Physical Activity/distance-2024-01-15.json";
    private static final String NAME = "MayaWeber/Physical Activity/distance-2024-01-15.json";

    private final FitbitDistanceImporter importer = new FitbitDistanceImporter();

    @Test
    void readsCentimetresAsMetresOverEachMinute() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        assertEquals(2, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.DISTANCE, "2024-01-15T07:01:00Z", "2024-01-15T07:02:00Z", 3600,
                65.237, "", "Fitbit", 1);
        assertReading(sink.readings.get(1), Metric.DISTANCE, "2024-01-15T07:02:00Z", "2024-01-15T07:03:00Z", 3600,
                87.102, "", "Fitbit", 2);
        assertTrue(sink.rejected.isEmpty());
    }

    @Test
    void rejectsEntriesItCannotRead() {
        RecordingSink sink = read(importer, NAME, """
                [{"dateTime": "01/15/24 07:01:00", "value": "1,5"}, {"value": "3"},
                 {"dateTime": "01/15/24 07:03:00", "value": null}, {"dateTime": "01/15/24 07:04:00", "value": "250"}]
                """, BERLIN);
        assertEquals(List.of(Rejection.INVALID_FIELD, Rejection.MISSING_FIELD, Rejection.MISSING_FIELD),
                sink.reasons());
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.DISTANCE, "2024-01-15T07:04:00Z", "2024-01-15T07:05:00Z", 3600, 2.5,
                "", "Fitbit", 4);
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
