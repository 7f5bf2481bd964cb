package app.wellkeep.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Errors show a page in the app's words, never a stack trace; the API answers with a small JSON problem. */
@QuarkusTest
class ErrorPagesTest {

    @Test
    void unknownPageShowsTheNotFoundPage() {
        given().accept("text/html").when().get("/no-such-page").then().statusCode(Status.NOT_FOUND.getStatusCode())
                .contentType(containsString("text/html")).body(containsString("Page not found"))
                .body(containsString("Go to the start page"));
    }

    @Test
    void unknownApiPathAnswersJson() {
        given().when().get("/api/no-such-thing").then().statusCode(Status.NOT_FOUND.getStatusCode())
                .contentType(containsString("application/problem+json")).body("status", equalTo(404));
    }

    @Test
    void unexpectedFailureShowsAReferenceAndNoInternals() {
        given().accept("text/html").when().get("/test-support/failure").then()
                .statusCode(Status.INTERNAL_SERVER_ERROR.getStatusCode()).body(containsString("Something went wrong"))
                .body(matchesPattern("(?s).*Reference for support: [0-9a-f-]{36}.*"))
                .body(not(containsString("secret internal detail"))).body(not(containsString("IllegalStateException")))
                .body(not(containsString("at app.wellkeep")));
    }

    @Test
    void unknownStaticAssetIsNotFound() {
        given().when().get("/assets/css/missing.css").then().statusCode(Status.NOT_FOUND.getStatusCode())
                .body(not(containsString("Exception")));
    }

    @Test
    void wrongMethodIsRefusedPolitely() {
        given().accept("text/html").when().delete("/").then().statusCode(Status.METHOD_NOT_ALLOWED.getStatusCode())
                .body(containsString("This request could not be completed"));
    }

    @Test
    void healthReportsTheDatabase() {
        given().when().get("/q/health/ready").then().statusCode(Status.OK.getStatusCode())
                .body("status", equalTo("UP")).body(containsString("Database connections health check"));
    }
}
