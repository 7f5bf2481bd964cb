package app.wellkeep.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;

import app.wellkeep.account.Person;
import app.wellkeep.account.PersonService;
import app.wellkeep.account.Role;
import app.wellkeep.account.TokenProfile;
import app.wellkeep.checkin.CheckIn;
import app.wellkeep.checkin.CheckInSummary;
import app.wellkeep.checkin.QuestionnaireResponse;
import app.wellkeep.checkin.ReminderSetting;
import app.wellkeep.coach.TriageEntries;
import app.wellkeep.testsupport.Forms;
import app.wellkeep.testsupport.Seed;

/** "Export all my data" end to end: ask on the page, follow the progress, download, and read the file back. */
@QuarkusTest
@TestSecurity(user = "export-patient", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "sub", value = ExportPagesTest.SUBJECT),
        @Claim(key = "name", value = "Erin Export"), @Claim(key = "email", value = "erin@example.org")})
class ExportPagesTest {

    static final String SUBJECT = "sub-export-patient";
    /** One Patient, the check-ins and questionnaire responses, the reminder. */
    static final int RESOURCES = 1 + Seed.CHECK_INS + Seed.RESPONSES + 1;

    @Inject
    ObjectMapper json;

    @Inject
    ExportService exports;

    @Inject
    PersonService persons;

    UUID personId;

    @BeforeEach
    void seed() {
        given().get("/privacy").then().statusCode(200);
        personId = Person.findBySubject(SUBJECT).orElseThrow().id;
        QuarkusTransaction.requiringNew().run(() -> {
            ExportJob.delete("personId", personId);
            ReminderSetting.delete("personId", personId);
            QuestionnaireResponse.update("followsId = null where personId = ?1", personId);
            QuestionnaireResponse.delete("personId", personId);
            CheckIn.delete("personId", personId);
            CheckInSummary.refresh(personId);
            TriageEntries.refresh(personId);
        });
        Seed.checkInData(personId);
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void anExportHoldsAllTheDataInEachFormat(ExportFormat format) throws IOException {
        String page = request(format);
        awaitFinished(page);
        given().get(page).then().statusCode(200).body(containsString("Your download is ready"))
                .body(containsString("<progress")).body(containsString(page + "/download"));

        Response download = given().get(page + "/download");
        download.then().statusCode(200).contentType(containsString(format.mediaType()))
                .header("Content-Disposition", equalTo("attachment; filename=\"wellkeep-export-"
                        + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + "." + format.extension() + "\""));
        byte[] file = download.asByteArray();
        switch (format) {
            case FHIR_BUNDLE -> assertBundle(json.readTree(file));
            case NDJSON -> assertNdjson(new String(file, StandardCharsets.UTF_8));
            case CSV -> assertCsv(CsvZipWriterTest.unzip(file));
        }
    }

    @ParameterizedTest
    @EnumSource(ExportFormat.class)
    void theFileIsSentAsStoredToClientsTakingGzipAndUnpackedForOthers(ExportFormat format) throws IOException {
        String page = request(format);
        awaitFinished(page);
        RestAssuredConfig raw = RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

        Response stored = given().config(raw).header("Accept-Encoding", "gzip, deflate, br").get(page + "/download");
        stored.then().statusCode(200).contentType(containsString(format.mediaType()));
        byte[] body = stored.asByteArray();
        assertEquals(String.valueOf(body.length), stored.header("Content-Length"), "the stored length");
        Response plain = given().config(raw).header("Accept-Encoding", "identity").get(page + "/download");
        plain.then().statusCode(200).contentType(containsString(format.mediaType()))
                .header("Content-Disposition", containsString("." + format.extension()));
        assertNull(plain.header("Content-Encoding"));
        byte[] file = plain.asByteArray();
        if (format.gzipped()) {
            assertEquals("gzip", stored.header("Content-Encoding"));
            assertEquals("Accept-Encoding", stored.header("Vary"));
            assertArrayEquals(file, new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes(),
                    "unpacked on the way, the same file");
            assertTrue(body.length < file.length / 2, body.length + " bytes for " + file.length);
        } else {
            assertNull(stored.header("Content-Encoding"), "a zip is compressed already");
            assertArrayEquals(body, file);
        }
        switch (format) {
            case FHIR_BUNDLE -> assertBundle(json.readTree(file));
            case NDJSON -> assertNdjson(new String(file, StandardCharsets.UTF_8));
            case CSV -> assertCsv(CsvZipWriterTest.unzip(file));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"gzip|true", "gzip, deflate, br, zstd|true", "br;q=1.0, gzip;q=0.8|true",
            "X-GZIP|true", "*|true", "gzip;q=0|false", "gzip; q=0.000|false", "*;q=0|false", "gzip;q=0, *|false",
            "identity|false", "deflate, br|false", "|false"})
    void acceptEncodingIsRead(String header, boolean gzip) {
        assertEquals(gzip, PrivacyPages.accepts(header, "gzip"));
    }

    private void assertBundle(JsonNode bundle) {
        assertEquals("Bundle", bundle.path("resourceType").asText());
        assertEquals("collection", bundle.path("type").asText());
        List<JsonNode> resources = new ArrayList<>();
        bundle.path("entry").forEach(entry -> {
            assertTrue(entry.path("fullUrl").asText().startsWith("https://"), "absolute fullUrl");
            resources.add(entry.path("resource"));
        });
        assertResources(resources);
        assertEquals(RESOURCES, bundle.path("entry").size());
        assertEquals(RESOURCES, resources.stream().map(r -> r.path("resourceType").asText() + "/" + r.path("id"))
                .distinct().count(), "type and id identify each entry");
    }

    private void assertNdjson(String text) throws IOException {
        String[] lines = text.split("\n");
        assertEquals(RESOURCES, lines.length);
        List<JsonNode> resources = new ArrayList<>();
        for (String line : lines) {
            resources.add(json.readTree(line));
        }
        assertResources(resources);
    }

    private void assertResources(List<JsonNode> resources) {
        Map<String, Long> types = resources.stream()
                .collect(Collectors.groupingBy(r -> r.path("resourceType").asText(), Collectors.counting()));
        assertEquals(Map.of("Patient", 1L, "QuestionnaireResponse", (long) Seed.CHECK_INS + Seed.RESPONSES,
                "Basic", 1L), types);
        JsonNode patient = resources.stream().filter(r -> r.path("resourceType").asText().equals("Patient"))
                .findFirst().orElseThrow();
        assertEquals(personId.toString(), patient.path("id").asText());
        assertEquals("Erin Export", patient.path("name").path(0).path("text").asText());
        assertTrue(resources.stream().flatMap(r -> stream(r.path("item")))
                .anyMatch(item -> item.path("linkId").asText().equals("note")
                        && item.path("answer").path(0).path("valueString").asText().equals(Seed.FORMULA_NOTE)),
                "the note as written, in FHIR");
        assertEquals(Seed.RESPONSES, resources.stream().map(r -> r.path("questionnaire").asText())
                .filter(q -> !q.isEmpty() && !q.endsWith("daily-check-in")).count(), "the instrument answers");
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static void assertCsv(Map<String, String> files) {
        assertEquals(List.of("checkin.csv", "checkin_reminder.csv", "person.csv", "questionnaire_response.csv"),
                files.keySet().stream().sorted().toList());
        List<List<String>> checkIns = parseCsv(files.get("checkin.csv"));
        assertEquals(1 + Seed.CHECK_INS, checkIns.size(), "header and one row per check-in");
        int note = checkIns.get(0).indexOf("note");
        assertEquals("'" + Seed.FORMULA_NOTE, checkIns.get(Seed.CHECK_INS).get(note),
                "the formula is neutralised, the text kept");
        for (String file : files.values()) {
            for (List<String> row : parseCsv(file)) {
                for (String cell : row) {
                    assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0,
                            "no cell starts like a formula: " + cell);
                }
            }
        }
        assertEquals(1 + Seed.RESPONSES, parseCsv(files.get("questionnaire_response.csv")).size());
        List<List<String>> person = parseCsv(files.get("person.csv"));
        assertEquals("Erin Export", person.get(1).get(person.get(0).indexOf("display_name")));
        assertEquals("19:30", parseCsv(files.get("checkin_reminder.csv")).get(1).get(1));
    }

    @Test
    void theProgressPageWorksWithoutScriptAndItsScriptPollsTheStatus() {
        String page = request(ExportFormat.NDJSON);
        given().get(page).then().statusCode(200).body(containsString("<progress id=\"export-progress\""))
                .body(containsString("/assets/js/export-progress.js"))
                .body(not(containsString("<script>")));
        awaitFinished(page);
        given().get(page + "/status").then().statusCode(200).body("status", equalTo("DONE"))
                .body("done", equalTo(exportsSections())).body("total", equalTo(exportsSections()));
        given().get("/privacy").then().statusCode(200).body(containsString(page)).body(containsString("Ready"));
    }

    @Test
    void whileOneExportIsUnderWayAskingAgainLeadsToIt() {
        ExportJob queued = QuarkusTransaction.requiringNew().call(() -> {
            ExportJob job = new ExportJob();
            job.id = UUID.randomUUID();
            job.personId = personId;
            job.format = ExportFormat.CSV;
            // Running elsewhere: this instance's worker leaves it alone.
            job.status = ExportJob.Status.RUNNING;
            job.heartbeatAt = Instant.now();
            job.attempts = 1;
            job.sectionsTotal = 3;
            job.createdAt = Instant.now();
            job.expiresAt = Instant.now().plus(ExportService.KEEP);
            job.persist();
            return job;
        });
        String page = request(ExportFormat.FHIR_BUNDLE);
        assertEquals("/privacy/exports/" + queued.id, page);
        given().get(page).then().statusCode(200).body(containsString("Check again"))
                .body(containsString("data-export-status=\"" + page + "/status\""));
    }

    @Test
    void anUnknownFormatIsRefused() {
        Forms.withCsrfFrom("/privacy").formParam("format", "XML").post("/privacy/exports").then().statusCode(422)
                .body(containsString("Please choose one of the formats")).body(containsString("aria-invalid"));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ExportJob.count("personId", personId)));
    }

    @Test
    void anotherPatientsExportIsNotFound() {
        Person other = persons.signIn(new TokenProfile("sub-export-other", "Olga Other", null, Role.PATIENT));
        ExportJob theirs = exports.request(other.id, ExportFormat.CSV);
        awaitStatus(theirs.id, ExportJob.Status.DONE);
        String page = "/privacy/exports/" + theirs.id;
        given().get(page).then().statusCode(Status.NOT_FOUND.getStatusCode());
        given().get(page + "/status").then().statusCode(Status.NOT_FOUND.getStatusCode());
        given().get(page + "/download").then().statusCode(Status.NOT_FOUND.getStatusCode())
                .body(not(containsString("Olga")));
        given().get("/privacy").then().statusCode(200).body(not(containsString(theirs.id.toString())));
    }

    private int exportsSections() {
        return QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>find("personId", personId)
                .firstResult().sectionsTotal);
    }

    /** Asks for an export on the page; returns where it leads. */
    private static String request(ExportFormat format) {
        String location = Forms.withCsrfFrom("/privacy").formParam("format", format.name()).post("/privacy/exports")
                .then().statusCode(Status.SEE_OTHER.getStatusCode()).extract().header("Location");
        String path = java.net.URI.create(location).getPath();
        assertTrue(path.matches("/privacy/exports/[0-9a-f-]{36}"), path);
        return path;
    }

    /** Polls the status as the page's script does, until the export is no longer under way. */
    private static void awaitFinished(String page) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String status = "QUEUED";
        while (!status.equals("DONE")) {
            status = given().get(page + "/status").then().statusCode(200).extract().path("status");
            assertFalse(status.equals("FAILED"), "the export failed");
            assertTrue(Instant.now().isBefore(deadline), "the export did not finish in time");
            pause();
        }
    }

    private static void awaitStatus(UUID id, ExportJob.Status wanted) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (QuarkusTransaction.requiringNew().call(() -> ExportJob.<ExportJob>findById(id).status) != wanted) {
            assertTrue(Instant.now().isBefore(deadline), "the export did not reach " + wanted);
            pause();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; lines end in CRLF. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertTrue(row.isEmpty() && cell.isEmpty(), "the file ends with a line break");
        return rows;
    }
}
