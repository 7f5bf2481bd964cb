package app.wellkeep.privacy;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

import app.wellkeep.account.Person;
import app.wellkeep.privacy.ExportJob.Status;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.ReadingBatch;
import app.wellkeep.vitals.Sample;
import app.wellkeep.vitals.SampleService;

/**
 * An export of a wearable's worth of readings: written into the database in many chunks, read back whole through the
 * download, in every format; and one that fails midway leaves none of its chunks.
 */
@QuarkusTest
@TestSecurity(user = "large-export-patient", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "sub", value = LargeExportTest.SUBJECT),
        @Claim(key = "name", value = "Lena Large")})
class LargeExportTest {

    static final String SUBJECT = "sub-large-export-patient";
    /** Minute by minute, some 139 days of a watch's heart rate. */
    static final int READINGS = 200_000;

    @Inject
    SampleService samples;

    @Inject
    ExportService exports;

    @Inject
    ExportFiles files;

    @Inject
    ObjectMapper json;

    @TestHTTPResource("/")
    URL root;

    UUID personId;

    @BeforeEach
    void readings() {
        given().get("/privacy").then().statusCode(200);
        Person person = QuarkusTransaction.requiringNew().call(() -> Person.findBySubject(SUBJECT).orElseThrow());
        personId = person.id;
        QuarkusTransaction.requiringNew().run(() -> ExportJob.delete("personId", personId));
        if (samples.count(personId) == READINGS) {
            return;
        }
        // Through the import path, as a wearable's export arrives: staged as read, then published in one go.
        ReadingBatch batch = samples.stagedBatch(person, UUID.randomUUID(), 1, 250_000);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Random random = new Random(READINGS);
        for (int i = 0; i < READINGS; i++) {
            Instant at = start.plusSeconds(60L * i);
            batch.add(Metric.HEART_RATE, at, at, 3600, 55 + random.nextInt(40), Sample.NO_STAGE, "Test Watch");
        }
        batch.finishReading();
        QuarkusTransaction.requiringNew().timeout(600).call(() -> samples.publish(batch));
        assertEquals(READINGS, samples.count(personId));
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void manyReadingsAreStoredInManyChunksAndDownloadedWhole(ExportFormat format) throws Exception {
        ExportJob job = exports.request(personId, format);
        ExportJob done = await(job.id, Status.DONE);

        Map<Integer, Long> chunks = ExportWorkerTest.chunks(job.id);
        assertEquals(List.of(done.attempts), List.copyOf(chunks.keySet()), "the file of one attempt");
        long count = chunks.get(done.attempts);
        assertTrue(count >= 8, "written in many chunks: " + count);
        assertEquals(done.sizeBytes, ExportWorkerTest.storedBytes(job.id));
        assertTrue(done.sizeBytes > (count - 1) * ExportFiles.CHUNK && done.sizeBytes <= count * ExportFiles.CHUNK,
                "every chunk but the last is full");

        HttpResponse<InputStream> download = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(root + "privacy/exports/" + job.id + "/download"))
                        .header("Accept-Encoding", "gzip, deflate, br").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, download.statusCode());
        assertEquals(String.valueOf(done.sizeBytes), download.headers().firstValue("Content-Length").orElse(null),
                "the length is known: the file is sent as stored");
        assertEquals(format.gzipped() ? "gzip" : null, download.headers().firstValue("Content-Encoding").orElse(null));
        Counting received = new Counting(download.body());
        try (InputStream file = format.gzipped() ? new GZIPInputStream(received) : received) {
            Map<String, Long> types = switch (format) {
                case FHIR_BUNDLE -> bundleEntries(file);
                case NDJSON -> ndjsonLines(file);
                case CSV -> csvRows(file);
            };
            assertEquals((long) READINGS, types.get("Observation"), "every reading, once: " + types);
            assertEquals(1L, types.get("Patient"), "and the rest of the data: " + types);
            // To the end, past the gzip trailer (its checksum checked on the way).
            file.transferTo(OutputStream.nullOutputStream());
        }
        assertEquals(done.sizeBytes, received.count, "the whole file came");
    }

    @Test
    void anExportThatFailsMidwayLeavesNoChunks() throws Exception {
        FailingFiles failing = new FailingFiles(ClientProxy.unwrap(files), 3);
        QuarkusMock.installMockForType(failing, ExportFiles.class);
        try {
            ExportJob job = exports.request(personId, ExportFormat.FHIR_BUNDLE);
            await(job.id, Status.FAILED);
            assertEquals(3, failing.stored, "chunks had been stored before the failure");
            assertEquals(Map.of(), ExportWorkerTest.chunks(job.id), "none of them is left");
            assertNull(QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>findById(job.id).sizeBytes));
        } finally {
            QuarkusMock.installMockForType(ClientProxy.unwrap(files), ExportFiles.class);
        }
    }

    /** The real store, except that it fails as a lost database would once it stored {@code before} chunks. */
    static final class FailingFiles extends ExportFiles {

        final ExportFiles real;
        final int before;
        volatile int stored;

        FailingFiles(ExportFiles real, int before) {
            this.real = real;
            this.before = before;
        }

        @Override
        void store(UUID exportId, int attempt, int seq, byte[] data) throws IOException {
            if (stored == before) {
                throw new IOException("connection to the database lost");
            }
            real.store(exportId, attempt, seq, data);
            stored++;
        }

        @Override
        InputStream open(UUID exportId, int attempt) {
            return real.open(exportId, attempt);
        }

        @Override
        void delete(UUID exportId, int attempt) {
            real.delete(exportId, attempt);
        }

        @Override
        void deleteAll(UUID exportId) {
            real.deleteAll(exportId);
        }

        @Override
        int purgeOrphans() {
            return real.purgeOrphans();
        }
    }

    /** Resources by type in a Bundle, read as a stream: a tree of the whole Bundle would not fit a test's heap. */
    private Map<String, Long> bundleEntries(InputStream in) throws IOException {
        Map<String, Long> types = new HashMap<>();
        try (JsonParser parser = json.createParser(in).disable(JsonParser.Feature.AUTO_CLOSE_SOURCE)) {
            assertEquals(JsonToken.START_OBJECT, parser.nextToken());
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (field.equals("entry")) {
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode entry = parser.readValueAsTree();
                        types.merge(entry.path("resource").path("resourceType").asText(), 1L, Long::sum);
                    }
                } else if (field.equals("resourceType")) {
                    assertEquals("Bundle", parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
        }
        return types;
    }

    private Map<String, Long> ndjsonLines(InputStream in) throws IOException {
        Map<String, Long> types = new HashMap<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            types.merge(json.readTree(line).path("resourceType").asText(), 1L, Long::sum);
        }
        return types;
    }

    /** Rows per table, under the FHIR names of the two tables this test counts. */
    private static Map<String, Long> csvRows(InputStream in) throws IOException {
        Map<String, Long> types = new HashMap<>();
        ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            String name = switch (entry.getName()) {
                case "reading.csv" -> "Observation";
                case "person.csv" -> "Patient";
                default -> entry.getName();
            };
            BufferedReader lines = new BufferedReader(new InputStreamReader(zip, StandardCharsets.UTF_8));
            long rows = -1; // the header
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                rows++;
            }
            types.put(name, rows);
        }
        return types;
    }

    private static ExportJob await(UUID id, Status wanted) {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        while (true) {
            ExportJob job = QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>findById(id));
            if (job.status == wanted) {
                return job;
            }
            assertTrue(!job.status.equals(Status.FAILED) && !job.status.equals(Status.DONE),
                    "the export ended " + job.status + ", not " + wanted);
            assertTrue(Instant.now().isBefore(deadline), "the export did not reach " + wanted);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Counts the bytes that came over the wire. */
    static final class Counting extends FilterInputStream {

        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }
}
