package app.wellkeep.ingest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

import app.wellkeep.testsupport.Tokens;

/**
 * Imports and the device API with real bearer tokens from the real Keycloak, as an app on the patient's phone would
 * use them: upload, wait for the report, list, refusals with their statuses, delete.
 */
@QuarkusTest
class ImportResourceKeycloakTest {

    static RequestSpecification tom() {
        return given().auth().oauth2(Tokens.accessToken("tom"));
    }

    @Test
    void anUploadWaitedForAnswersWithItsReport() {
        byte[] csv = ("metric,start,end,value,unit,source\n"
                + "resting-heart-rate,2024-10-25,,58,/min,Oura Ring\n"
                + "heart-rate,2024-10-25T07:00:00Z,,900,/min,Oura Ring\n").getBytes(StandardCharsets.UTF_8);
        String id = tom().header("Prefer", "wait=60").contentType("text/csv").body(csv)
                .post("/api/imports?name=oura.csv").then().statusCode(201)
                .header("Location", containsString("/api/imports/")).header("Preference-Applied", "wait=60")
                .body("status", equalTo("DONE")).body("fileName", equalTo("oura.csv")).body("added", equalTo(1))
                .body("rejected", equalTo(1)).body("rejectedByReason.IMPLAUSIBLE", equalTo(1)).extract().path("id");
        tom().get("/api/imports").then().statusCode(200).body("id", hasItem(id));
        tom().get("/api/imports/" + id).then().statusCode(200).body("formats", equalTo("csv"));
        tom().delete("/api/imports/" + id).then().statusCode(204);
        tom().get("/api/imports/" + id).then().statusCode(404);
    }

    @Test
    void withoutWaitingTheUploadIsAccepted() {
        tom().contentType("application/json").header("Content-Disposition", "attachment; filename=\"points.json\"")
                .body("[{\"header\": {\"id\": \"a1\", \"creation_date_time\": \"2024-10-25T07:00:00Z\", "
                        + "\"schema_id\": {\"namespace\": \"omh\", \"name\": \"heart-rate\", \"version\": \"1.0\"}}, "
                        + "\"body\": {\"heart_rate\": {\"value\": 61, \"unit\": \"beats/min\"}, "
                        + "\"effective_time_frame\": {\"date_time\": \"2024-10-25T07:00:00Z\"}}}]")
                .post("/api/imports").then().statusCode(202).header("Location", containsString("/api/imports/"))
                .body("fileName", equalTo("points.json"))
                // Answered once stored; the worker may already have taken it up.
                .body("status", org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING", "DONE"));
    }

    @Test
    void badUploadsAnswerWithTheirStatusAndAMessage() {
        tom().contentType("application/xml").header("Prefer", "wait=60")
                .body("<?xml version=\"1.0\"?><!DOCTYPE HealthData [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<HealthData><Record type=\"HKQuantityTypeIdentifierHeartRate\" value=\"&x;\"/></HealthData>")
                .post("/api/imports?name=export.xml").then().statusCode(422).body("status", equalTo("FAILED"))
                .body("problem", equalTo("ENTITIES")).body("message", startsWith("The file uses XML features"));
        tom().contentType("text/plain").body("Dear diary").post("/api/imports?name=diary.txt").then().statusCode(415)
                .contentType("application/problem+json").body("problem", equalTo("UNSUPPORTED_FORMAT"));
        tom().contentType("application/zip").body(new byte[0]).post("/api/imports?name=export.zip").then()
                .statusCode(422).body("problem", equalTo("EMPTY"));
        // Over the test limit of 16 MiB: refused as it streams in, nothing kept.
        tom().contentType("text/csv").body(new byte[17 << 20]).post("/api/imports?name=big.csv").then()
                .statusCode(413).body("problem", equalTo("TOO_LARGE"));
    }

    @Test
    void aDevicePushesWithItsToken() {
        tom().contentType("application/json").body("{\"device\": \"Withings scale\", \"readings\": [{\"id\": \"w-7\", "
                + "\"metric\": \"weight\", \"start\": \"2024-10-25T07:15:00+01:00\", \"value\": 71.6, \"unit\": \"kg\"}]}")
                .post("/api/devices/readings").then().statusCode(200).body("results[0].status", equalTo("added"));
        given().contentType("application/json").body("{\"device\": \"x\", \"readings\": []}")
                .post("/api/devices/readings").then().statusCode(401);
    }
}
