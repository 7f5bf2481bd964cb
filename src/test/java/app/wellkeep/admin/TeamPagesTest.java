package app.wellkeep.admin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import app.wellkeep.coach.CareTeam;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.consent.ConsentGate;
import app.wellkeep.consent.ConsentGrant;
import app.wellkeep.testsupport.Forms;

/** Care-team administration: names checked, members in and out (applied to consent at once), delete confirmed. */
@QuarkusTest
@TestSecurity(user = "teams-admin", roles = "admin")
class TeamPagesTest {

    @Inject
    ConsentGate gate;

    private static RequestSpecification form() {
        ConsentFixture.person("teams-admin", Role.ADMIN);
        return Forms.withCsrfFrom("/admin/teams");
    }

    private static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private static UUID create(String name) {
        String location = form().formParam("name", name).post("/admin/teams").then().statusCode(303).extract()
                .header("Location");
        return UUID.fromString(location.replaceAll(".*/admin/teams/([0-9a-f-]{36}).*", "$1"));
    }

    private boolean sees(Person coach, Person patient) {
        return QuarkusTransaction.requiringNew()
                .call(() -> gate.roster(coach).stream().anyMatch(p -> p.id().equals(patient.id)));
    }

    @Test
    void theAdminHomeLinksToTheTeams() {
        ConsentFixture.person("teams-admin", Role.ADMIN);
        given().get("/admin").then().statusCode(200).body(containsString("href=\"/admin/teams\""));
    }

    @Test
    void aTeamNeedsANameOfItsOwnOfAtMost120Characters() {
        form().formParam("name", "   ").post("/admin/teams").then().statusCode(422)
                .body(containsString("Enter a name.")).body(containsString("aria-invalid=\"true\""));
        form().formParam("name", "x".repeat(121)).post("/admin/teams").then().statusCode(422)
                .body(containsString("longer than 120"));
        String name = unique("Heart failure");
        UUID id = create("  " + name + "  ");
        assertEquals(name, QuarkusTransaction.requiringNew().call(() -> CareTeam.<CareTeam>findById(id).name));
        form().formParam("name", name.toUpperCase()).post("/admin/teams").then().statusCode(422)
                .body(containsString("Another team has this name."));
        create("y".repeat(120));
        given().get("/admin/teams/" + id + "?done=created").then().statusCode(200)
                .body(containsString("The team is created.")).body(containsString(name));
    }

    @Test
    void renamingKeepsNamesUnique() {
        String first = unique("Diabetes");
        UUID a = create(first);
        UUID b = create(unique("Sleep"));
        form().formParam("name", first).post("/admin/teams/" + b).then().statusCode(422)
                .body(containsString("Another team has this name."));
        form().formParam("name", first).post("/admin/teams/" + a).then().statusCode(303);
        String renamed = unique("Sleep clinic");
        form().formParam("name", renamed).post("/admin/teams/" + b).then().statusCode(303);
        given().get("/admin/teams").then().statusCode(200).body(containsString(renamed));
    }

    @Test
    void membershipChangesApplyToConsentAtOnce() {
        UUID team = create(unique("Cardiology"));
        Person coach = ConsentFixture.person("teams-coach-" + UUID.randomUUID(), Role.COACH);
        Person patientCoach = ConsentFixture.person("teams-not-a-coach-" + UUID.randomUUID(), Role.PATIENT);
        Person patient = ConsentFixture.person("teams-patient-" + UUID.randomUUID(), Role.PATIENT);
        ConsentFixture.grant(patient, null, team, EnumSet.of(Category.CHECK_INS), null, null, null);
        assertTrue(!sees(coach, patient));

        given().get("/admin/teams/" + team).then().statusCode(200).body(containsString(coach.displayName))
                .body(not(containsString(patientCoach.displayName)));
        form().formParam("person", patientCoach.id.toString()).post("/admin/teams/" + team + "/members").then()
                .statusCode(422).body(containsString("Choose a coach who is not in the team yet."));
        form().formParam("person", coach.id.toString()).post("/admin/teams/" + team + "/members").then()
                .statusCode(303);
        assertTrue(sees(coach, patient), "an added coach sees the team's patients");
        form().formParam("person", coach.id.toString()).post("/admin/teams/" + team + "/members").then()
                .statusCode(422);
        given().get("/admin/teams").then().statusCode(200)
                .body(containsString("<a href=\"/admin/teams/" + team + "\">"));
        String page = given().get("/admin/teams/" + team).then().statusCode(200).extract().asString();
        assertTrue(page.contains("1 coach, 1 patient shares with this team."), page);

        form().post("/admin/teams/" + team + "/members/" + coach.id + "/remove").then().statusCode(303);
        assertTrue(!sees(coach, patient), "a removed coach no longer does");
        form().post("/admin/teams/" + team + "/members/" + coach.id + "/remove").then().statusCode(404);
    }

    @Test
    void deletingAsksFirstAndEndsTheTeamsGrants() {
        UUID team = create(unique("Closing"));
        Person coach = ConsentFixture.person("teams-deleted-coach-" + UUID.randomUUID(), Role.COACH);
        Person patient = ConsentFixture.person("teams-deleted-patient-" + UUID.randomUUID(), Role.PATIENT);
        form().formParam("person", coach.id.toString()).post("/admin/teams/" + team + "/members").then()
                .statusCode(303);
        ConsentGrant grant = ConsentFixture.grant(patient, null, team, EnumSet.of(Category.SLEEP), null, null, null);
        assertTrue(sees(coach, patient));

        given().get("/admin/teams/" + team + "/delete").then().statusCode(200)
                .body(containsString("1 patient&#39;s grant to it ends"))
                .body(containsString("ends the patients&#39; grants to the team"));
        form().post("/admin/teams/" + team + "/delete").then().statusCode(303).header("Location",
                containsString("/admin/teams?done=deleted"));
        assertNull(QuarkusTransaction.requiringNew().call(() -> CareTeam.findById(team)));
        // The grant stays with the patient, ended and with no recipient (GrantsOutliveRecipientTest has the rest).
        ConsentGrant ended = QuarkusTransaction.requiringNew().call(() -> ConsentGrant.findById(grant.id));
        assertNotNull(ended.revokedAt);
        assertNull(ended.teamId);
        assertTrue(!sees(coach, patient));
        given().get("/admin/teams/" + team).then().statusCode(404);
    }

    @Test
    @TestSecurity(user = "teams-coach", roles = "coach")
    void coachesCannotManageTeams() {
        ConsentFixture.person("teams-coach", Role.COACH);
        given().redirects().follow(false).get("/admin/teams").then().statusCode(403);
        Forms.withCsrfFrom("/profile").formParam("name", unique("Mine")).post("/admin/teams").then()
                .statusCode(403);
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> CareTeam.count("name like 'Mine %'")));
        List.of("/admin/teams/" + UUID.randomUUID()).forEach(p -> given().get(p).then().statusCode(403));
    }
}
