package app.wellkeep.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

/** Forms are accepted only with the CSRF token the page gave out, and its cookie is Secure and HttpOnly. */
@QuarkusTest
class CsrfTest {

    @Test
    @TestSecurity(user = "patient-1", roles = "patient")
    void formWithoutTokenIsRefused() {
        given().formParam("note", "hello").when().post("/test-support/form").then()
                .statusCode(Status.BAD_REQUEST.getStatusCode());
    }

    @Test
    @TestSecurity(user = "patient-1", roles = "patient")
    void formWithThePagesTokenIsAccepted() {
        Response page = given().when().get("/dashboard");
        String cookie = page.getCookie("csrf-token");
        String token = page.htmlPath().getString("**.find { it.@name == 'csrf-token' }.@value");
        given().cookie("csrf-token", cookie).formParam("csrf-token", token).formParam("note", "hello").when()
                .post("/test-support/form").then().statusCode(Status.OK.getStatusCode())
                .body(equalTo("accepted hello"));
    }

    @Test
    @TestSecurity(user = "patient-1", roles = "patient")
    void csrfCookieIsSecureAndHttpOnly() {
        given().when().get("/dashboard").then().header("Set-Cookie", containsString("csrf-token="))
                .header("Set-Cookie", containsString("Secure"))
                .header("Set-Cookie", containsStringIgnoringCase("HttpOnly"));
    }
}
