package app.wellkeep.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.coach.CareTeamService;
import app.wellkeep.demo.DemoData;
import app.wellkeep.testsupport.Axe;
import app.wellkeep.testsupport.Browser;
import app.wellkeep.testsupport.SignIn;

/**
 * Through Keycloak's login, in two browsers: the demo patient (on a phone) shares check-ins with the demo coach by
 * the coach's code, the coach sees them, the patient stops sharing, the coach's next page load shows nothing, and the
 * patient's access log lists the coach's views; axe-core checks every page on the way.
 */
@QuarkusTest
class ConsentBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    ConsentService consent;

    @Inject
    CareTeamService teams;

    @Test
    void grantSeeRevokeAndTheAccessLog() {
        String app = root.toString().replaceAll("/$", "");
        try (BrowserContext coachContext = Browser.newDesktopContext();
                BrowserContext patientContext = Browser.newPhoneContext()) {
            Page coach = coachContext.newPage();
            Page patient = patientContext.newPage();
            List<String> coachProblems = Browser.watchProblems(coach);
            List<String> patientProblems = Browser.watchProblems(patient);

            SignIn.asDemoUser(coach, app, "sam");
            coach.waitForURL(app + "/care-team");
            Axe.assertNoViolations(coach);
            String code = coach.locator(".share-code").first().textContent().strip();

            SignIn.asDemoUser(patient, app, "tom");
            String note = "Shared note " + UUID.randomUUID();
            Person tom = QuarkusTransaction.requiringNew()
                    .call(() -> Person.findBySubject(DemoData.TOM.subject()).orElseThrow());
            // Tom's own today: an earlier browser test moves him to Berlin, where the day starts an hour earlier.
            ConsentFixture.checkIn(tom, java.time.LocalDate.now(tom.zone()), note);

            patient.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sharing").setExact(true)).click();
            patient.waitForURL(app + "/sharing");
            Axe.assertNoViolations(patient);
            patient.getByLabel("Share code").fill(code);
            patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
            assertTrue(patient.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Share with Sam Rivera"))
                    .isVisible(), "the patient sees whom the code belongs to");
            Axe.assertNoViolations(patient);
            patient.getByLabel("Check-ins and questionnaires").check();
            patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Review what I share")).click();
            assertTrue(patient.getByText("You will share these kinds of data with Sam Rivera:").isVisible());
            Axe.assertNoViolations(patient);
            Browser.screenshot(patient, "sharing-review-phone");
            patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Yes, share this")).click();
            patient.waitForURL(app + "/sharing?done=granted");
            assertTrue(patient.getByText("Sharing has started.").isVisible());
            Axe.assertNoViolations(patient);

            coach.navigate(app + "/care-team");
            coach.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tom Becker")).click();
            // isVisible() does not wait: the patient's page must have loaded first.
            coach.waitForURL(java.util.regex.Pattern.compile(".*/care-team/patients/[0-9a-f-]{36}$"));
            assertTrue(coach.locator("#tile-check-in").getByText("Checked in today.").isVisible(),
                    "the coach sees the shared check-in");
            Axe.assertNoViolations(coach);
            String patientPage = coach.url();

            patient.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Stop sharing Sam Rivera")).click();
            Axe.assertNoViolations(patient);
            patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop sharing now")).click();
            patient.waitForURL(app + "/sharing?done=revoked");
            Axe.assertNoViolations(patient);

            var response = coach.navigate(patientPage);
            assertEquals(404, response.status(), "the very next page load of the coach");
            assertFalse(coach.content().contains(note));
            coach.navigate(app + "/care-team");
            assertEquals(0, coach.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Tom Becker")).count());

            patient.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who viewed my data")).click();
            assertTrue(patient.locator("#access-log").getByText("Sam Rivera").first().isVisible());
            assertTrue(
                    patient.locator("#access-log").getByText("Refused: you had stopped sharing").first().isVisible());
            Axe.assertNoViolations(patient);
            Browser.screenshot(patient, "access-log-phone");
            patient.getByLabel("Person").selectOption("Sam Rivera");
            patient.getByLabel("Kind of data").selectOption("CHECK_INS");
            patient.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
            assertTrue(patient.url().contains("category=CHECK_INS"));
            Axe.assertNoViolations(patient);
            // The coach's one 404 is the point of the test; nothing else may go wrong on either side.
            coachProblems.removeIf(p -> p.contains("404"));
            assertEquals(List.of(), coachProblems);
            assertEquals(List.of(), patientProblems);
        }
    }

    /**
     * A care team the demo patient shares with is closed by an admin: on a phone, his dashboard tells him, the link
     * takes him to his sharing page, which lists the ended grant, and the dashboard's notice is then gone.
     */
    @Test
    void theDashboardTellsThePatientOfSharingThatEndedWithoutHim() {
        String app = root.toString().replaceAll("/$", "");
        Person tom = QuarkusTransaction.requiringNew()
                .call(() -> Person.findBySubject(DemoData.TOM.subject()).orElseThrow());
        String name = "Closing team " + UUID.randomUUID().toString().substring(0, 8);
        UUID team = ConsentFixture.team(name,
                List.of(ConsentFixture.person("closing-coach-" + UUID.randomUUID(), Role.COACH)));
        QuarkusTransaction.requiringNew().run(() -> consent.grant(tom, consent.codeOfTeam(team), ConsentTerms
                .current(EnumSet.of(Category.SLEEP), ConsentGrant.Window.ALL, null, null, null)));
        QuarkusTransaction.requiringNew().run(() -> teams.delete(team));
        try (BrowserContext context = Browser.newPhoneContext()) {
            Page patient = context.newPage();
            List<String> problems = Browser.watchProblems(patient);
            SignIn.asDemoUser(patient, app, "tom");
            patient.navigate(app + "/dashboard");
            assertTrue(patient.locator("#sharing-ended").getByText("Your sharing with " + name + " ended on")
                    .isVisible(), "the dashboard tells him");
            Axe.assertNoViolations(patient);
            patient.locator("#sharing-ended")
                    .getByRole(AriaRole.LINK,
                            new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Review your sharing"))
                    .click();
            patient.waitForURL(app + "/sharing");
            assertTrue(patient.getByText(name).first().isVisible(), "the sharing page lists the ended grant");
            patient.navigate(app + "/dashboard");
            assertEquals(0, patient.locator("#sharing-ended").count(), "seen, so no longer news");
            assertEquals(List.of(), problems);
        }
    }
}
