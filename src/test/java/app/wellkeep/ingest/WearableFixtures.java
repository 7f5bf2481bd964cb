package app.wellkeep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.vitals.Metric;

/**
 * The wearable exports' fixture files (under {@code src/test/resources/ingest/<package>/}, laid out as the real
 * archives are) and what the importer tests of Google Fit, Fitbit and Garmin do with them.
 */
public final class WearableFixtures {

    public static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** The start of an Apple Health export. */
    public static final byte[] APPLE_HEALTH_HEAD = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<!DOCTYPE HealthData [\n<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>\n]>\n"
            + "<HealthData locale=\"en_US\">\n <ExportDate value=\"2024-01-15 08:00:00 +0100\"/>\n")
            .getBytes(StandardCharsets.UTF_8);
    /** The start of a FHIR R4 bundle. */
    public static final byte[] FHIR_HEAD = ("{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"collection\",\n"
            + "  \"entry\": [ { \"resource\": { \"resourceType\": \"Observation\", \"status\": \"final\" } } ]\n}")
            .getBytes(StandardCharsets.UTF_8);
    /** The start of an Open mHealth data point list. */
    public static final byte[] OPEN_MHEALTH_HEAD = ("[{\"header\": {\"id\": \"1\", \"schema_id\": {\"namespace\": "
            + "\"omh\", \"name\": \"step-count\", \"version\": \"2.0\"}}, \"body\": {\"step_count\": 84}}]")
            .getBytes(StandardCharsets.UTF_8);

    private static final List<String> PACKAGES = List.of("googlefit", "fitbit", "garmin");

    private WearableFixtures() {
    }

    /** A fixture's bytes; {@code resource} is relative to {@code ingest/}, e.g. {@code fitbit/Name/Sleep/x.json}. */
    public static byte[] bytes(String resource) {
        try (InputStream in = WearableFixtures.class.getResourceAsStream("/ingest/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name a fixture has in its archive: its path below the package's folder. */
    public static String archiveName(String resource) {
        return resource.substring(resource.indexOf('/') + 1);
    }

    /** Reads a fixture as the pipeline would: under its name in the archive, in the given zone. */
    public static RecordingSink read(Importer importer, String resource, ZoneId zone) {
        return read(importer, archiveName(resource), bytes(resource), zone);
    }

    public static RecordingSink read(Importer importer, String fileName, byte[] content, ZoneId zone) {
        RecordingSink sink = new RecordingSink();
        try {
            importer.read(new ImportContext(fileName, zone), new ByteArrayInputStream(content), sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sink;
    }

    public static RecordingSink read(Importer importer, String fileName, String content, ZoneId zone) {
        return read(importer, fileName, content.getBytes(StandardCharsets.UTF_8), zone);
    }

    /** The problem a file is refused with. */
    public static Problem problem(Importer importer, String fileName, byte[] content) {
        return assertThrows(ImportException.class, () -> read(importer, fileName, content, BERLIN)).problem();
    }

    public static Problem problem(Importer importer, String fileName, String content) {
        return problem(importer, fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What the fuzz tests hold every importer to: looking at any bytes with {@code reads} and reading them ends normally
     * or with an {@link ImportException}, never with another exception.
     */
    public static void readOrRefuse(Importer importer, String fileName, byte[] data) throws IOException {
        importer.reads(fileName, data);
        try {
            importer.read(new ImportContext(fileName, BERLIN), new ByteArrayInputStream(data), new RecordingSink());
        } catch (ImportException expected) {
            // Refusing the file is one of the two ways to end.
        }
    }

    /** The first {@link Importer#HEAD_BYTES} of the content, as the pipeline hands them to {@code reads}. */
    public static byte[] head(byte[] content) {
        return Arrays.copyOf(content, Math.min(content.length, Importer.HEAD_BYTES));
    }

    /** Every fixture of the wearable exports, relative to {@code ingest/}. */
    public static List<String> all() {
        try {
            Path root = Path.of(WearableFixtures.class.getResource("/ingest").toURI());
            return PACKAGES.stream().flatMap(p -> {
                try (Stream<Path> files = Files.walk(root.resolve(p))) {
                    return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                            .sorted().toList().stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * That the importer claims exactly its own fixtures among all the wearable ones, and none of the other formats'
     * heads, whatever the name they come under.
     */
    public static void assertReadsOnly(Importer importer, String ownFolderPrefix, String ownNamePattern) {
        List<String> all = all();
        List<String> own = all.stream().filter(f -> f.startsWith(ownFolderPrefix)
                && archiveName(f).substring(archiveName(f).lastIndexOf('/') + 1).matches(ownNamePattern)).toList();
        assertFalse(own.isEmpty(), "no fixtures of its own");
        for (String fixture : all) {
            byte[] head = head(bytes(fixture));
            assertEquals(own.contains(fixture), importer.reads(archiveName(fixture), head), fixture);
            assertFalse(importer.reads(archiveName(fixture), APPLE_HEALTH_HEAD), fixture + " with Apple Health");
            assertFalse(importer.reads(archiveName(fixture), FHIR_HEAD), fixture + " with FHIR");
            assertFalse(importer.reads(archiveName(fixture), OPEN_MHEALTH_HEAD), fixture + " with Open mHealth");
            assertFalse(importer.reads(archiveName(fixture), new byte[0]), fixture + " empty");
        }
        assertFalse(importer.reads("apple_health_export/export.xml", APPLE_HEALTH_HEAD));
        assertFalse(importer.reads("bundle.json", FHIR_HEAD));
        assertFalse(importer.reads("omh.json", OPEN_MHEALTH_HEAD));
    }

    /** One reading as the tests write it down: metric, start, end, offset, value, stage, source, position. */
    public static void assertReading(RecordingSink.Reading actual, Metric metric, String start, String end,
            int offset, double value, String stage, String source, long position) {
        assertEquals(metric, actual.metric(), "metric of " + actual);
        assertEquals(Instant.parse(start), actual.start(), "start of " + actual);
        assertEquals(Instant.parse(end), actual.end(), "end of " + actual);
        assertEquals(offset, actual.utcOffsetSeconds(), "offset of " + actual);
        assertEquals(value, actual.value(), 1e-9, "value of " + actual);
        assertEquals(stage, actual.stage(), "stage of " + actual);
        assertEquals(source, actual.source(), "source of " + actual);
        assertEquals(position, actual.position(), "position of " + actual);
        assertTrue(metric == Metric.SLEEP ? !stage.isEmpty() : stage.isEmpty(), "stage only for sleep");
    }
}
