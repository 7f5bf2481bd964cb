package app.wellkeep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.checkin.UnsubscribeToken;
import app.wellkeep.testsupport.Axe;
import app.wellkeep.testsupport.Browser;
import app.wellkeep.testsupport.KeycloakServer;
import app.wellkeep.testsupport.SignIn;

/**
 * Each role's journey in real Chromium through Keycloak's own login page: the right home, the header, the 403
 * page elsewhere, signing out (which ends the Keycloak session too), on a desktop and a 360-px phone, with the
 * axe-core check on every page and no CSP refusal or script error.
 */
@QuarkusTest
class BrowserJourneyTest {

    @TestHTTPResource("/")
    URL root;

    @Inject
    UnsubscribeToken tokens;

    private String appUrl() {
        String url = root.toString();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @ParameterizedTest(name = "{0} on a {3} screen")
    @CsvSource({"maya, /dashboard, /care-team, desktop", "maya, /dashboard, /admin, phone",
            "sam, /care-team, /dashboard, desktop", "sam, /care-team, /admin, phone",
            "alex, /admin, /dashboard, desktop", "alex, /admin, /care-team, phone"})
    void signInLandsOnTheRolesHomeAndSignOutEndsTheSession(String user, String home, String elsewhere,
            String screen) {
        try (BrowserContext context = "phone".equals(screen)
                ? Browser.newPhoneContext()
                : Browser.newDesktopContext()) {
            Page page = context.newPage();
            List<String> problems = Browser.watchProblems(page);

            SignIn.asDemoUser(page, appUrl(), user);
            assertEquals(appUrl() + home, page.url());
            assertTrue(page.locator("header").textContent().contains(displayName(user)));
            Axe.assertNoViolations(page);
            Browser.screenshot(page, user + "-home-" + screen);
            if ("phone".equals(screen)) {
                assertNoHorizontalScroll(page);
            }

            var forbidden = page.navigate(appUrl() + elsewhere);
            assertEquals(403, forbidden.status());
            assertEquals("You cannot open this page",
                    page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent().strip());
            Axe.assertNoViolations(page);
            Browser.screenshot(page, user + "-forbidden-" + screen);

            page.navigate(appUrl() + home);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
            page.waitForURL(url -> url.equals(appUrl() + "/") || url.startsWith(appUrl() + "/?"));
            assertTrue(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in").setExact(true))
                    .first().isVisible());

            // The Keycloak session is gone as well: the next visit asks for the password again.
            page.navigate(appUrl() + home);
            page.waitForURL(url -> url.startsWith(KeycloakServer.baseUrl()));
            assertTrue(page.locator("#password").isVisible());
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void publicPagesAreAccessibleOnPhoneAndDesktop() {
        for (boolean phone : new boolean[]{false, true}) {
            try (BrowserContext context = phone ? Browser.newPhoneContext() : Browser.newDesktopContext()) {
                Page page = context.newPage();
                List<String> problems = Browser.watchProblems(page);
                page.navigate(appUrl() + "/");
                assertEquals("Your health, in your hands",
                        page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)).textContent()
                                .strip());
                Axe.assertNoViolations(page);
                if (phone) {
                    assertNoHorizontalScroll(page);
                }
                var missing = page.navigate(appUrl() + "/no-such-page");
                assertEquals(404, missing.status());
                Axe.assertNoViolations(page);

                // The unsubscribe page of the reminder e-mails, opened without signing in.
                UUID someone = UUID.randomUUID();
                page.navigate(appUrl() + "/reminders/unsubscribe?p=" + someone + "&t=" + tokens.issue(someone));
                assertTrue(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stop reminders"))
                        .isVisible());
                Axe.assertNoViolations(page);
                page.navigate(appUrl() + "/reminders/unsubscribe?p=" + someone + "&t=forged");
                assertTrue(page.getByText("This link is not valid").isVisible());
                Axe.assertNoViolations(page);
                assertEquals(List.of(), problems);
            }
        }
    }

    @Test
    void skipLinkMovesFocusToTheMainContent() {
        try (BrowserContext context = Browser.newDesktopContext()) {
            Page page = context.newPage();
            page.navigate(appUrl() + "/");
            page.keyboard().press("Tab");
            assertEquals("Skip to main content", page.evaluate("() => document.activeElement.textContent"));
            page.keyboard().press("Enter");
            assertEquals("main", page.evaluate("() => document.activeElement.id"));
        }
    }

    private static void assertNoHorizontalScroll(Page page) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        assertEquals(0, ((Number) overflow).intValue(), "page is wider than the phone screen");
    }

    private static String displayName(String user) {
        return switch (user) {
            case "maya" -> "Maya Patel";
            case "sam" -> "Sam Rivera";
            case "alex" -> "Alex Morgan";
            default -> throw new IllegalArgumentException(user);
        };
    }
}
