package app.wellkeep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.ImportJob.Status;
import app.wellkeep.vitals.DailyRollup;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SampleService;
import app.wellkeep.vitals.StagedBlock;

/**
 * The import pipeline end to end: upload, background reading, staging, publishing with counts; the same file
 * twice; deleting an import; and every kind of bad input refused with nothing stored.
 */
@QuarkusTest
class ImportPipelineTest {

    @Inject
    ImportService imports;

    @Inject
    SampleService samples;

    Person person;

    @BeforeEach
    void person() {
        person = ConsentFixture.person("import-" + UUID.randomUUID(), Role.PATIENT);
    }

    static byte[] resource(String path) {
        try (InputStream in = ImportPipelineTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An export.zip as the Health app writes it: the export, its CDA twin and a workout route. */
    static byte[] appleZip() throws IOException {
        return zip(Map.of("apple_health_export/export.xml", resource("/ingest/apple/export.xml"),
                "apple_health_export/export_cda.xml",
                "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>".getBytes(StandardCharsets.UTF_8),
                "apple_health_export/workout-routes/route_2024-10-25_8.45am.gpx",
                "<?xml version=\"1.0\"?><gpx version=\"1.1\"/>".getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (var file : new java.util.TreeMap<>(files).entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    ImportJob run(String name, byte[] content) throws Exception {
        ImportJob job = imports.receive(person, name, new ByteArrayInputStream(content));
        ImportJob done = imports.await(person, job.id, Duration.ofSeconds(60));
        assertTrue(!done.status.active(), "the import finished: " + done.status);
        return done;
    }

    Map<String, Long> tallies(ImportJob job, ImportTally.Kind kind) {
        return imports.tallies(person, job.id).stream().filter(t -> t.kind == kind)
                .collect(Collectors.toMap(t -> t.label, t -> t.count));
    }

    DailyRollup day(Metric metric, String date, String stage) {
        return QuarkusTransaction.requiringNew().call(() -> DailyRollup.<DailyRollup>find(
                "personId = ?1 and metric = ?2 and localDate = ?3 and stage = ?4", person.id, metric,
                LocalDate.parse(date), stage).firstResult());
    }

    @Test
    void anAppleExportImportsAndTheSameFileAgainAddsNothing() throws Exception {
        ImportJob first = run("export.zip", appleZip());
        assertEquals(Status.DONE, first.status);
        assertEquals("apple-health", first.formats);
        assertEquals(28, first.added);
        assertEquals(0, first.duplicates);
        assertEquals(2, first.repeated, "blood pressure is listed in its correlation and on its own");
        assertEquals(8, first.rejected);
        assertEquals(5, first.skipped);
        assertEquals(28, samples.count(person.id));
        assertEquals(Map.of("IMPLAUSIBLE", 2L, "FUTURE", 1L, "BAD_TIME", 1L, "INVALID_FIELD", 2L, "UNKNOWN_UNIT", 1L,
                "MISSING_FIELD", 1L), tallies(first, ImportTally.Kind.REJECTED));
        assertEquals(Map.of("apple_health_export/export_cda.xml", 1L,
                "apple_health_export/workout-routes/route_2024-10-25_8.45am.gpx", 1L),
                tallies(first, ImportTally.Kind.FILE_SKIPPED));
        assertEquals(8, imports.rejections(person, first.id).size());

        // The day's figures were counted as the import was published: the phone's steps, not phone plus watch.
        assertEquals(1873, day(Metric.STEPS, "2024-10-25", "").total);
        assertEquals(180, day(Metric.SLEEP, "2024-10-25", "CORE").total);
        assertEquals(128, day(Metric.SYSTOLIC, "2024-10-25", "").latest);
        assertEquals(1, day(Metric.SYSTOLIC, "2024-10-25", "").count);

        ImportJob again = run("export.zip", appleZip());
        assertEquals(Status.DONE, again.status);
        assertEquals(0, again.added);
        assertEquals(28, again.duplicates);
        assertEquals(28, samples.count(person.id), "importing the same file twice adds nothing");
        assertEquals(1873, day(Metric.STEPS, "2024-10-25", "").total);
    }

    @Test
    void deletingAnImportRemovesWhatItAddedAndRecountsTheDays() throws Exception {
        ImportJob csv = run("readings.csv", ("metric,start,end,value,unit,source\n"
                + "steps,2024-10-25T09:00:00+01:00,2024-10-25T10:00:00+01:00,4000,steps,Pedometer\n"
                + "weight,2024-10-25T07:00:00+01:00,,70.5,kg,Scale\n").getBytes(StandardCharsets.UTF_8));
        ImportJob apple = run("export.zip", appleZip());
        assertEquals(4000, day(Metric.STEPS, "2024-10-25", "").total, "the pedometer counted more than the phone");
        assertEquals(30, samples.count(person.id));

        assertEquals(2, imports.delete(person, csv.id));
        assertEquals(28, samples.count(person.id));
        assertEquals(1873, day(Metric.STEPS, "2024-10-25", "").total, "recounted without the pedometer");
        assertThrows(jakarta.ws.rs.NotFoundException.class, () -> imports.job(person, csv.id));

        assertEquals(28, imports.delete(person, apple.id));
        assertEquals(0, samples.count(person.id));
        assertEquals(null, day(Metric.STEPS, "2024-10-25", ""));
    }

    @Test
    void readingsOfOneDaySpreadOverManyStagedPartsAreCountedOnce() throws Exception {
        // Stage parts hold 500 readings in tests: this file's 1,440 minutes of heart rate arrive in three parts,
        // twice over (the second half repeats the first), and out of order.
        StringBuilder csv = new StringBuilder("metric,start,end,value,unit,source\n");
        for (int pass = 0; pass < 2; pass++) {
            for (int minute = 1439; minute >= 0; minute--) {
                csv.append(String.format("heart-rate,2024-10-25T%02d:%02d:00Z,,%d,/min,Watch%n", minute / 60,
                        minute % 60, 60 + minute % 7));
            }
        }
        ImportJob job = run("minutes.csv", csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(1440, job.added);
        assertEquals(1440, job.repeated);
        assertGone(() -> QuarkusTransaction.requiringNew().call(() -> StagedBlock.count("batchId", job.id)),
                "the staged parts are removed once published");
        // 00:00 to 22:59 UTC is 25 October in London (BST), the rest is the 26th.
        assertEquals(1380, day(Metric.HEART_RATE, "2024-10-25", "").count);
        assertEquals(60, day(Metric.HEART_RATE, "2024-10-26", "").count);
        assertEquals(60, day(Metric.HEART_RATE, "2024-10-25", "").min);
        assertEquals(66, day(Metric.HEART_RATE, "2024-10-25", "").max);
    }

    @Test
    void impossibleAndFutureReadingsAreRejectedAndTheRestImported() throws Exception {
        ImportJob impossible = run("impossible.csv", resource("/ingest/hostile/impossible.csv"));
        assertEquals(Status.DONE, impossible.status);
        assertEquals(1, impossible.added);
        assertEquals(Map.of("IMPLAUSIBLE", 2L), tallies(impossible, ImportTally.Kind.REJECTED));
        List<ImportRejection> rows = imports.rejections(person, impossible.id);
        assertEquals(List.of(2L, 3L), rows.stream().map(r -> r.position).toList(), "their lines in the file");
        assertTrue(rows.get(0).detail.contains("900"), rows.get(0).detail);

        ImportJob future = run("future.csv", resource("/ingest/hostile/future.csv"));
        assertEquals(1, future.added);
        assertEquals(Map.of("FUTURE", 1L), tallies(future, ImportTally.Kind.REJECTED));
        assertEquals(2, samples.count(person.id));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"xxe-export.xml, ENTITIES", "entity-bomb-export.xml, ENTITIES", "deep-export.xml, TOO_DEEP",
            "deep-datapoint.json, TOO_DEEP", "latin1-export.xml, NOT_UTF8", "truncated-export.xml, TRUNCATED",
            "garbage-after-header.csv, NOT_UTF8", "zip-slip.zip, UNSAFE_PATH", "nested.zip, NESTED_ARCHIVE",
            "nested-disguised.zip, NESTED_ARCHIVE", "bomb.zip, COMPRESSION_RATIO",
            "bomb-in-unread-file.zip, COMPRESSION_RATIO",
            "many-entries.zip, TOO_MANY_ENTRIES", "truncated.zip, TRUNCATED"})
    void hostileOrBrokenFilesFailWithTheirReasonAndStoreNothing(String file, Problem problem) throws Exception {
        ImportJob job = run(file, resource("/ingest/hostile/" + file));
        assertEquals(Status.FAILED, job.status);
        assertEquals(problem, job.problem);
        assertNothingStored(job.id);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"garbage.csv, UNSUPPORTED_FORMAT", "not-a-format.txt, UNSUPPORTED_FORMAT"})
    void filesOfNoKnownFormatAreRefusedOnArrival(String file, Problem problem) {
        ImportException refused = assertThrows(ImportException.class, () -> imports.receive(person, file,
                new ByteArrayInputStream(resource("/ingest/hostile/" + file))));
        assertEquals(problem, refused.problem());
        assertEquals(List.of(), imports.history(person), "nothing of the upload is kept");
    }

    @Test
    void anEmptyUploadIsRefusedOnArrival() {
        assertEquals(Problem.EMPTY, assertThrows(ImportException.class,
                () -> imports.receive(person, "export.zip", new ByteArrayInputStream(new byte[0]))).problem());
    }

    @Test
    void anUploadOverTheLimitIsRefusedAsItArrives() {
        // The test limit is 16 MiB; the stream is never held whole.
        InputStream endless = new InputStream() {

            long left = 17L << 20;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }
        };
        assertEquals(Problem.TOO_LARGE,
                assertThrows(ImportException.class, () -> imports.receive(person, "big.csv", endless)).problem());
        assertEquals(List.of(), imports.history(person));
    }

    @Test
    void anArchiveThatUnpacksToMoreThanTheLimitFailsEvenInAFileNobodyReads() throws Exception {
        // Ordinary compression (some eight times smaller), 72 MiB unpacked against the test limit of 64 MiB.
        java.util.Random random = new java.util.Random(3);
        byte[] noise = new byte[72 << 20];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = (byte) (random.nextBoolean() ? '0' : '1');
        }
        ImportJob job = run("export.zip",
                zip(Map.of("apple_health_export/export.xml", resource("/ingest/apple/export.xml"),
                        "apple_health_export/electrocardiograms/ecg_2024-10-25.csv", noise)));
        assertEquals(Problem.UNPACKED_TOO_LARGE, job.problem);
        assertNothingStored(job.id);
    }

    private void assertNothingStored(UUID importId) throws InterruptedException {
        assertEquals(0, samples.count(person.id), "no reading of a failed import is visible");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> DailyRollup.count("personId", person.id)));
        // Invisible to every page, and removed in small transactions right after the import failed.
        assertGone(() -> QuarkusTransaction.requiringNew().call(() -> StagedBlock.count("batchId", importId)),
                "the staged parts");
        assertGone(() -> ((Number) QuarkusTransaction.requiringNew().call(() -> ImportJob.getEntityManager()
                .createNativeQuery("SELECT COUNT(*) FROM import_chunk WHERE import_id = ?1")
                .setParameter(1, importId).getSingleResult())).longValue(), "the upload");
    }

    /** Waits (up to 30 s) until the count is zero. */
    static void assertGone(java.util.function.Supplier<Long> count, String what) throws InterruptedException {
        java.time.Instant until = java.time.Instant.now().plusSeconds(30);
        while (count.get() > 0) {
            if (java.time.Instant.now().isAfter(until)) {
                throw new AssertionError(what + " are still there");
            }
            Thread.sleep(50);
        }
    }
}
