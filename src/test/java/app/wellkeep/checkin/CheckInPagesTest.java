package app.wellkeep.checkin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.test.security.oidc.Claim;
import io.quarkus.test.security.oidc.OidcSecurity;
import io.restassured.specification.RequestSpecification;

import app.wellkeep.account.Person;
import app.wellkeep.coach.TriageEntries;
import app.wellkeep.testsupport.Forms;

/** The daily check-in and the questionnaires through their pages, as the patient's browser would send them. */
@QuarkusTest
@TestSecurity(user = "checkin-patient", roles = "patient")
@OidcSecurity(claims = {@Claim(key = "sub", value = "sub-checkin-patient"),
        @Claim(key = "name", value = "Casey Checkin"), @Claim(key = "email", value = "casey@example.org")})
class CheckInPagesTest {

    static final String SUBJECT = "sub-checkin-patient";

    @BeforeEach
    void clean() {
        given().get("/check-in").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            UUID id = person().id;
            CheckIn.delete("personId", id);
            CheckInSummary.refresh(id);
            TriageEntries.refresh(id);
            QuestionnaireResponse.delete("personId", id);
        });
    }

    static Person person() {
        return Person.findBySubject(SUBJECT).orElseThrow();
    }

    static RequestSpecification checkIn(String mood) {
        return Forms.withCsrfFrom("/check-in").formParam("mood", mood).formParam("energy", "3")
                .formParam("stress", "2").formParam("sleepQuality", "4").formParam("medication", "NOT_APPLICABLE")
                .formParam("symptoms", "FATIGUE");
    }

    static long checkIns() {
        return QuarkusTransaction.requiringNew().call(() -> CheckIn.count("personId", person().id));
    }

    static long responses() {
        return QuarkusTransaction.requiringNew().call(() -> QuestionnaireResponse.count("personId", person().id));
    }

    @Test
    void aCheckInIsSavedOncePerDayAndCanBeChangedThatDay() {
        checkIn("4").post("/check-in").then().statusCode(303).header("Location",
                containsString("/check-in?saved=true"));
        checkIn("2").post("/check-in").then().statusCode(303);
        checkIn("2").post("/check-in").then().statusCode(303);
        assertEquals(1, checkIns());
        CheckIn stored = QuarkusTransaction.requiringNew()
                .call(() -> CheckIn.<CheckIn>find("personId", person().id).singleResult());
        assertEquals(2, stored.mood);
        assertEquals("FATIGUE", stored.symptoms);
        given().get("/check-in?saved=true").then().statusCode(200)
                .body(containsString("Your check-in for today is saved"))
                .body(containsString("You have checked in today"));
        given().get("/dashboard").then().statusCode(200).body(not(containsString("Your daily check-in is waiting")));
    }

    @Test
    void theDashboardPromptsWhileTodaysCheckInIsOpen() {
        given().get("/dashboard").then().statusCode(200).body(containsString("Your daily check-in is waiting"));
    }

    @Test
    void badAnswersAreRefusedWithAClearMessageAndChangeNothing() {
        checkIn("9").post("/check-in").then().statusCode(422).body(containsString("Please check the answers"))
                .body(containsString("Please choose one of the answers shown")).body(containsString("aria-invalid"));
        Forms.withCsrfFrom("/check-in").formParam("mood", "3").post("/check-in").then().statusCode(422)
                .body(containsString("Please choose an answer."));
        assertEquals(0, checkIns());
    }

    @Test
    void aCheckInForAnotherDayOrPersonIsRefused() {
        checkIn("4").post("/check-in").then().statusCode(303);
        checkIn("1").formParam("localDate", "2020-01-01").post("/check-in").then().statusCode(422)
                .body(containsString("nothing was saved"));
        checkIn("1").formParam("personId", UUID.randomUUID().toString()).post("/check-in").then().statusCode(422);
        CheckIn stored = QuarkusTransaction.requiringNew()
                .call(() -> CheckIn.<CheckIn>find("personId", person().id).singleResult());
        assertEquals(4, stored.mood);
    }

    @Test
    void withoutCsrfTokenNothingIsSaved() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("mood", "3")
                .formParam("energy", "3").formParam("stress", "3").formParam("sleepQuality", "3")
                .formParam("medication", "TAKEN").post("/check-in").then().statusCode(400);
        assertEquals(0, checkIns());
    }

    @Test
    void aPositivePhq2LeadsToThePhq9WithTheFirstAnswersCarriedOver() {
        String key = UUID.randomUUID().toString();
        String location = Forms.withCsrfFrom("/check-in/questionnaires/phq-2").formParam("submission", key)
                .formParam("phq-1", "1").formParam("phq-2", "2").post("/check-in/questionnaires/phq-2").then()
                .statusCode(303).extract().header("Location");
        String result = given().get(location).then().statusCode(200).body(containsString("Your score is 3 out of 6"))
                .body(containsString("At or above the screening threshold"))
                .body(containsString("Continue with Mood questionnaire (PHQ-9)")).extract().asString();
        String next = result.replaceAll("(?s).*href=\"(/check-in/questionnaires/phq-9\\?after=[0-9a-f-]+)\".*", "$1");
        assertTrue(next.startsWith("/check-in/questionnaires/phq-9?after="), next);
        String form = given().get(next).then().statusCode(200).extract().asString();
        assertTrue(form.matches("(?s).*name=\"phq-1\" value=\"1\" required checked.*"), "item 1 carried over");
        assertTrue(form.matches("(?s).*name=\"phq-2\" value=\"2\" required checked.*"), "item 2 carried over");
        assertFalse(form.matches("(?s).*name=\"phq-3\" value=\"\\d\" required checked.*"), "item 3 is open");
        assertTrue(form.contains("data-crisis-item=\"phq-9\""), "crisis resources ready on the same screen");

        var phq9 = Forms.withCsrfFrom(next).formParam("submission", UUID.randomUUID().toString())
                .formParam("follows", next.substring(next.indexOf('=') + 1));
        for (int i = 1; i <= 8; i++) {
            phq9.formParam("phq-" + i, "1");
        }
        String phq9Location = phq9.formParam("phq-9", "1").post("/check-in/questionnaires/phq-9").then()
                .statusCode(303).extract().header("Location");
        given().get(phq9Location).then().statusCode(200).body(containsString("You do not have to face this alone"))
                .body(containsString("Your score is 9 out of 27")).body(containsString("Result: Mild"));
        QuestionnaireResponse stored = QuarkusTransaction.requiringNew().call(
                () -> QuestionnaireResponse.<QuestionnaireResponse>find("personId = ?1 and instrument = 'phq-9'",
                        person().id).singleResult());
        assertTrue(stored.urgent);
        assertEquals("mild", stored.band);
        assertTrue(stored.followsId != null, "the PHQ-9 names the PHQ-2 it follows");
    }

    @Test
    void aDoubleSubmittedQuestionnaireIsStoredOnce() {
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            Forms.withCsrfFrom("/check-in/questionnaires/gad-2").formParam("submission", key).formParam("gad-1", "0")
                    .formParam("gad-2", "1").post("/check-in/questionnaires/gad-2").then().statusCode(303);
        }
        assertEquals(1, responses());
    }

    @Test
    void incompleteOrForgedQuestionnairesAreRefusedAndStoreNothing() {
        String key = UUID.randomUUID().toString();
        Forms.withCsrfFrom("/check-in/questionnaires/phq-2").formParam("submission", key).formParam("phq-1", "1")
                .post("/check-in/questionnaires/phq-2").then().statusCode(422)
                .body(containsString("Please answer every question"));
        Forms.withCsrfFrom("/check-in/questionnaires/phq-2").formParam("submission", key).formParam("phq-1", "1")
                .formParam("phq-2", "7").post("/check-in/questionnaires/phq-2").then().statusCode(422);
        Forms.withCsrfFrom("/check-in/questionnaires/phq-2").formParam("submission", key).formParam("phq-1", "1")
                .formParam("phq-2", "1").formParam("personId", UUID.randomUUID().toString())
                .post("/check-in/questionnaires/phq-2").then().statusCode(422)
                .body(containsString("nothing was saved"));
        Forms.withCsrfFrom("/check-in/questionnaires/phq-2").formParam("phq-1", "1").formParam("phq-2", "1")
                .post("/check-in/questionnaires/phq-2").then().statusCode(422);
        Forms.withCsrfFrom("/check-in/questionnaires/phq-2").formParam("submission", key).formParam("phq-1", "1")
                .formParam("phq-2", "1").post("/check-in/questionnaires/no-such-instrument").then().statusCode(404);
        assertEquals(0, responses());
    }

    @Test
    void someoneElsesResultIsNotFound() {
        UUID other = QuarkusTransaction.requiringNew().call(() -> {
            Person stranger = new Person();
            stranger.id = UUID.randomUUID();
            stranger.subject = "sub-stranger-" + stranger.id;
            stranger.displayName = "Stranger";
            stranger.role = app.wellkeep.account.Role.PATIENT;
            stranger.timeZone = "UTC";
            stranger.createdAt = java.time.Instant.now();
            stranger.lastSeenAt = stranger.createdAt;
            stranger.persist();
            QuestionnaireResponse response = new QuestionnaireResponse();
            response.id = UUID.randomUUID();
            response.personId = stranger.id;
            response.instrument = "phq-2";
            response.localDate = java.time.LocalDate.now();
            response.authoredAt = java.time.Instant.now();
            response.answers = "phq-1=3,phq-2=3";
            response.totalScore = 6;
            response.band = "positive";
            response.submissionKey = UUID.randomUUID();
            response.persist();
            return response.id;
        });
        given().get("/check-in/questionnaires/responses/" + other).then().statusCode(404)
                .body(not(containsString("Your score")));
        given().get("/check-in/questionnaires/phq-9?after=" + other).then().statusCode(200)
                .body(not(containsString("checked")));
    }

    @Test
    void theHistoryShowsNinetyDaysTheStreakAndTheTables() {
        checkIn("5").post("/check-in").then().statusCode(303);
        given().get("/check-in/history").then().statusCode(200).body(containsString("1 day in a row"))
                .body(containsString("Check-ins in the last 7 days: 1 of 7"))
                .body(containsString("id=\"trends-table\"")).body(containsString("/webjars/chart.js/"));
    }

    @Test
    void theApiReturnsTheOwnersCheckInsAsFhirQuestionnaireResponses() {
        checkIn("4").post("/check-in").then().statusCode(303);
        given().get("/api/check-ins").then().statusCode(200).contentType(startsWith("application/fhir+json"))
                .body("resourceType", org.hamcrest.Matchers.equalTo("Bundle"))
                .body("total", org.hamcrest.Matchers.equalTo(1))
                .body("entry[0].resource.resourceType", org.hamcrest.Matchers.equalTo("QuestionnaireResponse"))
                .body("entry[0].resource.item.find { it.linkId == 'mood' }.answer[0].valueInteger",
                        org.hamcrest.Matchers.equalTo(4));
        given().get("/api/check-ins?from=2026-02-30").then().statusCode(400);
        given().get("/api/check-ins?from=2020-01-01&to=2026-01-01").then().statusCode(400);
    }
}
