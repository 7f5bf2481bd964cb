package app.wellkeep.ingest.fitbit;

import static app.wellkeep.ingest.WearableFixtures.BERLIN;
import static app.wellkeep.ingest.WearableFixtures.assertReading;
import static app.wellkeep.ingest.WearableFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.WearableFixtures;
import app.wellkeep.vitals.Metric;

class FitbitWeightImporterTest {

    private static final String FIXTURE = "fitbit/MayaWeber/Personal & Account/weight-2024-01-15.json";
    private static final String NAME = "MayaWeber/Personal & Account/weight-2024-01-15.json";
    private static final double KG_PER_LB = 0.45359237;

    private final FitbitWeightImporter importer = new FitbitWeightImporter();

    @Test
    void readsPoundsAsKilogramsWithBmiAndBodyFatAtTheUtcMoment() {
        RecordingSink sink = read(importer, FIXTURE, BERLIN);
        assertEquals(5, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.WEIGHT, "2024-01-15T06:12:41Z", "2024-01-15T06:12:41Z", 3600,
                154.3 * KG_PER_LB, "", "Fitbit Aria", 1);
        assertReading(sink.readings.get(1), Metric.BODY_MASS_INDEX, "2024-01-15T06:12:41Z", "2024-01-15T06:12:41Z",
                3600, 23.47, "", "Fitbit Aria", 1);
        assertReading(sink.readings.get(2), Metric.BODY_FAT, "2024-01-15T06:12:41Z", "2024-01-15T06:12:41Z", 3600,
                21.5, "", "Fitbit Aria", 1);
        assertReading(sink.readings.get(3), Metric.WEIGHT, "2024-01-17T23:59:59Z", "2024-01-17T23:59:59Z", 3600,
                153.9 * KG_PER_LB, "", "Fitbit Web", 2);
        assertReading(sink.readings.get(4), Metric.BODY_MASS_INDEX, "2024-01-17T23:59:59Z", "2024-01-17T23:59:59Z",
                3600, 23.41, "", "Fitbit Web", 2);
        assertTrue(sink.rejected.isEmpty());
    }

    @Test
    void readsKilogramsWhereOnlyTheyFitTheBmi() {
        RecordingSink sink = read(importer, NAME, """
                [{"logId": 1709362800000, "weight": 70.0, "bmi": 22.9, "date": "03/02/24", "time": "07:00:00",
                  "source": "API"},
                 {"logId": 1709449200000, "weight": 70.2, "date": "03/03/24", "time": "07:00:00"}]
                """, BERLIN);
        assertEquals(3, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.WEIGHT, "2024-03-02T07:00:00Z", "2024-03-02T07:00:00Z", 3600, 70.0,
                "", "Fitbit API", 1);
        assertReading(sink.readings.get(1), Metric.BODY_MASS_INDEX, "2024-03-02T07:00:00Z", "2024-03-02T07:00:00Z",
                3600, 22.9, "", "Fitbit API", 1);
        // Without a BMI to check against, the rule of the archive: pounds.
        assertReading(sink.readings.get(2), Metric.WEIGHT, "2024-03-03T07:00:00Z", "2024-03-03T07:00:00Z", 3600,
                70.2 * KG_PER_LB, "", "Fitbit", 2);
    }

    @ParameterizedTest
    @CsvSource({"154.3, 23.47, true", "125.8, 24.71, true", "198.1, 30.04, true", "70.0, 22.9, false",
            "58.5, 21.5, false", "100.0, 22.68, true", "70.0, , true", "70.0, 0, true", "0, 22.0, true"})
    void decidesTheUnitByTheHeightTheBmiImplies(double weight, Double bmi, boolean pounds) {
        assertEquals(pounds, FitbitWeightImporter.inPounds(weight, bmi));
    }

    @Test
    void rejectsEntriesItCannotRead() {
        RecordingSink sink = read(importer, NAME, """
                [{"bmi": 23.1, "date": "01/15/24", "time": "06:00:00"},
                 {"weight": "154", "date": "01/15/24", "time": "06:00:00"},
                 {"weight": 154.0, "date": "2024-01-15", "time": "06:00:00"},
                 {"weight": 154.0, "date": "01/15/24"},
                 {"weight": 154.0, "date": "01/15/24", "time": "6am"},
                 {"weight": 154.0, "bmi": "normal", "date": "01/15/24", "time": "06:00:00"},
                 null,
                 {"weight": 154.0, "bmi": null, "fat": null, "date": "01/15/24", "time": "06:00:00", "source": ""}]
                """, BERLIN);
        assertEquals(List.of(Rejection.MISSING_FIELD, Rejection.INVALID_FIELD, Rejection.BAD_TIME,
                Rejection.MISSING_FIELD, Rejection.BAD_TIME, Rejection.INVALID_FIELD, Rejection.INVALID_FIELD),
                sink.reasons());
        assertEquals(1, sink.readings.size());
        assertReading(sink.readings.get(0), Metric.WEIGHT, "2024-01-15T06:00:00Z", "2024-01-15T06:00:00Z", 3600,
                154.0 * KG_PER_LB, "", "Fitbit", 8);
    }

    @FuzzTest(maxDuration = "30s")
    void fuzz(byte[] data) throws IOException {
        WearableFixtures.readOrRefuse(importer, NAME, data);
    }
}
