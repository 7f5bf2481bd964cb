package app.wellkeep.testsupport;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

/**
 * Throwaway accounts in the real Keycloak, through its admin API as the DEV-ONLY bootstrap administrator. Only
 * accounts made here can be deleted here: the demo accounts stay.
 */
public final class KeycloakAdmin {

    public static final String THROWAWAY_PREFIX = "throwaway-";

    private KeycloakAdmin() {
    }

    /** A new patient (the realm's default roles) with e-mail and names, so no profile form interrupts a login. */
    public static String createPatient(String username) {
        if (!username.startsWith(THROWAWAY_PREFIX)) {
            throw new IllegalArgumentException("Throwaway accounts only: " + username);
        }
        String location = given().auth().oauth2(token()).contentType("application/json")
                .body(Map.of("username", username, "enabled", true, "email", username + "@example.org",
                        "emailVerified", true, "firstName", "Throwaway", "lastName", "Tester", "credentials",
                        List.of(Map.of("type", "password", "value", username + "-dev-only", "temporary", false))))
                .post(users()).then().statusCode(201).extract().header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** The HTTP status of reading the account: 200 while it exists, 404 once it is gone. */
    public static int status(String userId) {
        return given().auth().oauth2(token()).get(users() + "/" + userId).statusCode();
    }

    /** Removes a throwaway account left behind by a failed test. */
    public static void deleteThrowaway(String userId) {
        String username = given().auth().oauth2(token()).get(users() + "/" + userId).then().extract()
                .path("username");
        if (username != null && username.startsWith(THROWAWAY_PREFIX)) {
            given().auth().oauth2(token()).delete(users() + "/" + userId);
        }
    }

    /**
     * Sets how long the realm's access and ID tokens live, in seconds; returns what it was, to set back. For a test
     * that outlives a token: every sign-in to the realm meanwhile gets tokens that short.
     */
    public static int tokenLifespan(int seconds) {
        String token = token();
        String realm = KeycloakServer.baseUrl() + "/admin/realms/" + KeycloakServer.REALM;
        int before = given().auth().oauth2(token).get(realm).then().statusCode(200).extract()
                .path("accessTokenLifespan");
        given().auth().oauth2(token).contentType("application/json").body(Map.of("accessTokenLifespan", seconds))
                .put(realm).then().statusCode(204);
        return before;
    }

    private static String users() {
        return KeycloakServer.baseUrl() + "/admin/realms/" + KeycloakServer.REALM + "/users";
    }

    private static String token() {
        return given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", KeycloakServer.ADMIN_USER).formParam("password", KeycloakServer.ADMIN_PASSWORD)
                .post(KeycloakServer.baseUrl() + "/realms/master/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
    }
}
