package app.wellkeep.testsupport;

import static io.restassured.RestAssured.given;

/** Bearer tokens from the real Keycloak, through the realm's DEV-ONLY password-grant client. */
public final class Tokens {

    private Tokens() {
    }

    /** Demo accounts' passwords follow the realm file: {@code <username>-dev-only}. */
    public static String accessToken(String username) {
        return given().formParam("grant_type", "password").formParam("client_id", "wellkeep-dev-tokens")
                .formParam("username", username).formParam("password", username + "-dev-only")
                .formParam("scope", "openid profile email")
                .post(KeycloakServer.realmUrl() + "/protocol/openid-connect/token").then().statusCode(200).extract()
                .path("access_token");
    }
}
