package app.wellkeep.web;

import java.util.List;

/**
 * Every route the app serves, with who may use it. The security tests walk this table, and
 * {@link RouteCoverageTest} fails when the app gains a route that is not in it.
 */
public final class Routes {

    public enum Access {
        PUBLIC, ANY_SIGNED_IN, PATIENT, COACH, ADMIN
    }

    public record Route(String method, String path, Access access, boolean api) {

        public String key() {
            return method + " " + path;
        }
    }

    public static final List<Route> ALL = List.of(
            new Route("GET", "/", Access.PUBLIC, false),
            new Route("GET", "/home", Access.ANY_SIGNED_IN, false),
            new Route("GET", "/dashboard", Access.PATIENT, false),
            new Route("GET", "/care-team", Access.COACH, false),
            new Route("GET", "/admin", Access.ADMIN, false),
            new Route("GET", "/api/me", Access.ANY_SIGNED_IN, true));

    /** Routes that exist only in the test build, to exercise error handling and CSRF. */
    public static final List<String> TEST_ONLY_PREFIXES = List.of("/test-support/");

    private Routes() {
    }
}
