package app.wellkeep.ingest.apple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.RecordingSink.Reading;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.vitals.Metric;

/** Apple Health's export.xml, from a fixture written as iPhones write it (inline DTD, quirks and all). */
class AppleHealthImporterTest {

    static final ImportContext CONTEXT = new ImportContext("apple_health_export/export.xml",
            ZoneId.of("America/Chicago"));
    static final String WATCH = "Maya’s Apple Watch";
    static final int CDT = -5 * 3600;

    static RecordingSink read(InputStream in) throws IOException {
        RecordingSink sink = new RecordingSink();
        new AppleHealthImporter().read(CONTEXT, in, sink);
        return sink;
    }

    static RecordingSink fixture() throws IOException {
        try (InputStream in = AppleHealthImporterTest.class.getResourceAsStream("/ingest/apple/export.xml")) {
            return read(in);
        }
    }

    static Instant at(String local) {
        return java.time.OffsetDateTime.parse(local).toInstant();
    }

    static List<Reading> of(RecordingSink sink, Metric metric) {
        return sink.readings.stream().filter(r -> r.metric() == metric).toList();
    }

    @Test
    void heartRateKeepsItsOffsetAndSource() throws IOException {
        List<Reading> heart = of(fixture(), Metric.HEART_RATE);
        assertEquals(List.of(62.0, 64.5, 58.0, 900.0, 61.0), heart.stream().map(Reading::value).toList(),
                "900 and the future reading are for the pipeline to refuse");
        Reading first = heart.get(0);
        assertEquals(at("2024-10-25T07:04:44-05:00"), first.start());
        assertEquals(first.start(), first.end());
        assertEquals(CDT, first.utcOffsetSeconds());
        assertEquals(WATCH, first.source());
        assertEquals("", first.stage());
        assertEquals(3600, heart.get(2).utcOffsetSeconds(), "a reading taken abroad keeps its own offset");
        assertEquals(at("2024-10-25T23:59:58+01:00"), heart.get(2).start());
    }

    @Test
    void unitsAreConverted() throws IOException {
        RecordingSink sink = fixture();
        assertEquals(List.of(158.2 * 0.45359237, 71.6), of(sink, Metric.WEIGHT).stream().map(Reading::value).toList());
        assertEquals(List.of(1301.23, 0.5 * 1609.344), of(sink, Metric.DISTANCE).stream().map(Reading::value).toList());
        List<Double> energy = of(sink, Metric.ACTIVE_ENERGY).stream().map(Reading::value).toList();
        assertEquals(4.254, energy.get(0));
        assertEquals(10.0, energy.get(1), 1e-9, "41.84 kJ");
        assertEquals(37.0, of(sink, Metric.BODY_TEMPERATURE).get(0).value(), 1e-9, "98.6 °F");
        List<Reading> glucose = of(sink, Metric.GLUCOSE);
        assertEquals(97.0, glucose.get(0).value());
        assertEquals(99.0857, glucose.get(1).value(), 1e-4, "5.5 mmol/L by Apple's molar mass, 180.16 g/mol");
        assertEquals(97.0, of(sink, Metric.OXYGEN_SATURATION).get(0).value(), 1e-9, "a fraction, stored as %");
        assertEquals(24.3, of(sink, Metric.BODY_FAT).get(0).value(), 1e-9);
        assertEquals(24.1, of(sink, Metric.BODY_MASS_INDEX).get(0).value());
        assertEquals(14.5, of(sink, Metric.RESPIRATORY_RATE).get(0).value());
        assertEquals(41.2832, of(sink, Metric.HEART_RATE_VARIABILITY).get(0).value());
        assertEquals(57.0, of(sink, Metric.RESTING_HEART_RATE).get(0).value());
    }

    @Test
    void stepsAreIntervalsFromEachDevice() throws IOException {
        List<Reading> steps = of(fixture(), Metric.STEPS);
        assertEquals(3, steps.size());
        assertEquals(new Reading(Metric.STEPS, at("2024-10-25T08:00:00-05:00"), at("2024-10-25T08:45:00-05:00"), CDT,
                1873, "", "Maya’s iPhone", steps.get(0).position()), steps.get(0));
        assertEquals("Maya’s Apple Watch", steps.get(1).source());
        assertEquals(-12.0, steps.get(2).value(), "negative steps reach the pipeline, which refuses them");
    }

    @Test
    void sleepComesByStageInMinutes() throws IOException {
        Map<String, Double> stages = of(fixture(), Metric.SLEEP).stream()
                .collect(Collectors.toMap(r -> r.source() + " " + r.stage(), Reading::value, Double::sum));
        assertEquals(Map.of(WATCH + " IN_BED", 468.5, WATCH + " CORE", 180.0, WATCH + " DEEP", 75.0,
                WATCH + " AWAKE", 12.0, WATCH + " REM", 90.0, "AutoSleep ASLEEP", 450.0), stages);
    }

    @Test
    void bloodPressureInsideItsCorrelationAndOnItsOwnIsReportedBothTimes() throws IOException {
        RecordingSink sink = fixture();
        // The pipeline keeps one of each: same metric, source and time is the same reading.
        assertEquals(List.of(128.0, 128.0), of(sink, Metric.SYSTOLIC).stream().map(Reading::value).toList());
        assertEquals(List.of(84.0, 84.0), of(sink, Metric.DIASTOLIC).stream().map(Reading::value).toList());
        assertEquals(of(sink, Metric.SYSTOLIC).get(0).start(), of(sink, Metric.SYSTOLIC).get(1).start());
    }

    @Test
    void entriesThatCannotBeReadAreRejectedWithTheirLine() throws IOException {
        RecordingSink sink = fixture();
        Map<Rejection, Long> reasons = sink.rejected.stream()
                .collect(Collectors.groupingBy(RecordingSink.Rejected::reason, Collectors.counting()));
        assertEquals(Map.of(Rejection.BAD_TIME, 1L, Rejection.INVALID_FIELD, 2L, Rejection.UNKNOWN_UNIT, 1L,
                Rejection.MISSING_FIELD, 1L), reasons);
        assertTrue(sink.rejected.stream().allMatch(r -> r.position() > 60), "line numbers of the records");
        assertFalse(sink.rejected.stream().anyMatch(r -> r.detail().contains("sixty")), "no values in details");
    }

    @Test
    void typesWellkeepDoesNotKeepAreCountedAsSkipped() throws IOException {
        Map<String, Long> skipped = fixture().skipped.stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
        assertEquals(Map.of("HKQuantityTypeIdentifierBasalEnergyBurned", 1L,
                "HKQuantityTypeIdentifierFlightsClimbed", 1L, "HKCategoryTypeIdentifierMindfulSession", 1L, "Workout",
                1L, "ActivitySummary", 1L), skipped);
    }

    @ParameterizedTest
    @CsvSource({"2024-10-25 07:04:44 -0500, 2024-10-25T12:04:44Z", "2024-02-29 23:59:59 +1400, 2024-02-29T09:59:59Z",
            "1969-12-31 23:59:59 +0000, 1969-12-31T23:59:59Z", "2000-03-01 00:00:00 +0530, 2000-02-29T18:30:00Z",
            "2100-12-31 12:00:00 -0930, 2100-12-31T21:30:00Z"})
    void datesAreReadByPosition(String apple, String utc) {
        assertEquals(Instant.parse(utc).getEpochSecond(), AppleDate.epochSecond(apple));
    }

    @ParameterizedTest
    @CsvSource({"2023-02-29 10:00:00 -0500", "2024-13-01 10:00:00 -0500", "2024-10-25 24:00:00 -0500",
            "2024-10-25 07:04:44 -2500", "2024-10-25T07:04:44-0500", "2024-10-25 07:04:44", "24-10-25 07:04:44 -0500",
            "2024-10-25 07:04:4x -0500"})
    void impossibleDatesAreInvalid(String apple) {
        assertEquals(AppleDate.INVALID, AppleDate.epochSecond(apple));
    }

    @Test
    void readsOnlyHealthExports() {
        AppleHealthImporter importer = new AppleHealthImporter();
        byte[] head = "<?xml version=\"1.0\"?>\n<!DOCTYPE HealthData [\n]>\n<HealthData locale=\"en_US\">"
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(importer.reads("apple_health_export/export.xml", head));
        assertFalse(importer.reads("apple_health_export/export_cda.xml",
                "<?xml version=\"1.0\"?><ClinicalDocument xmlns=\"urn:hl7-org:v3\">".getBytes(StandardCharsets.UTF_8)));
        assertFalse(importer.reads("export.csv", head));
        assertFalse(importer.reads("bundle.xml",
                "<Bundle xmlns=\"http://hl7.org/fhir\">".getBytes(StandardCharsets.UTF_8)));
    }

    static Problem problem(String xml) {
        return assertThrows(ImportException.class,
                () -> read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))).problem();
    }

    @Test
    void hostileOrBrokenFilesAreRefused() {
        assertEquals(Problem.ENTITIES, problem("""
                <?xml version="1.0"?>
                <!DOCTYPE HealthData [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <HealthData><Record type="HKQuantityTypeIdentifierHeartRate" sourceName="&xxe;"/></HealthData>"""));
        assertEquals(Problem.TRUNCATED, problem("<HealthData locale=\"en_US\"><Record type=\"HKQuantityType"));
        assertEquals(Problem.UNSUPPORTED_FORMAT, problem("<ClinicalDocument/>"));
        assertEquals(Problem.MALFORMED, problem("<HealthData><Record></HealthData>"));
        assertEquals(Problem.TRUNCATED, problem(""));
    }
}
