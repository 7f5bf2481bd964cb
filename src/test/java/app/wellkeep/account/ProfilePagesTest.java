package app.wellkeep.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.specification.RequestSpecification;

import app.wellkeep.testsupport.Forms;

/** The profile page: units and a chosen name persist, and a chosen name survives the next sign-in. */
@QuarkusTest
@TestSecurity(user = "profile-patient", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "sub", value = ProfilePagesTest.SUBJECT),
        @Claim(key = "name", value = "Token Name")})
class ProfilePagesTest {

    static final String SUBJECT = "sub-profile-patient";

    @Inject
    PersonService persons;

    @BeforeEach
    void reset() {
        given().get("/profile").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> Person.update("displayNameChosen = false, displayName = "
                + "'Token Name', weightUnit = 'kg', glucoseUnit = 'mg/dL', temperatureUnit = 'Cel', "
                + "timeZone = 'Europe/London' where subject = ?1", SUBJECT));
    }

    static Person person() {
        return QuarkusTransaction.requiringNew().call(() -> Person.findBySubject(SUBJECT).orElseThrow());
    }

    static RequestSpecification profile(String name, String weight, String glucose, String temperature) {
        return Forms.withCsrf().formParam("timeZone", "Europe/Paris").formParam("displayName", name)
                .formParam("weightUnit", weight).formParam("glucoseUnit", glucose)
                .formParam("temperatureUnit", temperature);
    }

    @Test
    void unitsAndAChosenNamePersist() {
        profile("Sam", "[lb_av]", "mmol/L", "[degF]").post("/profile").then().statusCode(303)
                .header("Location", containsString("/profile?saved=true"));
        Person person = person();
        assertEquals("Sam", person.displayName);
        assertTrue(person.displayNameChosen);
        assertEquals("[lb_av]", person.weightUnit);
        assertEquals("mmol/L", person.glucoseUnit);
        assertEquals("[degF]", person.temperatureUnit);
        assertEquals("Europe/Paris", person.timeZone);
        given().get("/profile?saved=true").then().statusCode(200).body(containsString("Your profile is saved"))
                .body(containsString("value=\"Sam\"")).body(containsString("value=\"[lb_av]\" selected"))
                .body(containsString("value=\"mmol/L\" selected"));
        given().get("/dashboard").then().body(containsString("Hello, Sam"));
    }

    @Test
    void aChosenNameSurvivesSigningInAgainAndAnEmptyOneGivesTheAccountNameBack() {
        profile("Sam", "kg", "mg/dL", "Cel").post("/profile").then().statusCode(303);
        // A later sign-in, a while after the last one, with the token's name: the chosen one stays.
        QuarkusTransaction.requiringNew().run(() -> Person.update("lastSeenAt = ?1 where subject = ?2",
                Instant.parse("2020-01-01T00:00:00Z"), SUBJECT));
        persons.signIn(new TokenProfile(SUBJECT, "Another Token Name", "p@example.org", Role.PATIENT));
        assertEquals("Sam", person().displayName);
        profile("", "kg", "mg/dL", "Cel").post("/profile").then().statusCode(303);
        assertEquals("Token Name", person().displayName);
        assertFalse(person().displayNameChosen);
        persons.signIn(new TokenProfile(SUBJECT, "Another Token Name", "p@example.org", Role.PATIENT));
        assertEquals("Another Token Name", person().displayName, "an unchosen name follows the account");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Sam | stone | mg/dL | Cel | weightUnit",
            "Sam | kg | mmol | Cel | glucoseUnit",
            "Sam | kg | mg/dL | K | temperatureUnit"})
    void unknownUnitsAreRefusedAtTheirField(String name, String weight, String glucose, String temperature,
            String field) {
        profile(name, weight, glucose, temperature).post("/profile").then().statusCode(422)
                .body(containsString("id=\"" + field + "-error\""))
                .body(containsString("Please choose one of the units"));
        assertEquals("kg", person().weightUnit);
    }

    @Test
    void aTooLongNameIsRefused() {
        profile("x".repeat(101), "kg", "mg/dL", "Cel").post("/profile").then().statusCode(422)
                .body(containsString("at most 100 characters")).body(containsString("aria-invalid=\"true\""));
        assertFalse(person().displayNameChosen);
    }
}
