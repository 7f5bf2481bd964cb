package app.wellkeep.vitals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

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

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.testsupport.Forms;
import app.wellkeep.vitals.SampleService.NewReading;

/** Alerts and limits through their pages and the JSON API. */
@QuarkusTest
@TestSecurity(user = "monitoring-patient", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "sub", value = "sub-monitoring-patient"),
        @Claim(key = "name", value = "Morgan Monitored")})
class MonitoringPagesTest {

    static final String SUBJECT = "sub-monitoring-patient";

    @Inject
    SampleService samples;

    @Inject
    MonitoringService monitoring;

    @BeforeEach
    void clean() {
        given().get("/monitoring").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            Person p = Person.findBySubject(SUBJECT).orElseThrow();
            Alert.delete("personId", p.id);
            Threshold.delete("personId", p.id);
            samples.eraseAll(p.id);
            DailyRollup.delete("personId", p.id);
            p.weightUnit = "kg";
            p.temperatureUnit = "Cel";
        });
    }

    static Person person() {
        return QuarkusTransaction.requiringNew().call(() -> Person.findBySubject(SUBJECT).orElseThrow());
    }

    private UUID raise(Person person, Metric metric, double value) {
        Reading reading = samples.record(person, List.of(NewReading.at(metric, Instant.now().minusSeconds(300), 3600,
                value, "oximeter", false, null))).added().get(0);
        Alert raised = QuarkusTransaction.requiringNew()
                .call(() -> Alert.<Alert>find("readingId", reading.readingId()).singleResult());
        return raised.id;
    }

    private static Alert alert(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>findById(id));
    }

    @Test
    void openAlertsComeFirstInThePersonsUnitsAndAcknowledgingMovesThemToTheHistory() {
        Person me = person();
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findById(me.id).temperatureUnit = "[degF]");
        UUID fever = raise(me, Metric.BODY_TEMPERATURE, 38.5);
        given().get("/monitoring").then().statusCode(200).body(containsString("1 open alert"))
                .body(containsString("Body temperature at or above 100.4 \u00b0F"))
                .body(containsString("Your reading: 101.3 \u00b0F."))
                .body(containsString("/monitoring/alerts/" + fever + "/acknowledge"))
                .body(containsString("No acknowledged alerts"));
        assertEquals(1L, monitoring.openAlerts(me.id));

        Forms.withCsrfFrom("/monitoring").post("/monitoring/alerts/" + fever + "/acknowledge").then()
                .statusCode(303).header("Location", containsString("/monitoring?done=acknowledged"));
        Alert acknowledged = alert(fever);
        assertEquals(me.id, acknowledged.acknowledgedBy);
        assertNotNull(acknowledged.acknowledgedAt);
        Forms.withCsrfFrom("/monitoring").post("/monitoring/alerts/" + fever + "/acknowledge").then()
                .statusCode(303);
        assertEquals(acknowledged.acknowledgedAt, alert(fever).acknowledgedAt, "acknowledging again changes nothing");
        assertEquals(0L, monitoring.openAlerts(me.id));
        given().get("/monitoring?done=acknowledged").then().body(containsString("The alert is acknowledged."))
                .body(containsString("No open alerts.")).body(containsString("Acknowledged by you,"));
    }

    @Test
    void anotherPatientsAlertIsNotFound() {
        Person other = ConsentFixture.person("monitoring-other-" + UUID.randomUUID(), Role.PATIENT);
        UUID theirs = raise(other, Metric.OXYGEN_SATURATION, 85);
        Forms.withCsrfFrom("/monitoring").post("/monitoring/alerts/" + theirs + "/acknowledge").then()
                .statusCode(404);
        given().contentType("application/json").post("/api/alerts/" + theirs + "/acknowledge").then()
                .statusCode(404);
        assertEquals(null, alert(theirs).acknowledgedAt);
        given().get("/monitoring").then().body(not(containsString(theirs.toString())));
        given().get("/api/alerts").then().body("open", hasSize(0));
    }

    @Test
    void theApiListsAndAcknowledgesTheOwnersAlerts() {
        Person me = person();
        UUID low = raise(me, Metric.OXYGEN_SATURATION, 89);
        given().get("/api/alerts").then().statusCode(200).body("open", hasSize(1))
                .body("open[0].id", equalTo(low.toString())).body("open[0].rule", equalTo("SPO2_LOW"))
                .body("open[0].value", equalTo(89.0f)).body("open[0].threshold", equalTo(92.0f))
                .body("open[0].unit", equalTo("%")).body("open[0].loinc", equalTo("59408-5"))
                .body("open[0].measuredAt", containsString("+01:00")).body("open[0].acknowledgedAt", nullValue())
                .body("acknowledged", hasSize(0));
        String first = given().contentType("application/json").post("/api/alerts/" + low + "/acknowledge").then()
                .statusCode(200).body("acknowledgedBy", equalTo(me.id.toString())).extract()
                .path("acknowledgedAt");
        given().contentType("application/json").post("/api/alerts/" + low + "/acknowledge").then().statusCode(200)
                .body("acknowledgedAt", equalTo(first));
        given().get("/api/alerts").then().body("open", hasSize(0)).body("acknowledged[0].id", equalTo(low.toString()));
    }

    @Test
    void thePatientMovesALimitWithinItsBoundsInTheirUnitAndResetsIt() {
        Person me = person();
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findById(me.id).weightUnit = "[lb_av]");
        given().get("/monitoring/thresholds").then().statusCode(200)
                .body(containsString("Alert when weight goes up within 3 days by more than"))
                .body(containsString("Default: 4.4 lb.")).body(containsString("You use the default."));

        Forms.withCsrfFrom("/monitoring/thresholds").formParam("limit", "WEIGHT_GAIN").formParam("value", "3.3")
                .post("/monitoring/thresholds").then().statusCode(303).header("Location", containsString("done=saved"));
        Threshold own = QuarkusTransaction.requiringNew().call(
                () -> Threshold.<Threshold>find("personId", me.id).singleResult());
        assertEquals(Limit.WEIGHT_GAIN, own.limitType);
        assertEquals(1.497, own.value, 0.001, "3.3 lb stored as kilograms");
        assertEquals(me.id, own.setBy);
        given().get("/monitoring/thresholds?done=saved").then().body(containsString("Your limit is saved."))
                .body(containsString("value=\"3.3\"")).body(containsString("Set by you on"));

        Forms.withCsrfFrom("/monitoring/thresholds").formParam("limit", "WEIGHT_GAIN").formParam("reset", "true")
                .post("/monitoring/thresholds").then().statusCode(303).header("Location", containsString("done=reset"));
        assertTrue(monitoring.limits(me.id).get(Limit.WEIGHT_GAIN).isDefault());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"SYSTOLIC_HIGH|100|Please choose a limit between 110 and 180 mmHg.",
            "SPO2_LOW|99|Please choose a limit between 85 and 97 %.", "GLUCOSE_HIGH||Please fill this in.",
            "TEMPERATURE_HIGH|hot|Please type a number", "NO_SUCH_LIMIT|100|This limit does not exist."})
    void aLimitOutsideItsBoundsIsRefused(String limit, String value, String message) {
        Forms.withCsrfFrom("/monitoring/thresholds").formParam("limit", limit).formParam("value",
                value == null ? "" : value).post("/monitoring/thresholds").then().statusCode(422)
                .body(containsString(message)).body(containsString("Nothing was changed"));
        assertTrue(
                monitoring.limits(person().id).values().stream().allMatch(MonitoringService.LimitInForce::isDefault));
    }

    @Test
    void aLimitFormWithOtherFieldsIsRefused() {
        Forms.withCsrfFrom("/monitoring/thresholds").formParam("limit", "SYSTOLIC_HIGH").formParam("value", "150")
                .formParam("personId", UUID.randomUUID().toString()).post("/monitoring/thresholds").then()
                .statusCode(422).body(containsString("fields it does not have"));
        assertTrue(monitoring.limits(person().id).get(Limit.SYSTOLIC_HIGH).isDefault());
    }
}
