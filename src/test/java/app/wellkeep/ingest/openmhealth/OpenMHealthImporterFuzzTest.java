package app.wellkeep.ingest.openmhealth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Arrays;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SleepStage;

/**
 * Arbitrary bytes end in readings, rejections and skips, or in an {@link ImportException}: never in another
 * exception or a hang. Without JAZZER_FUZZ this replays the seeds in {@code OpenMHealthImporterFuzzTestInputs}.
 */
class OpenMHealthImporterFuzzTest {

    @FuzzTest(maxDuration = "60s")
    void fuzz(byte[] data) throws IOException {
        OpenMHealthImporter importer = new OpenMHealthImporter();
        importer.reads("fuzz.json", Arrays.copyOf(data, Math.min(data.length, Importer.HEAD_BYTES)));
        RecordingSink sink = new RecordingSink();
        try {
            importer.read(new ImportContext("fuzz.json", ZoneId.of("America/St_Johns")), new ByteArrayInputStream(data),
                    sink);
        } catch (ImportException expected) {
            assertNotNull(expected.problem());
        }
        for (RecordingSink.Reading reading : sink.readings) {
            assertTrue(Double.isFinite(reading.value()), reading.toString());
            assertFalse(reading.end().isBefore(reading.start()), reading.toString());
            assertTrue(reading.position() >= 1);
            assertTrue(reading.metric() == Metric.SLEEP
                    ? reading.stage().equals(SleepStage.ASLEEP.name())
                    : reading.stage().isEmpty());
            assertFalse(reading.source().isBlank());
        }
        sink.rejected.forEach(rejected -> assertTrue(rejected.position() >= 1 && !rejected.detail().isBlank()));
    }
}
