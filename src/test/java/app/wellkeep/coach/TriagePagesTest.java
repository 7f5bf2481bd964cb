package app.wellkeep.coach;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.testsupport.Forms;

/**
 * The triage, review, feedback and notes pages over HTTP: review and undo, a check-in edited after its review,
 * feedback the patient reads (and no one else), private notes and who reads them, and the cost of a triage page as
 * the queue grows.
 */
@QuarkusTest
@TestSecurity(user = "replaced-per-test", roles = "coach")
class TriagePagesTest {

    private static final Set<Category> CHECK_INS = EnumSet.of(Category.CHECK_INS);
    private static final LocalDate TODAY = ConsentFixture.today();

    @Inject
    EntityManagerFactory entityManagerFactory;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Person person(String name, Role role) {
        return ConsentFixture.person("triage-pages-" + name + "-" + run, role);
    }

    private static Response post(String path, String... fields) {
        var request = Forms.withCsrfFrom("/care-team/triage");
        for (int i = 0; i < fields.length; i += 2) {
            request = request.formParam(fields[i], fields[i + 1]);
        }
        return request.post(path);
    }

    private static String queue() {
        return given().get("/care-team/triage").then().statusCode(200).extract().asString();
    }

    @Test
    void reviewTakesACheckInOutOfTheQueueAndOnlyItsReviewerMayUndoIt() {
        Person sam = person("sam", Role.COACH);
        Person kim = person("kim", Role.COACH);
        Person patient = person("patient", Role.PATIENT);
        UUID team = ConsentFixture.team("Review team " + run, List.of(sam, kim));
        ConsentFixture.grant(patient, null, team, CHECK_INS, null, null, null);
        UUID checkIn = TriageFixture.checkIn(patient, TODAY.minusDays(1), 2).id;

        TriageFixture.actAs(sam);
        String page = queue();
        assertTrue(page.contains("triage-" + checkIn));
        assertTrue(given().get("/care-team/triage?page=next").then().statusCode(200).extract().asString()
                .contains("triage-" + checkIn), "a page number that is not one shows the first page");
        assertTrue(page.contains("Check-ins of the last " + TriageService.QUEUE_DAYS + " days"),
                "the lead says how far back the queue reaches");
        post("/care-team/check-ins/" + checkIn + "/review", "back", "triage").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/care-team/triage?done=reviewed"));
        assertFalse(queue().contains("triage-" + checkIn), "reviewed: out of the queue");
        CheckInReview review = QuarkusTransaction.requiringNew().call(() -> CheckInReview.findById(checkIn));
        assertEquals(sam.id, review.reviewedBy);
        assertEquals(sam.displayName, review.reviewerName);
        assertNotNull(review.reviewedAt);

        TriageFixture.actAs(kim);
        assertFalse(queue().contains("triage-" + checkIn), "out of the queue for the whole team");
        String refused = post("/care-team/check-ins/" + checkIn + "/review/undo").then().statusCode(403).extract()
                .asString();
        assertTrue(refused.contains("Only " + sam.displayName + ", who reviewed this check-in, can undo the review."));
        String history = given().get("/care-team/patients/" + patient.id + "/check-ins").then().statusCode(200)
                .extract().asString();
        assertTrue(history.contains("Reviewed by " + sam.displayName));
        assertFalse(history.contains("/check-ins/" + checkIn + "/review/undo"), "no undo button for another coach");

        TriageFixture.actAs(sam);
        post("/care-team/check-ins/" + checkIn + "/review/undo", "back", "history").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.containsString(
                        "/care-team/patients/" + patient.id + "/check-ins?done=undone"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> CheckInReview.findById(checkIn)));
        assertTrue(queue().contains("triage-" + checkIn), "undone: back in the queue");
    }

    @Test
    void aCheckInEditedAfterItsReviewIsBackInTheQueue() {
        Person coach = person("edit-coach", Role.COACH);
        Person patient = person("edit-patient", Role.PATIENT);
        ConsentFixture.grant(patient, coach, null, CHECK_INS, null, null, null);
        UUID checkIn = TriageFixture.checkIn(patient, TODAY, 4).id;
        TriageFixture.actAs(coach);
        post("/care-team/check-ins/" + checkIn + "/review").then().statusCode(303);
        assertFalse(queue().contains("triage-" + checkIn));
        TriageFixture.edit(checkIn);
        String page = queue();
        assertTrue(page.contains("triage-" + checkIn));
        assertTrue(given().get("/care-team/triage?page=next").then().statusCode(200).extract().asString()
                .contains("triage-" + checkIn), "a page number that is not one shows the first page");
        assertTrue(page.contains("Edited by the patient after it was reviewed."));
        post("/care-team/check-ins/" + checkIn + "/review").then().statusCode(303);
        assertFalse(queue().contains("triage-" + checkIn), "reviewed again");
    }

    @Test
    void aCheckInOutsideTheWindowOrOfAnotherPatientCannotBeTouched() {
        Person coach = person("reach-coach", Role.COACH);
        Person patient = person("reach-patient", Role.PATIENT);
        ConsentFixture.grant(patient, coach, null, CHECK_INS, TODAY.minusDays(5), null, null);
        UUID old = TriageFixture.checkIn(patient, TODAY.minusDays(6), 4).id;
        Person stranger = person("reach-stranger", Role.PATIENT);
        UUID foreign = TriageFixture.checkIn(stranger, TODAY, 4).id;
        TriageFixture.actAs(coach);
        for (UUID id : List.of(old, foreign, UUID.randomUUID())) {
            post("/care-team/check-ins/" + id + "/review").then().statusCode(404);
            post("/care-team/check-ins/" + id + "/review/undo").then().statusCode(404);
            post("/care-team/check-ins/" + id + "/feedback", "body", "Hello").then().statusCode(404);
        }
        assertEquals(0L, QuarkusTransaction.requiringNew()
                .call(() -> CheckInReview.count("checkinId in ?1", List.of(old, foreign))));
        assertEquals(0L, QuarkusTransaction.requiringNew()
                .call(() -> CoachFeedback.count("checkinId in ?1", List.of(old, foreign))));
    }

    @Test
    void feedbackReachesItsPatientOnTheDashboardAndCheckInPagesAndNoOneElse() {
        Person coach = person("fb-coach", Role.COACH);
        Person patient = person("fb-patient", Role.PATIENT);
        Person other = person("fb-other", Role.PATIENT);
        ConsentFixture.grant(patient, coach, null, CHECK_INS, null, null, null);
        UUID checkIn = TriageFixture.checkIn(patient, TODAY, 3).id;
        String text = "Well done this week " + run;

        TriageFixture.actAs(coach);
        String tooLong = post("/care-team/check-ins/" + checkIn + "/feedback", "body", "x".repeat(2001)).then()
                .statusCode(422).extract().asString();
        assertTrue(tooLong.contains("aria-invalid=\"true\""));
        assertTrue(tooLong.contains("Please keep it to 2000 characters."));
        post("/care-team/check-ins/" + checkIn + "/feedback", "body", "   ").then().statusCode(422);
        post("/care-team/check-ins/" + checkIn + "/feedback", "body", text).then().statusCode(303);
        assertTrue(given().get("/care-team/patients/" + patient.id + "/check-ins").then().statusCode(200).extract()
                .asString().contains(text));

        TriageFixture.actAs(other);
        assertFalse(given().get("/dashboard").then().statusCode(200).extract().asString().contains(text));
        assertFalse(given().get("/check-in/history").then().statusCode(200).extract().asString().contains(text));

        TriageFixture.actAs(patient);
        String dashboard = given().get("/dashboard").then().statusCode(200).extract().asString();
        assertTrue(dashboard.contains(text));
        assertTrue(dashboard.contains("1 new message"));
        assertFalse(given().get("/dashboard").then().statusCode(200).extract().asString().contains("1 new message"),
                "seen once shown");
        assertTrue(QuarkusTransaction.requiringNew()
                .call(() -> CoachFeedback.<CoachFeedback>find("checkinId", checkIn).firstResult().seenAt != null));
        assertTrue(given().get("/check-in").then().statusCode(200).extract().asString().contains(text),
                "beside today's check-in");
        assertTrue(given().get("/check-in/history").then().statusCode(200).extract().asString().contains(text));
    }

    @Test
    void notesAreReadByTheTeamThatHoldsTheGrantAndNeverByThePatient() {
        Person author = person("note-author", Role.COACH);
        Person member = person("note-member", Role.COACH);
        Person former = person("note-former", Role.COACH);
        Person otherCoach = person("note-other", Role.COACH);
        Person patient = person("note-patient", Role.PATIENT);
        UUID team = ConsentFixture.team("Notes team " + run, List.of(author, member, former));
        ConsentFixture.grant(patient, null, team, CHECK_INS, null, null, null);
        ConsentFixture.grant(patient, otherCoach, null, CHECK_INS, null, null, null);
        String note = "Private note " + run;
        String ownNote = "Own note of the other coach " + run;

        TriageFixture.actAs(author);
        var form = Forms.withCsrfFrom("/care-team/patients/" + patient.id + "/notes");
        form.formParam("body", "").post("/care-team/patients/" + patient.id + "/notes").then().statusCode(422);
        Forms.withCsrfFrom("/care-team/patients/" + patient.id + "/notes").formParam("body", note)
                .post("/care-team/patients/" + patient.id + "/notes").then().statusCode(303);
        CareNote stored = QuarkusTransaction.requiringNew()
                .call(() -> CareNote.<CareNote>find("body", note).firstResult());
        assertEquals(team, stored.teamId, "a team grant: the note is the team's");
        assertNull(stored.coachId);
        assertTrue(notesOf(patient).contains(note));

        TriageFixture.actAs(otherCoach);
        Forms.withCsrfFrom("/care-team/patients/" + patient.id + "/notes").formParam("body", ownNote)
                .post("/care-team/patients/" + patient.id + "/notes").then().statusCode(303);
        String others = notesOf(patient);
        assertFalse(others.contains(note), "another coach does not read the team's notes");
        assertTrue(others.contains(ownNote));

        TriageFixture.actAs(member);
        String members = notesOf(patient);
        assertTrue(members.contains(note));
        assertFalse(members.contains(ownNote));

        ConsentFixture.leave(team, former);
        TriageFixture.actAs(former);
        given().get("/care-team/patients/" + patient.id + "/notes").then().statusCode(404);

        TriageFixture.actAs(patient);
        Response own = given().get("/care-team/patients/" + patient.id + "/notes");
        assertEquals(404, own.statusCode());
        assertFalse(own.asString().contains(note));
        for (String page : List.of("/dashboard", "/check-in", "/check-in/history", "/sharing")) {
            String body = given().get(page).then().statusCode(200).extract().asString();
            assertFalse(body.contains(note) || body.contains(ownNote), page);
        }
    }

    private static String notesOf(Person patient) {
        return given().get("/care-team/patients/" + patient.id + "/notes").then().statusCode(200).extract()
                .asString();
    }

    @Test
    void aTriagePageCostsTheSameNumberOfStatementsHoweverLongTheQueue() {
        Person coach = person("count-coach", Role.COACH);
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        assertTrue(statistics.isStatisticsEnabled(), "%test.quarkus.hibernate-orm.statistics=true");
        addPatients(coach, 30);
        TriageFixture.actAs(coach);
        queue();
        long small = statementsOf(statistics);
        addPatients(coach, 60);
        long large = statementsOf(statistics);
        assertEquals(small, large, "statements for a page of the queue, 30 and 90 patients");
    }

    private static long statementsOf(Statistics statistics) {
        queue();
        statistics.clear();
        String page = queue();
        assertEquals(25, page.split("class=\"triage-item").length - 1);
        return statistics.getPrepareStatementCount();
    }

    private void addPatients(Person coach, int count) {
        for (int i = 0; i < count; i++) {
            Person patient = person("count-" + UUID.randomUUID(), Role.PATIENT);
            ConsentFixture.grant(patient, coach, null, EnumSet.of(Category.CHECK_INS, Category.ALERTS), null, null,
                    null);
            // One line per patient: the earlier check-in is reviewed, and only there to compare symptoms with.
            UUID earlier = TriageFixture.checkIn(patient, TODAY.minusDays(2), 3,
                    app.wellkeep.checkin.CheckIn.Symptom.COUGH).id;
            TriageFixture.reviewed(earlier, patient, coach);
            TriageFixture.checkIn(patient, TODAY.minusDays(1), 1 + i % 5, app.wellkeep.checkin.CheckIn.Symptom.FEVER);
            TriageFixture.response(patient, TODAY.minusDays(1), "phq-2", i % 4, false);
            TriageFixture.alert(patient, TODAY.minusDays(1), i % 2 == 0);
        }
    }
}
