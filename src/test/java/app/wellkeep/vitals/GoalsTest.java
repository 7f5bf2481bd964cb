package app.wellkeep.vitals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

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
import app.wellkeep.testsupport.Forms;
import app.wellkeep.vitals.SampleService.NewReading;

/** Goals: the form's bounds, the defaults, and progress on the dashboard at and around 100 %. */
@QuarkusTest
@TestSecurity(user = "goals-patient", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "sub", value = GoalsTest.SUBJECT), @Claim(key = "name", value = "Gil Goal")})
class GoalsTest {

    static final String SUBJECT = "sub-goals-patient";

    @Inject
    SampleService samples;

    Person person;

    @BeforeEach
    void clean() {
        given().get("/goals").then().statusCode(200);
        person = QuarkusTransaction.requiringNew().call(() -> {
            Person p = Person.findBySubject(SUBJECT).orElseThrow();
            Goal.delete("personId", p.id);
            samples.eraseAll(p.id);
            DailyRollup.delete("personId", p.id);
            p.weightUnit = "kg";
            return p;
        });
    }

    private static void post(String steps, String sleep, String weight, int status) {
        Forms.withCsrfFrom("/goals").formParam("steps", steps).formParam("sleepHours", sleep)
                .formParam("targetWeight", weight).post("/goals").then().statusCode(status);
    }

    private static Goal stored(Person person) {
        return QuarkusTransaction.requiringNew().call(() -> Goal.<Goal>findById(person.id));
    }

    @Test
    void withoutGoalsTheDefaultsApply() {
        given().get("/goals").then().statusCode(200).body(containsString("value=\"8000\""))
                .body(containsString("value=\"7.5\""));
    }

    @Test
    void goalsAreSavedAndTheTargetWeightIsKeptInKilograms() {
        QuarkusTransaction.requiringNew().run(() -> Person.update("weightUnit = '[lb_av]' where id = ?1", person.id));
        Forms.withCsrfFrom("/goals").formParam("steps", "10,000").formParam("sleepHours", "8.25")
                .formParam("targetWeight", "154.3").post("/goals").then().statusCode(303)
                .header("Location", containsString("/goals?saved=true"));
        Goal goal = stored(person);
        assertEquals(10_000, goal.dailySteps);
        assertEquals(495, goal.sleepMinutes);
        assertEquals(69.99, goal.targetWeightKg, 0.01);
        given().get("/goals?saved=true").then().body(containsString("Your goals are saved"))
                .body(containsString("value=\"154.3\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"99 | 8 | '' | steps | from 100 to 100,000",
            "100001 | 8 | '' | steps | from 100 to 100,000", "8000.5 | 8 | '' | steps | whole number",
            "'' | 8 | '' | steps | enter a value", "8000 | 2.9 | '' | sleepHours | from 3 to 14 hours",
            "8000 | 14.5 | '' | sleepHours | from 3 to 14 hours", "8000 | NaN | '' | sleepHours | using digits",
            "8000 | 8 | 29 | targetWeight | range shown", "8000 | 8 | 1e2 | targetWeight | using digits",
            "8000 | 8 | 301 | targetWeight | range shown"})
    void implausibleGoalsAreRefusedWithAMessageAtTheField(String steps, String sleep, String weight, String field,
            String message) {
        Forms.withCsrfFrom("/goals").formParam("steps", steps).formParam("sleepHours", sleep)
                .formParam("targetWeight", weight).post("/goals").then().statusCode(422)
                .body(containsString("id=\"" + field + "-error\"")).body(containsString(message))
                .body(containsString("aria-invalid=\"true\""));
        assertEquals(null, stored(person));
    }

    @Test
    void theBoundsThemselvesAreAccepted() {
        post("100", "3", "30", 303);
        post("100000", "14", "300", 303);
        post("8000", "7.5", "", 303);
        assertEquals(null, stored(person).targetWeightKg);
    }

    @Test
    void anUnknownFieldRefusesTheForm() {
        Forms.withCsrfFrom("/goals").formParam("steps", "8000").formParam("sleepHours", "8")
                .formParam("admin", "true").post("/goals").then().statusCode(422)
                .body(containsString("out of date"));
    }

    @ParameterizedTest
    @CsvSource({"7999, 99 %, false", "8000, 100 %, true", "8001, 100 %, true", "12000, 150 %, true", "0, 0 %, false"})
    void stepsProgressAtAndAround100Percent(int steps, String percent, boolean reached) {
        LocalDate today = LocalDate.now(person.zone());
        if (steps > 0) {
            samples.record(person, List.of(NewReading.at(Metric.STEPS,
                    today.atTime(0, 30).atZone(person.zone()).toInstant(), 0, steps, "phone", false, null)));
        }
        var page = given().get("/dashboard").then().statusCode(200);
        if (steps == 0) {
            page.body(containsString("No steps recorded today yet"));
            return;
        }
        page.body(containsString(String.format(java.util.Locale.ENGLISH, "%,d of 8,000 steps", steps)))
                .body(containsString(percent + " of your goal"))
                .body(containsString("value=\"" + Math.min(100, Integer.parseInt(percent.split(" ")[0])) + "\""));
        if (reached) {
            page.body(containsString("Goal reached"));
        } else {
            page.body(not(containsString("Goal reached")));
        }
    }

    @ParameterizedTest
    @CsvSource({"7999, 8000, 99, false", "8000, 8000, 100, true", "7999.99, 8000, 99, false",
            "16000, 8000, 200, true", "449, 450, 99, false", "450, 450, 100, true"})
    void progressIsRoundedDownSo100PercentMeansReached(double value, double goal, int percent, boolean reached) {
        GoalProgress progress = GoalProgress.of(value, goal);
        assertEquals(percent, progress.percent());
        assertEquals(reached, progress.reached());
        assertEquals(Math.min(percent, 100), progress.bar());
    }

    @Test
    void theDashboardShowsSleepAndTheDistanceToTheTargetWeight() {
        post("8000", "7.5", "75", 303);
        LocalDate today = LocalDate.now(person.zone());
        Instant wake = today.atTime(6, 0).atZone(person.zone()).toInstant();
        samples.record(person, List.of(
                new NewReading(Metric.SLEEP, wake.minusSeconds(7 * 3600), wake.minusSeconds(1800), 0, 390, "CORE",
                        "watch", false, null),
                new NewReading(Metric.SLEEP, wake.minusSeconds(1800), wake, 0, 30, "AWAKE", "watch", false, null),
                NewReading.at(Metric.WEIGHT, wake, 0, 77.5, "scale", false, null)));
        given().get("/dashboard").then().statusCode(200).body(containsString("Hello, Gil Goal"))
                .body(containsString("6 h 30 min of 7 h 30 min")).body(containsString("86 % of your goal"))
                .body(containsString("2.5 kg above your target of 75.0 kg"))
                .body(containsString("href=\"/readings/new?kind=glucose\""));
    }
}
