package app.wellkeep.vitals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.demo.DemoData;
import app.wellkeep.testsupport.Axe;
import app.wellkeep.testsupport.Browser;
import app.wellkeep.testsupport.SignIn;

/**
 * The demo patient, through Keycloak's login, on a desktop and on a 360-px phone: the dashboard, the trend pages,
 * the heart-rate day view, goals, a blood pressure typed in over the limit and its alert acknowledged, the readings and
 * limits pages, and unit settings; axe-core checks every page, and screenshots are kept for review.
 */
@QuarkusTest
class VitalsBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    DemoData demo;

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void dashboardTrendsGoalsAndUnits(String device) {
        demo.load();
        String app = root.toString().replaceAll("/$", "");
        LocalDate yesterday = LocalDate.now(ZoneId.of("Europe/London")).minusDays(1);
        try (BrowserContext context = device.equals("phone")
                ? Browser.newPhoneContext()
                : Browser.newDesktopContext()) {
            Page page = context.newPage();
            List<String> problems = Browser.watchProblems(page);
            SignIn.asDemoUser(page, app, "maya");
            page.waitForURL(app + "/dashboard");
            assertTrue(page.locator("#tile-weight .tile__value").isVisible(), "the latest weight");
            Axe.assertNoViolations(page);
            Browser.screenshot(page, "dashboard-" + device);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Trends").setExact(true)).click();
            page.waitForURL(app + "/trends");
            Axe.assertNoViolations(page);
            page.navigate(app + "/dashboard");
            page.locator("#tile-steps a").first().click();
            page.waitForURL(url -> url.startsWith(app + "/trends/steps"));
            assertTrue(page.locator("table").first().isVisible(), "a table beside the chart");
            Axe.assertNoViolations(page);

            for (String path : List.of("/trends", "/trends/heart-rate?range=90", "/trends/sleep?range=30",
                    "/trends/blood-pressure?range=365", "/trends/weight?range=30",
                    "/trends/heart-rate/days/" + yesterday)) {
                var response = page.navigate(app + path);
                assertEquals(200, response.status(), path);
                Axe.assertNoViolations(page);
            }
            page.navigate(app + "/trends/heart-rate?range=30");
            Browser.screenshot(page, "heart-rate-30-days-" + device);

            page.navigate(app + "/goals");
            Axe.assertNoViolations(page);
            page.getByLabel("Steps a day").fill("9000");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save goals")).click();
            assertTrue(page.getByText("Your goals are saved.").isVisible());
            Axe.assertNoViolations(page);

            // A blood pressure typed in by hand, over the default limit: the alert is there at once.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Readings and alerts").setExact(true))
                    .click();
            page.waitForURL(app + "/monitoring");
            Axe.assertNoViolations(page);
            page.navigate(app + "/readings/new?kind=blood-pressure");
            Axe.assertNoViolations(page);
            page.getByLabel("Upper number (systolic)").fill("165");
            page.getByLabel("Lower number (diastolic)").fill("102");
            // Yesterday morning, a minute apart per device: one reading per kind and minute is the rule.
            page.locator("#date").fill(yesterday.toString());
            page.locator("#time").fill(device.equals("phone") ? "07:05" : "07:00");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save reading")).click();
            Axe.assertNoViolations(page);
            page.navigate(app + "/dashboard");
            assertTrue(page.locator("#tile-alerts.tile--alert").isVisible(), "the dashboard shows the open alert");
            page.navigate(app + "/monitoring");
            int open = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).count();
            assertTrue(open >= 1, "an alert to acknowledge");
            Browser.screenshot(page, "monitoring-" + device);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).first().click();
            assertEquals(open - 1,
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Acknowledge")).count());
            Axe.assertNoViolations(page);
            for (String path : List.of("/readings", "/monitoring/thresholds")) {
                assertEquals(200, page.navigate(app + path).status(), path);
                Axe.assertNoViolations(page);
            }

            page.navigate(app + "/profile");
            Axe.assertNoViolations(page);
            assertEquals(List.of(), problems);
        }
    }
}
