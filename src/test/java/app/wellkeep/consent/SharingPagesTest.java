package app.wellkeep.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.specification.RequestSpecification;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentGate.Purpose;
import app.wellkeep.consent.ConsentReceipt.Action;
import app.wellkeep.testsupport.Forms;

/** The patient's side of sharing, through its pages: connect, review, grant, change, revoke, receipts, access log. */
@QuarkusTest
@TestSecurity(user = "sharing-patient", roles = "patient")
class SharingPagesTest {

    @Inject
    ConsentService consent;

    @Inject
    ConsentGate gate;

    private static Person patient() {
        return ConsentFixture.person("sharing-patient", Role.PATIENT);
    }

    private String coachCode(String name) {
        Person coach = ConsentFixture.person(name, Role.COACH);
        return consent.codeOfCoach(coach);
    }

    private static List<ConsentGrant> grants() {
        UUID id = patient().id;
        return QuarkusTransaction.requiringNew().call(() -> ConsentGrant.<ConsentGrant>list("patientId", id));
    }

    private static List<ConsentReceipt> receipts() {
        UUID id = patient().id;
        return QuarkusTransaction.requiringNew().call(() -> ConsentReceipt.ofPatient(id));
    }

    private static RequestSpecification form() {
        return Forms.withCsrfFrom("/sharing");
    }

    @Test
    void anUnknownCodeSaysSoAndShowsNobody() {
        patient();
        given().get("/sharing/connect?code=ZZZZ-ZZZZ").then().statusCode(404)
                .body(containsString("We could not find this code"));
    }

    @Test
    void grantingShowsWhoAndASummaryFirstThenStoresTheGrantAndAReceipt() {
        patient();
        String code = coachCode("sharing-coach-1");
        given().get("/sharing/connect?code=" + code.toLowerCase().replace("-", " ")).then().statusCode(200)
                .body(containsString("sharing-coach-1"));
        int before = grants().size();

        form().formParam("code", code).formParam("category", "CHECK_INS").formParam("category", "SLEEP")
                .formParam("window", "LAST_DAYS").formParam("days", "30").formParam("expires", "NEVER")
                .post("/sharing/review").then().statusCode(200)
                .body(containsString("consent text, version " + ConsentTerms.CURRENT_VERSION))
                .body(containsString("Your data from the last 30 days"));
        assertEquals(before, grants().size(), "the review stores nothing");

        form().formParam("code", code).formParam("category", "CHECK_INS").formParam("category", "SLEEP")
                .formParam("window", "LAST_DAYS").formParam("days", "30").formParam("expires", "NEVER")
                .post("/sharing/grants").then().statusCode(303).header("Location", containsString("done=granted"));
        UUID coachId = ConsentFixture.person("sharing-coach-1", Role.COACH).id;
        ConsentGrant grant = grants().stream().filter(g -> g.revokedAt == null && coachId.equals(g.coachId))
                .findFirst().orElseThrow();
        assertEquals(EnumSet.of(Category.CHECK_INS, Category.SLEEP), grant.terms.categories());
        assertEquals(30, grant.terms.days());
        assertEquals(ConsentTerms.CURRENT_VERSION, grant.terms.version());
        ConsentReceipt receipt = receipts().get(0);
        assertEquals(Action.GRANTED, receipt.action);

        // The same code again changes the grant: never two grants to one recipient.
        form().formParam("code", code).formParam("category", "HEART").formParam("window", "ALL")
                .formParam("expires", "ON").formParam("expiresOn", ConsentFixture.today().plusDays(5).toString())
                .post("/sharing/grants").then().statusCode(303);
        assertEquals(1, grants().stream().filter(g -> g.revokedAt == null && coachId.equals(g.coachId)).count());
        assertEquals(Action.CHANGED, receipts().get(0).action);

        given().get("/sharing/receipts/" + receipt.id + "/text").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .body(containsString("You started sharing with sharing-coach-1."))
                .body(containsString("Check-ins and questionnaires"))
                .body(containsString(ConsentTerms.text("1", SharingPages.LOCALE).get(0)));
        given().get("/sharing/receipts/" + receipts().get(0).id + "/fhir").then().statusCode(200)
                .body("resourceType", equalTo("Consent")).body("status", equalTo("active"))
                .body("provision.code.coding.code.flatten()", equalTo(List.of("HEART")))
                .body("provision.period.end", equalTo(ConsentFixture.today().plusDays(5).toString()))
                .body("patient.reference", equalTo("Patient/" + patient().id));

        // Revoking: one confirmation page, one button.
        UUID id = grant.id;
        given().get("/sharing/grants/" + id + "/revoke").then().statusCode(200)
                .body(containsString("Stop sharing now"));
        Forms.withCsrfFrom("/sharing/grants/" + id + "/revoke").post("/sharing/grants/" + id + "/revoke").then()
                .statusCode(303).header("Location", containsString("done=revoked"));
        assertNotNull(grants().stream().filter(g -> g.id.equals(id)).findFirst().orElseThrow().revokedAt);
        ConsentReceipt revoked = receipts().get(0);
        assertEquals(Action.REVOKED, revoked.action);
        given().get("/sharing/receipts/" + revoked.id + "/fhir").then().body("status", equalTo("inactive"));
        given().get("/sharing").then().statusCode(200).body(containsString("You stopped sharing."));
        // A revoked grant cannot be changed or revoked again.
        given().get("/sharing/grants/" + id + "/edit").then().statusCode(404);
    }

    @Test
    void badChoicesAreRefusedAndNothingIsStored() {
        patient();
        String code = coachCode("sharing-coach-2");
        int before = grants().size();
        form().formParam("code", code).formParam("window", "ALL").formParam("expires", "NEVER")
                .post("/sharing/grants").then().statusCode(422).body(containsString("at least one kind of data"));
        form().formParam("code", code).formParam("category", "CHECK_INS").formParam("window", "ALL")
                .formParam("expires", "ON").formParam("expiresOn", ConsentFixture.today().minusDays(1).toString())
                .post("/sharing/grants").then().statusCode(422).body(containsString("today or a later day"));
        form().formParam("code", code).formParam("category", "CHECK_INS").formParam("window", "FROM")
                .formParam("from", ConsentFixture.today().plusDays(3).toString()).formParam("expires", "NEVER")
                .post("/sharing/grants").then().statusCode(422).body(containsString("not in the future"));
        form().formParam("code", code).formParam("category", "EVERYTHING").formParam("window", "ALL")
                .formParam("expires", "NEVER").post("/sharing/grants").then().statusCode(422);
        form().formParam("code", code).formParam("category", "CHECK_INS").formParam("window", "ALL")
                .formParam("expires", "NEVER").formParam("patientId", UUID.randomUUID().toString())
                .post("/sharing/grants").then().statusCode(422).body(containsString("fields it does not have"));
        form().formParam("code", code).formParam("category", "CHECK_INS").formParam("window", "LAST_DAYS")
                .formParam("days", "0").formParam("expires", "NEVER").post("/sharing/grants").then().statusCode(422);
        assertEquals(before, grants().size());
    }

    @Test
    void anotherPatientsGrantsAndReceiptsAreNotFound() {
        Person other = ConsentFixture.person("sharing-other-" + UUID.randomUUID(), Role.PATIENT);
        Person coach = ConsentFixture.person("sharing-coach-3", Role.COACH);
        ConsentGrant theirs = QuarkusTransaction.requiringNew().call(() -> consent.grant(other,
                consent.codeOfCoach(coach),
                ConsentTerms.current(EnumSet.of(Category.HEART), ConsentGrant.Window.ALL, null, null, null)));
        UUID receipt = QuarkusTransaction.requiringNew().call(() -> ConsentReceipt.ofPatient(other.id).get(0).id);
        given().get("/sharing/grants/" + theirs.id + "/edit").then().statusCode(404);
        given().get("/sharing/receipts/" + receipt + "/text").then().statusCode(404);
        Forms.withCsrfFrom("/sharing").post("/sharing/grants/" + theirs.id + "/revoke").then().statusCode(404);
        assertEquals(null, QuarkusTransaction.requiringNew()
                .call(() -> ConsentGrant.<ConsentGrant>findById(theirs.id).revokedAt));
    }

    @Test
    void theAccessLogListsWhoLookedAndFilters() {
        Person me = patient();
        Person coach = ConsentFixture.person("sharing-viewer-" + UUID.randomUUID(), Role.COACH);
        ConsentFixture.grant(me, coach, null, EnumSet.of(Category.CHECK_INS), null, null, null);
        QuarkusTransaction.requiringNew().run(() -> {
            gate.check(coach, me.id, Category.CHECK_INS, Purpose.API);
            gate.check(coach, me.id, Category.HEART, Purpose.API);
        });
        given().get("/sharing/access-log").then().statusCode(200).body(containsString(coach.displayName))
                .body(containsString("Refused: you do not share this kind of data with them"));
        given().get("/sharing/access-log?person=" + coach.id + "&category=HEART").then().statusCode(200)
                .body(containsString("Refused")).body(not(containsString(">Allowed<")));
        given().get("/sharing/access-log?from=not-a-date").then().statusCode(400)
                .body(containsString("Please give a date"));
        given().get("/sharing/access-log?to=" + ConsentFixture.today().minusDays(1)).then().statusCode(200)
                .body(not(containsString(coach.displayName + " <")));
        given().get("/sharing/access-log").then().body("html.body.**.findAll { it.name() == 'option' }.@value",
                hasItem(coach.id.toString()));
        // A page number that is not one shows the first page, as a missing one does.
        given().get("/sharing/access-log?page=first").then().statusCode(200).body(containsString(coach.displayName));
    }
}
