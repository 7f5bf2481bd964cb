package app.wellkeep.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.testsupport.Browser;
import app.wellkeep.testsupport.KeycloakAdmin;
import app.wellkeep.testsupport.KeycloakServer;
import app.wellkeep.testsupport.SignIn;

/**
 * A patient who takes longer over a form than their sign-in's tokens live keeps what they entered: the app renews
 * the session with the refresh token, behind the scenes, and the form is saved. Against the real Keycloak, with the
 * realm's tokens made to live 8 seconds for this test.
 */
@QuarkusTest
class SessionRenewalBrowserTest {

    static final int TOKEN_SECONDS = 8;

    @TestHTTPResource("/")
    URL root;

    String userId;
    Integer lifespan;

    @AfterEach
    void restore() {
        if (lifespan != null) {
            KeycloakAdmin.tokenLifespan(lifespan);
        }
        if (userId != null) {
            KeycloakAdmin.deleteThrowaway(userId);
        }
    }

    @Test
    void aCheckInSentAfterTheTokensExpiredIsSavedWithoutSigningInAgain() {
        String app = root.toString().replaceAll("/$", "");
        String username = KeycloakAdmin.THROWAWAY_PREFIX + UUID.randomUUID().toString().substring(0, 8);
        userId = KeycloakAdmin.createPatient(username);
        lifespan = KeycloakAdmin.tokenLifespan(TOKEN_SECONDS);
        try (BrowserContext context = Browser.newPhoneContext()) {
            Page page = context.newPage();
            List<String> problems = Browser.watchProblems(page);
            SignIn.asDemoUser(page, app, username);
            page.navigate(app + "/check-in");
            pick(page, "How is your mood today?", "Good");
            pick(page, "How is your energy today?", "Moderate");
            pick(page, "How stressed do you feel today?", "A little");
            pick(page, "How well did you sleep last night?", "Well");
            pick(page, "Did you take your medication as planned today?", "Yes");
            String session = session(context);

            // The patient pauses past the tokens' life; whatever the browser asks of Keycloak from now on is kept.
            page.waitForTimeout((TOKEN_SECONDS + 3) * 1000.0);
            List<String> toKeycloak = new ArrayList<>();
            page.onRequest(request -> {
                if (request.url().startsWith(KeycloakServer.baseUrl())) {
                    toKeycloak.add(request.url());
                }
            });
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save check-in")).click();
            try {
                page.waitForURL(app + "/check-in?saved=true");
            } catch (com.microsoft.playwright.TimeoutError e) {
                fail("The check-in was not saved; the browser is at " + page.url() + " by way of " + toKeycloak);
            }
            assertTrue(page.getByText("Thank you. Your check-in for today is saved.").isVisible());
            assertEquals(List.of(), toKeycloak, "no trip through Keycloak's pages: the form would be lost");
            assertNotEquals(session, session(context), "the session was renewed with new tokens");
            assertEquals(List.of(), problems);
        }
    }

    /** The app's session cookie (one or more chunks), as the browser holds it. */
    private static String session(BrowserContext context) {
        String value = context.cookies().stream().filter(c -> c.name.startsWith("q_session"))
                .map((Cookie c) -> c.name + "=" + c.value).sorted().collect(Collectors.joining(";"));
        assertTrue(!value.isEmpty(), "signed in with a session cookie");
        return value;
    }

    private static void pick(Page page, String legend, String answer) {
        page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName(legend))
                .getByRole(AriaRole.RADIO, new Locator.GetByRoleOptions().setName(answer).setExact(true)).check();
    }
}
