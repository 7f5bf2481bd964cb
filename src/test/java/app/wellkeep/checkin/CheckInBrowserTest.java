package app.wellkeep.checkin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.testsupport.Axe;
import app.wellkeep.testsupport.Browser;
import app.wellkeep.testsupport.SignIn;

/**
 * The demo patient, on a 360-px phone, signs in through Keycloak, does the daily check-in, answers a PHQ-2 that
 * leads on to the PHQ-9, sees the crisis resources the moment item 9 is answered above 0, and looks at the history,
 * reminders and profile pages; axe-core checks every page.
 */
@QuarkusTest
class CheckInBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void checkInAndPhq2LeadingToPhq9OnAPhone() {
        String app = root.toString().replaceAll("/$", "");
        try (BrowserContext context = Browser.newPhoneContext()) {
            Page page = context.newPage();
            List<String> problems = Browser.watchProblems(page);
            SignIn.asDemoUser(page, app, "tom");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check-in").setExact(true)).click();
            page.waitForURL(app + "/check-in");
            Axe.assertNoViolations(page);

            // Sending it incomplete shows what is missing and keeps what was chosen.
            pick(page, "How is your mood today?", "Good");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save check-in")).click();
            assertTrue(page.getByText("Please check the answers marked below.").isVisible());
            assertTrue(radio(page, "How is your mood today?", "Good").isChecked());
            Axe.assertNoViolations(page);

            pick(page, "How is your energy today?", "Moderate");
            pick(page, "How stressed do you feel today?", "A little");
            pick(page, "How well did you sleep last night?", "Well");
            pick(page, "Did you take your medication as planned today?", "Yes");
            page.getByLabel("Headache").check();
            page.getByLabel("Anything else you would like to note? (optional)").fill("Walked to the park.");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save check-in")).click();
            page.waitForURL(app + "/check-in?saved=true");
            assertTrue(page.getByText("Thank you. Your check-in for today is saved.").isVisible());
            assertTrue(page.getByText("1 day in a row").isVisible());
            Axe.assertNoViolations(page);
            Browser.screenshot(page, "check-in-phone");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Start: Mood check (PHQ-2)")).click();
            Axe.assertNoViolations(page);
            pick(page, "Little interest or pleasure in doing things", "More than half the days");
            pick(page, "Feeling down, depressed, or hopeless", "Several days");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send answers")).click();
            assertTrue(page.getByText("Your score is 3 out of 6.").isVisible());
            Axe.assertNoViolations(page);

            page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Continue with Mood questionnaire (PHQ-9)"))
                    .click();
            assertTrue(
                    radio(page, "Little interest or pleasure in doing things", "More than half the days").isChecked(),
                    "the PHQ-2 answers are carried over");
            Locator crisis = page.locator("#crisis");
            assertFalse(crisis.isVisible());
            Axe.assertNoViolations(page);
            for (String question : List.of("Trouble falling or staying asleep, or sleeping too much",
                    "Feeling tired or having little energy", "Poor appetite or overeating")) {
                pick(page, question, "Several days");
            }
            for (String question : List.of("Feeling bad about yourself", "Trouble concentrating on things",
                    "Moving or speaking so slowly")) {
                pick(page, question, "Not at all");
            }
            pick(page, "Thoughts that you would be better off dead", "Several days");
            // At once, on the same screen, before anything is sent.
            assertTrue(crisis.isVisible());
            assertTrue(crisis.textContent().contains("call your local emergency number now"));
            Axe.assertNoViolations(page);
            Browser.screenshot(page, "phq9-crisis-phone");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send answers")).click();
            assertTrue(page.getByText("Your score is 7 out of 27.").isVisible());
            assertTrue(page
                    .getByRole(AriaRole.HEADING,
                            new Page.GetByRoleOptions().setName("You do not have to face this alone"))
                    .isVisible());
            Axe.assertNoViolations(page);

            page.navigate(app + "/check-in/history");
            assertTrue(page.locator("figure.chart canvas").isVisible(), "the chart is drawn from the table");
            assertTrue(page.locator("#trends-table").isVisible());
            Axe.assertNoViolations(page);
            assertNoHorizontalScroll(page);
            Browser.screenshot(page, "check-in-history-phone");

            page.navigate(app + "/check-in/reminders");
            page.getByLabel("Send me an e-mail reminder when I have not checked in yet").check();
            page.getByLabel("Time of the reminder").fill("18:30");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save reminder settings")).click();
            assertTrue(page.getByText("Your reminder settings are saved.").isVisible());
            assertEquals("18:30", page.getByLabel("Time of the reminder").inputValue());
            Axe.assertNoViolations(page);

            page.navigate(app + "/profile");
            page.getByLabel("Your time zone").selectOption("Europe/Berlin");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile")).click();
            assertTrue(page.getByText("Your profile is saved.").isVisible());
            Axe.assertNoViolations(page);
            assertEquals(List.of(), problems);
        }
    }

    private static Locator group(Page page, String legend) {
        return page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend));
    }

    private static Locator radio(Page page, String legend, String answer) {
        return group(page, legend).getByRole(AriaRole.RADIO,
                new Locator.GetByRoleOptions().setName(answer).setExact(true));
    }

    private static void pick(Page page, String legend, String answer) {
        radio(page, legend, answer).check();
    }

    private static void assertNoHorizontalScroll(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertEquals(0, ((Number) overflow).intValue(), "page is wider than the phone screen");
    }
}
