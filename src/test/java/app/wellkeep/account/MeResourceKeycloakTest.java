package app.wellkeep.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.testsupport.Tokens;

/** The API with real bearer tokens from the real Keycloak. */
@QuarkusTest
class MeResourceKeycloakTest {

    @Test
    void bearerTokenOfTheDemoCoachIdentifiesTheCoach() {
        given().auth().oauth2(Tokens.accessToken("sam")).when().get("/api/me").then()
                .statusCode(Status.OK.getStatusCode()).body("displayName", equalTo("Sam Rivera"))
                .body("email", equalTo("sam@demo.wellkeep.invalid")).body("role", equalTo("COACH"));
    }

    @Test
    void forgedOrBrokenTokensAreRefused() {
        String token = Tokens.accessToken("maya");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        given().auth().oauth2(forged).when().get("/api/me").then().statusCode(Status.UNAUTHORIZED.getStatusCode());
        given().auth().oauth2("not-a-token").when().get("/api/me").then()
                .statusCode(Status.UNAUTHORIZED.getStatusCode());
    }

    @Test
    void apiDoesNotAcceptASessionRedirect() {
        given().redirects().follow(false).when().get("/api/me").then().statusCode(Status.UNAUTHORIZED.getStatusCode())
                .header("Location", nullValue());
    }
}
