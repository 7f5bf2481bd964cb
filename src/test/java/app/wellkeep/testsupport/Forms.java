package app.wellkeep.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Form posts the way a browser sends them: with the CSRF cookie and token a page of the app handed out. */
public final class Forms {

    public static final String CSRF = "csrf-token";

    private Forms() {
    }

    /** A request carrying a CSRF cookie and token, taken from a page with a form ({@code /profile} by default). */
    public static RequestSpecification withCsrf() {
        return withCsrfFrom("/profile");
    }

    public static RequestSpecification withCsrfFrom(String page) {
        Response response = given().redirects().follow(false).get(page);
        String cookie = response.getCookie(CSRF);
        String token = response.htmlPath().getString("**.find { it.@name == '" + CSRF + "' }.@value");
        if (cookie == null || token == null || token.isEmpty()) {
            throw new IllegalStateException(page + " handed out no CSRF token (status " + response.statusCode() + ")");
        }
        return given().redirects().follow(false).cookie(CSRF, cookie).formParam(CSRF, token)
                .contentType("application/x-www-form-urlencoded");
    }
}
