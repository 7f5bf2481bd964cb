package app.wellkeep.vitals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import io.restassured.specification.RequestSpecification;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.testsupport.Forms;
import app.wellkeep.vitals.SampleService.NewReading;

/** Readings typed in by hand, through their pages: adding, validation, units, correcting and deleting. */
@QuarkusTest
@TestSecurity(user = "readings-patient", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "sub", value = "sub-readings-patient"),
        @Claim(key = "name", value = "Robin Readings")})
class ReadingPagesTest {

    static final String SUBJECT = "sub-readings-patient";
    static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

    @Inject
    SampleService samples;

    @BeforeEach
    void clean() {
        given().get("/readings").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            Person p = person();
            Alert.delete("personId", p.id);
            Threshold.delete("personId", p.id);
            Sample.delete("personId", p.id);
            DailyRollup.delete("personId", p.id);
            Person managed = Person.findById(p.id);
            managed.timeZone = ZONE.getId();
            managed.weightUnit = "kg";
            managed.glucoseUnit = "mg/dL";
            managed.temperatureUnit = "Cel";
        });
    }

    static Person person() {
        return QuarkusTransaction.requiringNew().call(() -> Person.findBySubject(SUBJECT).orElseThrow());
    }

    static void units(String weight, String glucose, String temperature) {
        QuarkusTransaction.requiringNew().run(() -> {
            Person p = Person.findBySubject(SUBJECT).orElseThrow();
            p.weightUnit = weight;
            p.glucoseUnit = glucose;
            p.temperatureUnit = temperature;
        });
    }

    static List<Sample> stored() {
        UUID id = person().id;
        return QuarkusTransaction.requiringNew()
                .call(() -> Sample.<Sample>list("personId = ?1 order by metric", id));
    }

    static List<Alert> alerts() {
        UUID id = person().id;
        return QuarkusTransaction.requiringNew().call(() -> Alert.<Alert>list("personId", id));
    }

    static Map<String, String> now() {
        ZonedDateTime local = Instant.now().minusSeconds(60).atZone(ZONE);
        return Map.of("date", local.toLocalDate().toString(), "time",
                local.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString());
    }

    static RequestSpecification reading(String kind) {
        return Forms.withCsrfFrom("/readings/new?kind=" + kind).formParam("kind", kind).formParams(now());
    }

    static RequestSpecification bloodPressure(String systolic, String diastolic) {
        return reading("blood-pressure").formParam("systolic", systolic).formParam("diastolic", diastolic);
    }

    @Test
    void aBloodPressureIsStoredAsTwoValuesOfOneReading() {
        given().get("/readings/new?kind=blood-pressure").then().statusCode(200)
                .body(containsString("Upper number (systolic)")).body(containsString("name=\"date\""))
                .body(containsString("value=\"" + Instant.now().atZone(ZONE).toLocalDate() + "\""));
        bloodPressure("128", "82").post("/readings").then().statusCode(303).header("Location",
                containsString("/readings?done=added"));
        List<Sample> values = stored();
        assertEquals(2, values.size());
        assertEquals(values.get(0).readingId, values.get(1).readingId);
        assertTrue(values.stream().allMatch(s -> s.manual && s.source.equals(SampleService.MANUAL_SOURCE)));
        Sample systolic = values.stream().filter(s -> s.metric == Metric.SYSTOLIC).findFirst().orElseThrow();
        assertEquals(128, systolic.value);
        assertEquals(ZONE.getRules().getOffset(systolic.startAt).getTotalSeconds(), systolic.utcOffset,
                "the zone's offset at that moment");
        given().get("/readings?done=added").then().statusCode(200).body(containsString("Your reading is saved"))
                .body(containsString("128/82 mmHg"))
                .body(containsString("/readings/" + systolic.readingId + "/edit"));
        assertEquals(0, alerts().size());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"systolic=|Please fill this in.", "systolic=abc|Please type a number",
            "systolic=1e2|Please type a number", "systolic=NaN|Please type a number",
            "systolic=400|Please type a value between 50 and 300 mmHg.",
            "diastolic=130|must be smaller than the upper number",
            "diastolic=128|must be smaller than the upper number", "date=2020-02-30|Please give a date such as",
            "time=25:00|Please give a time such as", "date=1899-12-31|Please give a date in 1900 or later.",
            "date=+FUTURE|This date and time is in the future.", "personId=x|fields it does not have",
            "value=80|fields it does not have", "kind=weight|fields it does not have"})
    void aBadReadingIsRefusedWithAClearMessageAndNothingIsStored(String field, String message) {
        String name = field.substring(0, field.indexOf('='));
        String value = field.substring(field.indexOf('=') + 1);
        if (value.equals("+FUTURE")) {
            value = LocalDate.now(ZONE).plusDays(1).toString();
        }
        Map<String, String> form = new HashMap<>(Map.of("kind", "blood-pressure", "systolic", "128",
                "diastolic", "82"));
        form.putAll(now());
        form.put(name, value);
        var response = Forms.withCsrfFrom("/readings/new?kind=blood-pressure").formParams(form).post("/readings")
                .then().statusCode(422).body(containsString(message)).body(containsString("Nothing was saved"));
        if (form.containsKey("systolic") && List.of("systolic", "diastolic", "date", "time").contains(name)) {
            response.body(containsString("aria-invalid=\"true\"")).body(containsString(name + "-error"));
        }
        assertEquals(0, stored().size());
    }

    @Test
    void aReadingAFewMinutesAheadIsClockSkewNotTheFuture() {
        ZonedDateTime ahead = Instant.now().plusSeconds(120).atZone(ZONE);
        Forms.withCsrfFrom("/readings/new?kind=spo2").formParam("kind", "spo2").formParam("value", "97")
                .formParam("date", ahead.toLocalDate().toString())
                .formParam("time", ahead.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString())
                .post("/readings").then().statusCode(303);
        assertEquals(1, stored().size());
    }

    @Test
    void aWeightInPoundsAndGlucoseInMmolAreStoredInKilogramsAndMgPerDl() {
        units("[lb_av]", "mmol/L", "[degF]");
        given().get("/readings/new?kind=weight").then().statusCode(200).body(containsString(">lb<"))
                .body(containsString("Between 4.5 and 881.8 lb."));
        reading("weight").formParam("value", "176.4").post("/readings").then().statusCode(303);
        reading("glucose").formParam("value", "5,5").post("/readings").then().statusCode(303);
        reading("temperature").formParam("value", "98.6").post("/readings").then().statusCode(303);
        Map<Metric, Double> byMetric = new EnumMap<>(Metric.class);
        stored().forEach(s -> byMetric.put(s.metric, s.value));
        assertEquals(80.01, byMetric.get(Metric.WEIGHT), 0.01);
        assertEquals(99.09, byMetric.get(Metric.GLUCOSE), 0.01);
        assertEquals(37.0, byMetric.get(Metric.BODY_TEMPERATURE), 0.001);
        given().get("/readings").then().body(containsString("176.4 lb")).body(containsString("5.5 mmol/L"))
                .body(containsString("98.6 \u00b0F"));
        // The plausible range is checked in the stored unit, and told in the person's.
        reading("weight").formParam("value", "900").post("/readings").then().statusCode(422)
                .body(containsString("Please type a value between 4.5 and 881.8 lb."));
        reading("glucose").formParam("value", "0.5").post("/readings").then().statusCode(422)
                .body(containsString("between 0.6 and 55.5 mmol/L"));
        assertEquals(3, stored().size());
    }

    @Test
    void aSecondReadingAtTheSameMinuteIsRefusedNotLost() {
        Map<String, String> at = now();
        Forms.withCsrfFrom("/readings/new?kind=weight").formParam("kind", "weight").formParams(at)
                .formParam("value", "80").post("/readings").then().statusCode(303);
        Forms.withCsrfFrom("/readings/new?kind=weight").formParam("kind", "weight").formParams(at)
                .formParam("value", "81").post("/readings").then().statusCode(422)
                .body(containsString("You already have a reading of this kind"));
        assertEquals(List.of(80.0), stored().stream().map(s -> s.value).toList());
    }

    @Test
    void correctingMovesTheDailyFiguresAndTheAlerts() {
        bloodPressure("150", "85").post("/readings").then().statusCode(303).header("Location",
                containsString("done=added-alert"));
        UUID reading = stored().get(0).readingId;
        assertEquals(1, alerts().size());
        given().get("/readings/" + reading + "/edit").then().statusCode(200).body(containsString("value=\"150\""))
                .body(containsString("action=\"/readings/" + reading + "\""));

        LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
        Forms.withCsrfFrom("/readings/" + reading + "/edit").formParam("kind", "blood-pressure")
                .formParam("systolic", "122").formParam("diastolic", "80").formParam("date", yesterday.toString())
                .formParam("time", "08:00").post("/readings/" + reading).then().statusCode(303)
                .header("Location", containsString("done=corrected"));
        assertEquals(0, alerts().size(), "the corrected reading is within the limits");
        List<DailyRollup> days = QuarkusTransaction.requiringNew().call(() -> DailyRollup
                .<DailyRollup>list("personId = ?1 and metric = ?2", person().id, Metric.SYSTOLIC));
        assertEquals(1, days.size());
        assertEquals(yesterday, days.get(0).localDate);
        assertEquals(122, days.get(0).latest);
        assertTrue(stored().stream().allMatch(s -> s.readingId.equals(reading)), "the reading keeps its id");

        Forms.withCsrfFrom("/readings/" + reading + "/edit").formParam("kind", "blood-pressure")
                .formParam("systolic", "122").formParam("diastolic", "95").formParam("date", yesterday.toString())
                .formParam("time", "08:00").post("/readings/" + reading).then().statusCode(303)
                .header("Location", containsString("done=corrected-alert"));
        assertEquals(Limit.DIASTOLIC_HIGH, alerts().get(0).limitType);
        Forms.withCsrfFrom("/readings/" + reading + "/edit").formParam("kind", "blood-pressure")
                .formParam("systolic", "80").formParam("diastolic", "95").formParam("date", yesterday.toString())
                .formParam("time", "08:00").post("/readings/" + reading).then().statusCode(422);
        assertEquals(95, stored().stream().filter(s -> s.metric == Metric.DIASTOLIC).findFirst().orElseThrow().value);
    }

    @Test
    void deletingAsksFirstThenTakesTheDayAndTheOpenAlertsWithIt() {
        bloodPressure("160", "100").post("/readings").then().statusCode(303);
        reading("temperature").formParam("value", "38.5").post("/readings").then().statusCode(303);
        UUID pressure = stored().stream().filter(s -> s.metric == Metric.SYSTOLIC).findFirst().orElseThrow().readingId;
        UUID fever = stored().stream().filter(s -> s.metric == Metric.BODY_TEMPERATURE).findFirst()
                .orElseThrow().readingId;
        UUID feverAlert = alerts().stream().filter(a -> a.readingId.equals(fever)).findFirst().orElseThrow().id;
        Forms.withCsrfFrom("/monitoring").post("/monitoring/alerts/" + feverAlert + "/acknowledge").then()
                .statusCode(303);

        given().get("/readings/" + pressure + "/delete").then().statusCode(200)
                .body(containsString("Delete this reading?")).body(containsString("160/100 mmHg"));
        assertEquals(3, stored().size(), "the confirmation page deletes nothing");
        Forms.withCsrfFrom("/readings/" + pressure + "/delete").post("/readings/" + pressure + "/delete").then()
                .statusCode(303).header("Location", containsString("done=deleted"));
        Forms.withCsrfFrom("/readings/" + fever + "/delete").post("/readings/" + fever + "/delete").then()
                .statusCode(303);
        assertEquals(0, stored().size());
        assertEquals(0L, QuarkusTransaction.requiringNew()
                .call(() -> DailyRollup.count("personId", person().id)));
        List<Alert> left = alerts();
        assertEquals(1, left.size(), "the acknowledged alert stays, the open one goes");
        assertEquals(feverAlert, left.get(0).id);
        given().get("/readings?done=deleted").then().body(containsString("The reading is deleted."))
                .body(containsString("You have not typed in any readings yet."));
    }

    @Test
    void anotherPatientsReadingIsNotFound() {
        Person other = ConsentFixture.person("readings-other-" + UUID.randomUUID(), Role.PATIENT);
        UUID theirs = UUID.randomUUID();
        samples.record(other, List.of(NewReading.at(Metric.WEIGHT, Instant.now().minusSeconds(3600), 0, 70,
                SampleService.MANUAL_SOURCE, true, theirs)));
        given().get("/readings/" + theirs + "/edit").then().statusCode(404).body(not(containsString("70.0")));
        given().get("/readings/" + theirs + "/delete").then().statusCode(404);
        reading("weight").formParam("value", "90").post("/readings/" + theirs).then().statusCode(404);
        Forms.withCsrfFrom("/readings").post("/readings/" + theirs + "/delete").then().statusCode(404);
        given().get("/readings/not-a-uuid/edit").then().statusCode(404);
        given().get("/readings/new?kind=cholesterol").then().statusCode(404);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Sample.count("personId", other.id)));
        given().get("/readings").then().body(not(containsString(theirs.toString())));
    }

    @Test
    void withoutAKindTheFormAsksWhatWasMeasured() {
        given().get("/readings/new").then().statusCode(200).body(containsString("What did you measure?"))
                .body(containsString("/readings/new?kind=spo2"));
        Forms.withCsrfFrom("/readings/new").formParam("kind", "cholesterol").formParam("value", "5")
                .post("/readings").then().statusCode(422).body(containsString("Please choose what you measured"));
        assertEquals(0, stored().size());
    }
}
