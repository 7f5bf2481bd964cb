package app.wellkeep.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.stream.Stream;

import jakarta.ws.rs.core.Response.Status;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;

import app.wellkeep.testsupport.Forms;
import app.wellkeep.testsupport.KeycloakServer;
import app.wellkeep.web.Routes.Access;
import app.wellkeep.web.Routes.Route;

/**
 * Who may open what, for every route of the table: anonymous people are sent to Keycloak (pages) or get 401 (API),
 * a wrong role gets the 403 page, the right role gets the page.
 */
@QuarkusTest
class RouteSecurityTest {

    static Stream<Route> protectedRoutes() {
        return Routes.ALL.stream().filter(route -> route.access() != Access.PUBLIC);
    }

    static Stream<Route> protectedPages() {
        return protectedRoutes().filter(route -> !route.api());
    }

    static Stream<Route> protectedApi() {
        return protectedRoutes().filter(Route::api);
    }

    static Stream<Route> forbiddenForPatients() {
        return forbiddenFor(Access.PATIENT);
    }

    static Stream<Route> forbiddenForCoaches() {
        return forbiddenFor(Access.COACH);
    }

    static Stream<Route> forbiddenForAdmins() {
        return forbiddenFor(Access.ADMIN);
    }

    static Stream<Route> openToPatients() {
        return openTo(Access.PATIENT);
    }

    static Stream<Route> openToCoaches() {
        return openTo(Access.COACH);
    }

    static Stream<Route> openToAdmins() {
        return openTo(Access.ADMIN);
    }

    private static Stream<Route> forbiddenFor(Access role) {
        return protectedRoutes().filter(route -> route.access() != Access.ANY_SIGNED_IN && route.access() != role);
    }

    private static Stream<Route> openTo(Access role) {
        return protectedRoutes().filter(route -> route.access() == Access.ANY_SIGNED_IN || route.access() == role);
    }

    @ParameterizedTest
    @MethodSource("protectedPages")
    void anonymousPageRequestsGoToTheLoginPage(Route route) {
        given().redirects().follow(false).when().request(route.method(), route.sample()).then()
                .statusCode(Status.FOUND.getStatusCode())
                .header("Location", startsWith(KeycloakServer.realmUrl() + "/protocol/openid-connect/auth"));
    }

    @ParameterizedTest
    @MethodSource("protectedApi")
    void anonymousApiRequestsGet401(Route route) {
        given().redirects().follow(false).when().request(route.method(), route.sample()).then()
                .statusCode(Status.UNAUTHORIZED.getStatusCode());
    }

    @ParameterizedTest
    @MethodSource("forbiddenForPatients")
    @TestSecurity(user = "patient-1", roles = "patient")
    void patientsGetTheForbiddenPageElsewhere(Route route) {
        assertForbidden(route);
    }

    @ParameterizedTest
    @MethodSource("forbiddenForCoaches")
    @TestSecurity(user = "coach-1", roles = "coach")
    void coachesGetTheForbiddenPageElsewhere(Route route) {
        assertForbidden(route);
    }

    @ParameterizedTest
    @MethodSource("forbiddenForAdmins")
    @TestSecurity(user = "admin-1", roles = "admin")
    void adminsGetTheForbiddenPageElsewhere(Route route) {
        assertForbidden(route);
    }

    @ParameterizedTest
    @MethodSource("openToPatients")
    @TestSecurity(user = "patient-1", roles = "patient")
    @OidcSecurity(claims = @Claim(key = "name", value = "Pat Example"))
    void patientsGetIn(Route route) {
        assertAllowed(route, "/dashboard");
    }

    @ParameterizedTest
    @MethodSource("openToCoaches")
    @TestSecurity(user = "coach-1", roles = "coach")
    void coachesGetIn(Route route) {
        assertAllowed(route, "/care-team");
    }

    @ParameterizedTest
    @MethodSource("openToAdmins")
    @TestSecurity(user = "admin-1", roles = "admin")
    void adminsGetIn(Route route) {
        assertAllowed(route, "/admin");
    }

    private static void assertForbidden(Route route) {
        request(route).then().statusCode(Status.FORBIDDEN.getStatusCode())
                .body(route.api() ? containsString("403") : containsString("You cannot open this page"))
                .body(not(containsString("Exception")));
    }

    /** The right role gets the route's own answer; "/home" sends each role to its home. */
    private static void assertAllowed(Route route, String home) {
        var response = request(route).then().statusCode(route.allowedStatus());
        if (route.path().equals("/home")) {
            response.header("Location", endsWith(home));
        }
    }

    /** Form posts carry a valid CSRF token, so that only the role decides. */
    private static io.restassured.response.Response request(Route route) {
        var request = route.method().equals("POST") ? Forms.withCsrf() : given().redirects().follow(false);
        return request.when().request(route.method(), route.sample());
    }
}
