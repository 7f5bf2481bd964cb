package app.wellkeep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.demo.DemoData;
import app.wellkeep.testsupport.Axe;
import app.wellkeep.testsupport.Browser;
import app.wellkeep.testsupport.SignIn;
import app.wellkeep.vitals.Metric;

/**
 * Through Keycloak's login: the demo coach opens the demo patient's overview, a metric page and the limits page, on a
 * desktop and on a 360 px phone, and sets a limit; the patient then sees who set it. axe-core checks every page.
 */
@QuarkusTest
class PatientViewBrowserTest {

    static final String LIMIT_LABEL = "Alert when the resting heart rate is above";

    @TestHTTPResource("/")
    URL root;

    @Test
    void theCoachSeesWhatIsSharedAndSetsALimitThePatientSeesWhoSet() {
        String app = root.toString().replaceAll("/$", "");
        try (BrowserContext desktop = Browser.newDesktopContext();
                BrowserContext phone = Browser.newPhoneContext();
                BrowserContext patientContext = Browser.newPhoneContext()) {
            Page patient = patientContext.newPage();
            List<String> patientProblems = Browser.watchProblems(patient);
            SignIn.asDemoUser(patient, app, "maya");
            Person maya = QuarkusTransaction.requiringNew()
                    .call(() -> Person.findBySubject(DemoData.MAYA.subject()).orElseThrow());

            Page coach = desktop.newPage();
            List<String> coachProblems = Browser.watchProblems(coach);
            SignIn.asDemoUser(coach, app, "sam");
            coach.waitForURL(app + "/care-team");
            Person sam = QuarkusTransaction.requiringNew()
                    .call(() -> Person.findBySubject(DemoData.SAM.subject()).orElseThrow());
            ConsentFixture.grant(maya, sam, null, EnumSet.of(Category.HEART, Category.ACTIVITY, Category.CHECK_INS),
                    ConsentFixture.today().minusDays(60), null, null);
            ConsentFixture.reading(maya, Metric.RESTING_HEART_RATE, ConsentFixture.today().minusDays(1), 66);
            ConsentFixture.reading(maya, Metric.RESTING_HEART_RATE, ConsentFixture.today().minusDays(3), 64);
            String overview = app + "/care-team/patients/" + maya.id;

            Page phoneCoach = phone.newPage();
            List<String> phoneProblems = Browser.watchProblems(phoneCoach);
            SignIn.asDemoUser(phoneCoach, app, "sam");
            phoneCoach.waitForURL(app + "/care-team");
            for (Page page : List.of(coach, phoneCoach)) {
                page.navigate(overview);
                assertTrue(page.locator("#tile-resting-heart-rate").getByText("66").isVisible());
                assertTrue(page.locator("#tile-glucose").getByText("Maya Patel does not share this with you.")
                        .isVisible(), "a tile not shared says so");
                Axe.assertNoViolations(page);
                page.locator("#tile-resting-heart-rate").getByRole(AriaRole.LINK).click();
                page.waitForURL(overview + "/trends/resting-heart-rate");
                assertTrue(page.locator("#daily-table").isVisible());
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Last 90 days")).click();
                page.waitForURL(overview + "/trends/resting-heart-rate?range=90");
                assertTrue(page.locator("#window-notice").isVisible(), "90 days reach before the window");
                Axe.assertNoViolations(page);
                page.navigate(overview);
                page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Monitoring limits")).click();
                page.waitForURL(overview + "/thresholds");
                assertEquals(0, page.locator("#limit-GLUCOSE_HIGH").count(), "no limit of data not shared");
                Axe.assertNoViolations(page);
            }

            Locator save = coach.locator("#limit-RESTING_HEART_RATE_HIGH form:not(.limit__reset) button");
            coach.getByLabel(LIMIT_LABEL).fill("150");
            save.click();
            assertTrue(coach.getByLabel(LIMIT_LABEL).getAttribute("aria-invalid") != null, "out of bounds");
            Axe.assertNoViolations(coach);
            coach.getByLabel(LIMIT_LABEL).fill("95");
            save.click();
            coach.waitForURL(overview + "/thresholds?done=saved");
            assertTrue(coach.getByText("The limit is saved.").isVisible());
            Axe.assertNoViolations(coach);
            Browser.screenshot(coach, "coach-thresholds-desktop");

            patient.navigate(app + "/monitoring/thresholds");
            assertTrue(patient.getByText("Set by Sam Rivera, your coach, on ").isVisible(),
                    "the patient sees who set the limit");
            assertEquals("95", patient.getByLabel(LIMIT_LABEL).inputValue());
            Axe.assertNoViolations(patient);
            Browser.screenshot(patient, "patient-limit-set-by-coach-phone");

            assertEquals(List.of(), coachProblems);
            assertEquals(List.of(), phoneProblems);
            assertEquals(List.of(), patientProblems);
        }
    }
}
