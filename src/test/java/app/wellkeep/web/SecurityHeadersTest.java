package app.wellkeep.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.testsupport.KeycloakServer;

@QuarkusTest
class SecurityHeadersTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/assets/css/app.css", "/no-such-page", "/dashboard"})
    void everyResponseCarriesTheSecurityHeaders(String path) {
        given().redirects().follow(false).when().get(path).then()
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("style-src 'self';"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self' " + KeycloakServer.baseUrl()))
                .header("X-Content-Type-Options", equalTo("nosniff")).header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("same-origin"));
    }

    @Test
    void pagesAreNotCachedButAssetsMayBe() {
        given().when().get("/").then().header("Cache-Control", equalTo("no-store"));
        given().when().get("/assets/css/app.css").then().header("Cache-Control", not(equalTo("no-store")));
    }

    @Test
    void hstsOnlyInProduction() {
        given().when().get("/").then().header("Strict-Transport-Security", nullValue());
    }
}
