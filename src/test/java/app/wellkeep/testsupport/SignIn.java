package app.wellkeep.testsupport;

import com.microsoft.playwright.Page;

/** Signing in the way a person does: through Keycloak's own login page. */
public final class SignIn {

    private SignIn() {
    }

    /** From the app's start page, through "Sign in" and Keycloak's form, back into the app. */
    public static void asDemoUser(Page page, String appUrl, String username) {
        page.navigate(appUrl + "/");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Sign in").setExact(true)).first().click();
        page.waitForURL(url -> url.startsWith(KeycloakServer.baseUrl()));
        page.locator("#username").fill(username);
        page.locator("#password").fill(username + "-dev-only");
        page.locator("#kc-login").click();
        page.waitForURL(url -> url.startsWith(appUrl) && !url.contains("/home") && !url.contains("code="));
    }
}
