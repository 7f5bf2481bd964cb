package app.wellkeep.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import app.wellkeep.account.AccountPersonalData;
import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.coach.CareTeamService;
import app.wellkeep.consent.ConsentGate.Purpose;
import app.wellkeep.consent.ConsentGrant.Window;
import app.wellkeep.consent.ConsentReceipt.Action;

/**
 * A patient's grants and receipts outlive the coach or care team they went to: deleting a team, or erasing a coach,
 * ends the grants in force with a receipt the patient sees, and the recipient's readers see nothing after.
 */
@QuarkusTest
@TestSecurity(user = "outlive-patient", roles = "patient")
class GrantsOutliveRecipientTest {

    @Inject
    ConsentService consent;

    @Inject
    ConsentGate gate;

    @Inject
    CareTeamService teams;

    @Inject
    ConsentPersonalData consentData;

    @Inject
    AccountPersonalData accountData;

    private static Person patient() {
        return ConsentFixture.person("outlive-patient", Role.PATIENT);
    }

    private ConsentGrant grant(Person patient, String code) {
        return QuarkusTransaction.requiringNew().call(() -> consent.grant(patient, code, ConsentTerms.current(
                EnumSet.of(Category.SLEEP, Category.CHECK_INS), Window.ALL, null, null, null)));
    }

    private static ConsentGrant reload(UUID grantId) {
        return QuarkusTransaction.requiringNew().call(() -> ConsentGrant.findById(grantId));
    }

    private static List<ConsentReceipt> receiptsOf(UUID grantId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ConsentReceipt.<ConsentReceipt>list("grantId = ?1 order by recordedAt", grantId));
    }

    private static Instant seenAt(Person patient) {
        return QuarkusTransaction.requiringNew().call(() -> Person.<Person>findById(patient.id).sharingSeenAt);
    }

    private boolean sees(Person reader, Person patient) {
        return QuarkusTransaction.requiringNew()
                .call(() -> gate.check(reader, patient.id, Category.SLEEP, Purpose.API).isPresent());
    }

    @Test
    void deletingATeamEndsItsGrantsAndThePatientKeepsThemWithAReceipt() {
        Person patient = patient();
        Person coach = ConsentFixture.person("outlive-team-coach-" + UUID.randomUUID(), Role.COACH);
        String name = "Closing team " + UUID.randomUUID();
        UUID team = ConsentFixture.team(name, List.of(coach));
        ConsentGrant active = grant(patient, consent.codeOfTeam(team));
        // An expired grant to the same team: it has ended already, and keeps its own receipts.
        ConsentGrant expired = ConsentFixture.grant(patient, null, team, EnumSet.of(Category.SLEEP), null,
                Instant.now().minus(2, ChronoUnit.DAYS), null);
        ConsentGrant otherPatients = grant(ConsentFixture.person("outlive-other-" + UUID.randomUUID(), Role.PATIENT),
                consent.codeOfTeam(team));
        assertTrue(sees(coach, patient));

        assertTrue(QuarkusTransaction.requiringNew().call(() -> teams.delete(team)));

        ConsentGrant ended = reload(active.id);
        assertNotNull(ended, "the grant stays");
        assertNull(ended.teamId);
        assertNotNull(ended.revokedAt, "it ended at once");
        List<ConsentReceipt> receipts = receiptsOf(active.id);
        assertEquals(List.of(Action.GRANTED, Action.ENDED), receipts.stream().map(r -> r.action).toList());
        assertEquals(name, receipts.get(1).recipientName);
        assertEquals("TEAM", receipts.get(1).recipientKind);
        assertEquals(ended.revokedAt, receipts.get(1).recordedAt);
        ConsentGrant stillExpired = reload(expired.id);
        assertNull(stillExpired.teamId);
        assertNull(stillExpired.revokedAt, "an expired grant is not ended again");
        assertEquals(List.of(), receiptsOf(expired.id));
        assertNotNull(reload(otherPatients.id).revokedAt, "every patient's grant to the team ends");
        assertTrue(!sees(coach, patient), "the former member sees nothing");

        // The patient's page lists it among the ended ones, says why, and lists the receipt with the team's name.
        given().get("/sharing").then().statusCode(200)
                .body(containsString("Ended when their account or care team was closed."))
                .body(containsString("Sharing ended: the coach&#39;s account or care team was closed"))
                .body(containsString(name));
        given().get("/sharing/receipts/" + receipts.get(1).id + "/text").then().statusCode(200)
                .body(containsString("Your sharing with " + name + " ended: their account or care team was closed."));
        given().get("/sharing/receipts/" + receipts.get(1).id + "/fhir").then().statusCode(200)
                .body(containsString("\"status\":\"inactive\""));
    }

    @Test
    void erasingACoachEndsTheGrantsToThemAndKeepsThePatientsRecord() {
        Person patient = patient();
        Person coach = ConsentFixture.person("outlive-coach-" + UUID.randomUUID(), Role.COACH);
        ConsentGrant revoked = grant(patient, consent.codeOfCoach(coach));
        QuarkusTransaction.requiringNew().run(() -> consent.revoke(patient, revoked.id));
        ConsentGrant active = grant(patient, consent.codeOfCoach(coach));
        assertTrue(sees(coach, patient));

        // The sections in the order erasure runs them: sharing, then the account itself.
        QuarkusTransaction.requiringNew().run(() -> {
            consentData.erase(coach.id);
            accountData.erase(coach.id);
        });

        assertNull(QuarkusTransaction.requiringNew().call(() -> Person.findById(coach.id)));
        ConsentGrant ended = reload(active.id);
        assertNull(ended.coachId);
        assertNotNull(ended.revokedAt);
        assertEquals(List.of(Action.GRANTED, Action.ENDED),
                receiptsOf(active.id).stream().map(r -> r.action).toList());
        assertEquals(coach.displayName, receiptsOf(active.id).get(1).recipientName);
        assertEquals(List.of(Action.GRANTED, Action.REVOKED),
                receiptsOf(revoked.id).stream().map(r -> r.action).toList(), "a revoked grant is not ended again");
        assertNull(reload(revoked.id).coachId);
        given().get("/sharing").then().statusCode(200).body(containsString(coach.displayName))
                .body(containsString("Ended when their account or care team was closed."));
        assertEquals(LocalDate.ofInstant(ended.revokedAt, java.time.ZoneOffset.UTC),
                LocalDate.ofInstant(receiptsOf(active.id).get(1).recordedAt, java.time.ZoneOffset.UTC));
    }

    @Test
    @TestSecurity(user = "outlive-notice-patient", roles = "patient")
    void theDashboardTellsOfSharingThatEndedUntilTheSharingPageIsSeen() {
        Person patient = ConsentFixture.person("outlive-notice-patient", Role.PATIENT);
        Person coach = ConsentFixture.person("outlive-notice-coach-" + UUID.randomUUID(), Role.COACH);
        String name = "Notice team " + UUID.randomUUID();
        UUID team = ConsentFixture.team(name, List.of(coach));
        ConsentGrant stopped = grant(patient, consent.codeOfCoach(coach));
        QuarkusTransaction.requiringNew().run(() -> consent.revoke(patient, stopped.id));
        ConsentGrant toTeam = grant(patient, consent.codeOfTeam(team));
        // Sharing the patient stopped themselves is no news to them.
        given().get("/dashboard").then().statusCode(200).body(not(containsString("id=\"sharing-ended\"")));

        assertTrue(QuarkusTransaction.requiringNew().call(() -> teams.delete(team)));

        String endedOn = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(Locale.ENGLISH)
                .format(receiptsOf(toTeam.id).get(1).recordedAt.atZone(patient.zone()));
        given().get("/dashboard").then().statusCode(200)
                .body(containsString("Your sharing with " + name + " ended on " + endedOn
                        + ": their account or care team was closed. They can no longer see your data."))
                .body(containsString("<a class=\"button\" href=\"/sharing\">Review your sharing</a>"));
        // Still there on the next visit: the sharing page, which lists what ended, is what makes it old news.
        given().get("/dashboard").then().statusCode(200).body(containsString("id=\"sharing-ended\""));
        given().get("/sharing").then().statusCode(200).body(containsString(name));
        given().get("/dashboard").then().statusCode(200).body(not(containsString("id=\"sharing-ended\"")));
        Instant seen = seenAt(patient);
        given().get("/sharing").then().statusCode(200);
        assertEquals(seen, seenAt(patient), "a visit without news writes nothing");

        // A later ending is news again, and only that one: a coach shared with directly, whose account is erased.
        Person erased = ConsentFixture.person("outlive-notice-erased-" + UUID.randomUUID(), Role.COACH);
        grant(patient, consent.codeOfCoach(erased));
        QuarkusTransaction.requiringNew().run(() -> {
            consentData.erase(erased.id);
            accountData.erase(erased.id);
        });
        given().get("/dashboard").then().statusCode(200)
                .body(containsString("Your sharing with " + erased.displayName + " ended on"))
                .body(not(containsString(name)));
    }
}
