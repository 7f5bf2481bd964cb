package app.wellkeep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.checkin.CheckIn;
import app.wellkeep.checkin.CheckInSummary;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.demo.DemoData;
import app.wellkeep.testsupport.Axe;
import app.wellkeep.testsupport.Browser;
import app.wellkeep.testsupport.SignIn;

/**
 * Through Keycloak's login: the demo coach opens the triage queue, reviews a check-in of the demo patient and writes
 * feedback on it; the demo patient, on a phone, reads it on her dashboard and beside her check-in. axe-core checks
 * every page on the way, the coach's at desktop width and at 360 px.
 */
@QuarkusTest
class TriageBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void reviewAndFeedbackThatThePatientReads() {
        String app = root.toString().replaceAll("/$", "");
        try (BrowserContext coachContext = Browser.newDesktopContext();
                BrowserContext patientContext = Browser.newPhoneContext()) {
            Page coach = coachContext.newPage();
            Page patient = patientContext.newPage();
            List<String> coachProblems = Browser.watchProblems(coach);
            List<String> patientProblems = Browser.watchProblems(patient);

            SignIn.asDemoUser(coach, app, "sam");
            SignIn.asDemoUser(patient, app, "maya");
            UUID checkIn = seedMayaSharingWithSam();

            coach.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Triage queue")).click();
            coach.waitForURL(app + "/care-team/triage");
            Locator line = coach.locator("#triage-" + checkIn);
            assertTrue(line.getByText("Low mood").isVisible(), "the line says why it is there");
            assertTrue(line.getByText("New symptoms").isVisible());
            axeAtBothWidths(coach);
            Browser.screenshot(coach, "triage-desktop");

            line.getByRole(AriaRole.BUTTON).click();
            coach.waitForURL(app + "/care-team/triage?done=reviewed");
            assertTrue(coach.getByText("Marked as reviewed.").isVisible());
            assertEquals(0, coach.locator("#triage-" + checkIn).count(), "reviewed: out of the queue");
            axeAtBothWidths(coach);

            Person maya = person(DemoData.MAYA);
            coach.navigate(app + "/care-team/patients/" + maya.id + "/check-ins");
            Locator entry = coach.locator("#checkin-" + checkIn);
            assertTrue(entry.getByText("Reviewed by Sam Rivera").isVisible());
            axeAtBothWidths(coach);
            String message = "Thanks for checking in, Maya. Shall we talk tomorrow? " + UUID.randomUUID();
            entry.getByRole(AriaRole.TEXTBOX).fill(message);
            entry.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Send feedback")).click();
            coach.waitForURL(url -> url.contains("done=feedback"));
            assertTrue(coach.getByText("Feedback sent.").first().isVisible());
            assertTrue(coach.locator("#checkin-" + checkIn).getByText(message).isVisible());
            axeAtBothWidths(coach);

            coach.navigate(app + "/care-team/patients/" + maya.id + "/notes");
            coach.getByLabel("New note").fill("Prefers a call in the afternoon.");
            coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add note")).click();
            coach.waitForURL(url -> url.endsWith("/notes?saved=true"));
            assertTrue(coach.getByText("Prefers a call in the afternoon.").isVisible());
            axeAtBothWidths(coach);

            patient.navigate(app + "/dashboard");
            Locator tile = patient.locator("#tile-feedback");
            assertTrue(tile.getByText(message).isVisible(), "the message on the dashboard");
            assertTrue(tile.getByText("1 new message").isVisible());
            Axe.assertNoViolations(patient);
            Browser.screenshot(patient, "feedback-tile-phone");
            patient.navigate(app + "/check-in");
            assertTrue(patient.locator("#coach-feedback").getByText(message).isVisible(), "beside today's check-in");
            assertTrue(!patient.content().contains("Prefers a call in the afternoon."), "notes stay private");
            Axe.assertNoViolations(patient);
            patient.navigate(app + "/check-in/history");
            assertTrue(patient.locator("#coach-feedback").getByText(message).isVisible());
            Axe.assertNoViolations(patient);

            coach.navigate(app + "/care-team/patients/" + maya.id + "/check-ins");
            assertTrue(coach.locator("#checkin-" + checkIn).getByText("seen by the patient").isVisible());
            assertEquals(List.of(), coachProblems);
            assertEquals(List.of(), patientProblems);
        }
    }

    private static void axeAtBothWidths(Page page) {
        page.setViewportSize(1280, 900);
        Axe.assertNoViolations(page);
        page.setViewportSize(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);
        Axe.assertNoViolations(page);
        page.setViewportSize(1280, 900);
    }

    private static Person person(DemoData.DemoAccount account) {
        return QuarkusTransaction.requiringNew().call(() -> Person.findBySubject(account.subject()).orElseThrow());
    }

    /**
     * Maya shares check-ins with Sam (as the demo data has her do) and checked in today feeling low, with a symptom
     * that was not there yesterday.
     */
    private static UUID seedMayaSharingWithSam() {
        Person maya = person(DemoData.MAYA);
        Person sam = person(DemoData.SAM);
        ConsentFixture.grant(maya, sam, null, EnumSet.of(Category.CHECK_INS), null, null, null);
        QuarkusTransaction.requiringNew().run(() -> {
            CheckIn.delete("personId = ?1 and localDate >= ?2", maya.id, ConsentFixture.today().minusDays(1));
            CheckInSummary.refresh(maya.id);
            TriageEntries.refresh(maya.id);
        });
        TriageFixture.checkIn(maya, ConsentFixture.today().minusDays(1), 4);
        return TriageFixture.checkIn(maya, ConsentFixture.today(), 2, CheckIn.Symptom.HEADACHE).id;
    }
}
