package app.wellkeep.privacy;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.response.Response;

import app.wellkeep.account.Person;
import app.wellkeep.checkin.CheckIn;
import app.wellkeep.testsupport.Forms;
import app.wellkeep.testsupport.PersonRows;
import app.wellkeep.testsupport.Seed;

/** "Delete my account" through its page: explained, confirmed with a typed word, then done and signed out. */
@QuarkusTest
@TestSecurity(user = "erase-patient", roles = "patient")
class ErasurePagesTest {

    @Inject
    DataSource dataSource;

    @Test
    @OidcSecurity(claims = {@Claim(key = "sub", value = "sub-erase-wrong-word"),
            @Claim(key = "email", value = "wrong-word@example.org")})
    void withoutTheConfirmationWordNothingIsDeleted() throws SQLException {
        UUID personId = seeded("sub-erase-wrong-word");
        given().get("/privacy/erase").then().statusCode(200).body(containsString("To confirm, type DELETE"))
                .body(containsString("pseudonym")).body(containsString("sign-in account is removed"));
        for (String word : new String[]{"", "delete it", "DELET", "yes"}) {
            Forms.withCsrfFrom("/privacy/erase").formParam("confirmation", word).post("/privacy/erase").then()
                    .statusCode(422).body(containsString("Please type DELETE to confirm. Nothing was deleted."))
                    .body(containsString("aria-invalid=\"true\""));
        }
        Forms.withCsrfFrom("/privacy/erase").post("/privacy/erase").then().statusCode(422);
        assertEquals(Seed.CHECK_INS,
                QuarkusTransaction.requiringNew().call(() -> CheckIn.count("personId", personId)));
        assertTrue(PersonRows.scan(dataSource, personId).leftovers().size() > 2, "the data is all there");
    }

    @Test
    void withoutACsrfTokenNothingIsDeleted() {
        String id = given().get("/api/me").then().statusCode(200).extract().path("id");
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("confirmation", "DELETE").post("/privacy/erase").then().statusCode(400);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Person.findById(UUID.fromString(id)) != null));
    }

    @Test
    @OidcSecurity(claims = {@Claim(key = "sub", value = "sub-erase-by-form"),
            @Claim(key = "email", value = "erase-by-form@example.org")})
    void theConfirmedFormErasesEverythingAndSignsOut() throws SQLException {
        UUID personId = seeded("sub-erase-by-form");
        Response response = Forms.withCsrfFrom("/privacy/erase").formParam("confirmation", " delete ")
                .post("/privacy/erase");
        response.then().statusCode(Status.SEE_OTHER.getStatusCode())
                .header("Location", containsString("/privacy/erased"));
        Map<String, io.restassured.http.Cookie> cookies = response.getDetailedCookies().asList().stream()
                .collect(java.util.stream.Collectors.toMap(io.restassured.http.Cookie::getName, c -> c,
                        (a, b) -> b));
        assertTrue(cookies.containsKey("q_session"), "the session cookie is cleared");
        assertEquals(0, cookies.get("q_session").getMaxAge(), "the session cookie expires now");
        PersonRows.Scan scan = PersonRows.scan(dataSource, personId, "sub-erase-by-form",
                "erase-by-form@example.org");
        assertEquals(Map.of(), scan.leftovers(), "rows about the person left behind");
        assertTrue(scan.uuidColumns().contains("checkin.person_id"), "the scan saw the check-ins");
    }

    @Test
    void theGoodbyePageIsPublic() {
        given().get("/privacy/erased").then().statusCode(200).body(containsString("Your account is deleted"))
                .body(not(containsString("did not finish")));
        given().get("/privacy/erased?sign-in=pending").then().statusCode(200)
                .body(containsString("removing your sign-in account did not finish"));
    }

    @Test
    void theProfileLeadsPatientsToTheirData() {
        given().get("/profile").then().statusCode(200).body(containsString("href=\"/privacy\""));
        given().get("/privacy").then().statusCode(200).body(containsString("href=\"/privacy/erase\""))
                .body(containsString("name=\"format\"")).body(containsString("csrf-token"));
        given().get("/privacy/erase").then().statusCode(200).body(containsString("name=\"confirmation\""))
                .body(containsString("csrf-token"));
        given().redirects().follow(false).get("/privacy/erased").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
    }

    private static UUID seeded(String subject) {
        given().get("/privacy").then().statusCode(200);
        UUID personId = Person.findBySubject(subject).orElseThrow().id;
        Seed.checkInData(personId);
        return personId;
    }
}
