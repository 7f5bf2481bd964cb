package app.wellkeep.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import app.wellkeep.account.Person;
import app.wellkeep.testsupport.Forms;
import app.wellkeep.vitals.SampleService;

/** The import pages: upload with the form, follow the import, read its report, download its refusals, delete it. */
@QuarkusTest
@TestSecurity(user = "import-patient", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "sub", value = ImportPagesTest.SUBJECT),
        @Claim(key = "name", value = "Ida Import")})
class ImportPagesTest {

    static final String SUBJECT = "sub-import-patient";
    static final String CSV = "metric,start,end,value,unit,source\n"
            + "steps,2024-10-25T09:00:00+01:00,2024-10-25T10:00:00+01:00,4000,steps,Pedometer\n"
            + "heart-rate,2024-10-25T09:00:00+01:00,,900,/min,Pedometer\n"
            + "weight,2024-10-25T07:00:00+01:00,,=HYPERLINK(\"x\"),kg,Scale\n";

    @Inject
    SampleService samples;

    Person person;

    @BeforeEach
    void clean() {
        given().get("/imports").then().statusCode(200);
        person = Person.findBySubject(SUBJECT).orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> ImportJob.delete("personId", person.id));
        QuarkusTransaction.requiringNew().run(() -> samples.eraseAll(person.id));
    }

    /** A multipart upload as the page's form sends it, with the CSRF cookie and token. */
    static RequestSpecification form() {
        Response page = given().get("/imports");
        String token = page.htmlPath().getString("**.find { it.@name == '" + Forms.CSRF + "' }.@value");
        return given().redirects().follow(false).cookie(Forms.CSRF, page.getCookie(Forms.CSRF))
                .multiPart(Forms.CSRF, token);
    }

    String upload(String name, byte[] content) {
        String location = form().multiPart("file", name, content, "application/octet-stream").post("/imports")
                .then().statusCode(303).header("Location", containsString("/imports/")).extract().header("Location");
        return java.net.URI.create(location).getPath();
    }

    void awaitDone(String page) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            String status = given().get(page + "/status").then().statusCode(200).extract().path("status");
            if (status.equals("DONE") || status.equals("FAILED")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    @Test
    void theFormUploadsAndThePageReportsWhatBecameOfEachEntry() throws Exception {
        given().get("/imports").then().statusCode(200).body(containsString("enctype=\"multipart/form-data\""))
                .body(containsString("You have not brought in any readings yet"))
                .body(containsString("/imports/template.csv")).body(containsString("Export All Health Data"));
        String page = upload("readings.csv", CSV.getBytes(StandardCharsets.UTF_8));
        awaitDone(page);
        given().get(page).then().statusCode(200).body(containsString("Done. 1 new readings are in your trends now."))
                .body(containsString("Import of readings.csv"))
                .body(containsString("The value is not possible for a person"))
                .body(containsString("A field holds something the format does not allow"))
                .body(containsString(page + "/rejected.csv")).body(not(containsString("<progress")));
        given().get("/imports").then().body(containsString("readings.csv"))
                .body(containsString("Imported"));
        assertEquals(1, samples.count(person.id));
    }

    @Test
    void theRejectedEntriesDownloadAsCsvThatNoSpreadsheetTakesForFormulas() throws Exception {
        String page = upload("readings.csv", CSV.getBytes(StandardCharsets.UTF_8));
        awaitDone(page);
        String csv = given().get(page + "/rejected.csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", equalTo("attachment; filename=\"not-imported-readings.csv.csv\""))
                .extract().asString();
        String[] lines = csv.split("\r\n");
        assertEquals("\"File\",\"Where in the file\",\"Reason\",\"Detail\"", lines[0]);
        assertTrue(lines[1].startsWith("\"readings.csv\",\"line 3\",\"The value is not possible"), lines[1]);
        assertTrue(lines[1].contains("900"), lines[1]);
        assertEquals(3, lines.length);
    }

    @Test
    void aFileOfNoKnownFormatIsRefusedOnThePageWithItsReason() {
        form().multiPart("file", "diary.txt", "Dear diary".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/imports").then().statusCode(415)
                .body(containsString("Wellkeep cannot read this kind of file")).body(containsString("role=\"alert\""))
                .body(containsString("aria-invalid=\"true\""));
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ImportJob.count("personId", person.id)));
    }

    @Test
    void aFormWithoutAFileAsksForOne() {
        form().post("/imports").then().statusCode(422).body(containsString("Choose a file to upload."));
    }

    @Test
    void anUploadWithoutTheCsrfTokenIsRefused() {
        given().redirects().follow(false).multiPart("file", "readings.csv", CSV.getBytes(StandardCharsets.UTF_8))
                .post("/imports").then().statusCode(400);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> ImportJob.count("personId", person.id)));
    }

    @Test
    void deletingAnImportAsksFirstThenRemovesItsReadings() throws Exception {
        String page = upload("readings.csv", CSV.getBytes(StandardCharsets.UTF_8));
        awaitDone(page);
        given().get(page + "/delete").then().statusCode(200).body(containsString("Delete this import?"))
                .body(containsString("This deletes the 1 readings that readings.csv added"));
        Forms.withCsrfFrom(page + "/delete").post(page + "/delete").then().statusCode(303)
                .header("Location", endsWith("/imports?deleted=1"));
        given().get("/imports?deleted=1").then()
                .body(containsString("The import and the readings it added were deleted"));
        given().get(page).then().statusCode(404);
        assertEquals(0, samples.count(person.id));
    }

    @Test
    void anotherPatientsImportIsNotFound() throws Exception {
        UUID other = QuarkusTransaction.requiringNew().call(() -> {
            Person stranger = app.wellkeep.consent.ConsentFixture.person("import-stranger-" + UUID.randomUUID(),
                    app.wellkeep.account.Role.PATIENT);
            ImportJob job = new ImportJob();
            job.id = UUID.randomUUID();
            job.personId = stranger.id;
            job.fileName = "theirs.csv";
            job.status = ImportJob.Status.DONE;
            job.createdAt = Instant.now();
            job.heartbeatAt = job.createdAt;
            job.persist();
            return job.id;
        });
        for (String path : new String[]{"", "/status", "/rejected.csv", "/delete"}) {
            given().get("/imports/" + other + path).then().statusCode(404);
        }
        Forms.withCsrfFrom("/imports").post("/imports/" + other + "/delete").then().statusCode(404);
        assertEquals(1, QuarkusTransaction.requiringNew().call(() -> ImportJob.count("id", other)));
    }

    @Test
    void theTemplateIsAReadyToFillCsvThatImports() throws Exception {
        byte[] template = given().get("/imports/template.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asByteArray();
        String page = upload("template.csv", template);
        awaitDone(page);
        ImportJob job = QuarkusTransaction.requiringNew()
                .call(() -> ImportJob.<ImportJob>find("personId", person.id).firstResult());
        assertEquals(ImportJob.Status.DONE, job.status);
        assertEquals(14, job.added, "every row of the template is a reading");
        assertEquals(0, job.rejected);
    }
}
