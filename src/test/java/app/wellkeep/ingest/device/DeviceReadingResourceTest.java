package app.wellkeep.ingest.device;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.http.ContentType;

import app.wellkeep.account.Person;
import app.wellkeep.vitals.Alert;
import app.wellkeep.vitals.SampleService;

/** The device push API: idempotent by the device's ids, each reading answered on its own. */
@QuarkusTest
@TestSecurity(user = "device-patient", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "sub", value = DeviceReadingResourceTest.SUBJECT),
        @Claim(key = "name", value = "Dev Ice")})
class DeviceReadingResourceTest {

    static final String SUBJECT = "sub-device-patient";

    @Inject
    SampleService samples;

    Person person;
    String now;

    @BeforeEach
    void clean() {
        given().get("/api/alerts").then().statusCode(200);
        person = Person.findBySubject(SUBJECT).orElseThrow();
        QuarkusTransaction.requiringNew().run(() -> {
            samples.eraseAll(person.id);
            DeviceReading.delete("personId", person.id);
            Alert.delete("personId", person.id);
        });
        now = Instant.now().minus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Map<String, Object> reading(String id, String metric, String start, Object value, String unit) {
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("id", id);
        r.put("metric", metric);
        r.put("start", start);
        r.put("value", value);
        r.put("unit", unit);
        return r;
    }

    io.restassured.response.ValidatableResponse push(Object batch) {
        return given().contentType(ContentType.JSON).body(batch).post("/api/devices/readings").then();
    }

    List<Map<String, Object>> batch() {
        return List.of(reading("hr-1", "heart-rate", "2024-10-25T07:04:44-05:00", 62, "/min"),
                reading("hr-2", "8867-4", "2024-10-25T07:05:44-05:00", 64, "{beats}/min"),
                reading("w-1", "weight", "2024-10-25T07:15:00-05:00", 158.2, "[lb_av]"),
                reading("hr-3", "heart-rate", "2024-10-25T07:06:44-05:00", 900, "/min"),
                reading("w-2", "weight", "2024-10-25T07:16:00-05:00", 72, "furlong"));
    }

    @Test
    void eachReadingIsAnsweredAndTheGoodOnesAreStored() {
        push(Map.of("device", "Polar H10", "readings", batch())).statusCode(200).body("added", equalTo(3))
                .body("duplicates", equalTo(0)).body("rejected", equalTo(2))
                .body("results.id", equalTo(List.of("hr-1", "hr-2", "w-1", "hr-3", "w-2")))
                .body("results.status", equalTo(List.of("added", "added", "added", "rejected", "rejected")))
                .body("results[3].reason", equalTo("IMPLAUSIBLE")).body("results[4].reason", equalTo("UNKNOWN_UNIT"));
        assertEquals(3, samples.count(person.id));
    }

    @Test
    void sendingTheBatchAgainAddsNothing() {
        push(Map.of("device", "Polar H10", "readings", batch())).statusCode(200);
        push(Map.of("device", "Polar H10", "readings", batch())).statusCode(200).body("added", equalTo(0))
                .body("duplicates", equalTo(3)).body("rejected", equalTo(2));
        assertEquals(3, samples.count(person.id));
    }

    @Test
    void anIdUsedBeforeForAnotherReadingIsRefused() {
        push(Map.of("device", "Polar H10", "readings", batch())).statusCode(200);
        push(Map.of("device", "Polar H10", "readings",
                List.of(reading("hr-1", "heart-rate", "2024-10-25T07:04:44-05:00", 70, "/min")))).statusCode(200)
                .body("results[0].status", equalTo("rejected")).body("results[0].reason", equalTo("ID_REUSED"));
        // The same id from another device is another reading.
        push(Map.of("device", "Chest strap", "readings",
                List.of(reading("hr-1", "heart-rate", "2024-10-25T07:04:44-05:00", 70, "/min")))).statusCode(200)
                .body("added", equalTo(1));
        assertEquals(4, samples.count(person.id));
    }

    @Test
    void anIdTwiceInOneBatchIsRefusedTheSecondTime() {
        push(Map.of("device", "Polar H10", "readings",
                List.of(reading("a", "heart-rate", "2024-10-25T07:04:44-05:00", 62, "/min"),
                        reading("a", "heart-rate", "2024-10-25T07:05:44-05:00", 63, "/min"))))
                .statusCode(200)
                .body("results.status", equalTo(List.of("added", "rejected")))
                .body("results[1].reason", equalTo("INVALID_FIELD"));
    }

    @Test
    void readingsInTheFutureOrWithoutTimeOrDeviceAreRefused() {
        String future = Instant.now().plus(2, ChronoUnit.DAYS).toString();
        push(Map.of("device", "Polar H10", "readings",
                List.of(reading("f", "heart-rate", future, 62, "/min"),
                        reading("t", "heart-rate", "yesterday", 62, "/min"),
                        reading("m", "mood", now, 3, ""))))
                .statusCode(200)
                .body("results.reason", equalTo(List.of("FUTURE", "BAD_TIME", "INVALID_FIELD")));
        push(Map.of("readings", List.of(reading("d", "heart-rate", now, 62, "/min")))).statusCode(200)
                .body("results[0].reason", equalTo("MISSING_FIELD"));
        assertEquals(0, samples.count(person.id));
    }

    @Test
    void aRecentReadingOutsideALimitRaisesAnAlert() {
        push(Map.of("device", "Omron cuff", "readings",
                List.of(reading("s", "systolic", now, 165, "mm[Hg]"), reading("d", "diastolic", now, 102, "mmHg"))))
                .statusCode(200).body("added", equalTo(2));
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Alert.count("personId", person.id)),
                "one alert for the one blood-pressure reading");
    }

    @Test
    void aBatchIsRefusedWholeOnlyWhenItIsNoBatchOrTooLarge() {
        given().contentType(ContentType.JSON).body("{\"device\": \"x\", \"readings\": [").post("/api/devices/readings")
                .then().statusCode(400);
        push(Map.of("device", "x")).statusCode(400);
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i <= DevicePushService.MAX_READINGS; i++) {
            many.add(reading("r" + i, "steps", now, 1, "steps"));
        }
        push(Map.of("device", "x", "readings", many)).statusCode(413);
        assertEquals(0, samples.count(person.id));
    }
}
