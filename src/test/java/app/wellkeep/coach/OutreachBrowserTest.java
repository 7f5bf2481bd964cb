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
import app.wellkeep.account.Role;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.consent.ConsentGrant;
import app.wellkeep.demo.DemoData;
import app.wellkeep.testsupport.Axe;
import app.wellkeep.testsupport.Browser;
import app.wellkeep.testsupport.SignIn;

/**
 * Through Keycloak's login: the demo coach opens outreach, logs a contact for a listed patient and finds it in the
 * log (on a desktop and on a phone); the demo admin creates a care team and adds the coach. axe-core checks every
 * page on the way.
 */
@QuarkusTest
class OutreachBrowserTest {

    @TestHTTPResource("/")
    URL root;

    @Test
    void aCoachLogsAContactForAListedPatient() {
        String app = root.toString().replaceAll("/$", "");
        for (boolean phone : List.of(false, true)) {
            try (BrowserContext context = phone ? Browser.newPhoneContext() : Browser.newDesktopContext()) {
                Page coach = context.newPage();
                List<String> problems = Browser.watchProblems(coach);
                SignIn.asDemoUser(coach, app, "sam");
                coach.waitForURL(app + "/care-team");
                Person sam = QuarkusTransaction.requiringNew()
                        .call(() -> Person.findBySubject(DemoData.SAM.subject()).orElseThrow());
                Person quiet = ConsentFixture.person("Quiet patient " + UUID.randomUUID().toString().substring(0, 6),
                        Role.PATIENT);
                ConsentFixture.grant(quiet, sam, null, EnumSet.of(Category.CHECK_INS), null, null, null);

                coach.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Outreach").setExact(true))
                        .click();
                coach.waitForURL(app + "/care-team/outreach");
                Axe.assertNoViolations(coach);
                coach.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(quiet.displayName)).click();
                coach.waitForURL(app + "/care-team/patients/" + quiet.id + "/outreach");
                Axe.assertNoViolations(coach);

                String note = "Called about check-ins " + UUID.randomUUID();
                coach.getByLabel("How").selectOption("PHONE");
                coach.getByLabel("Outcome").selectOption("LEFT_MESSAGE");
                coach.getByLabel("Note").fill(note);
                coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log contact")).click();
                coach.waitForURL(app + "/care-team/patients/" + quiet.id + "/outreach?saved=true");
                assertTrue(coach.getByText("The contact is logged.").isVisible());
                assertTrue(coach.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(note)).isVisible());
                assertTrue(coach.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Left a message"))
                        .isVisible());
                Axe.assertNoViolations(coach);
                Browser.screenshot(coach, phone ? "outreach-log-phone" : "outreach-log");

                coach.navigate(app + "/care-team/outreach");
                assertTrue(coach.locator("tr[data-patient='" + quiet.id + "']").getByText("Contacted").isVisible());
                coach.getByRole(AriaRole.LINK,
                        new Page.GetByRoleOptions().setName("Set when a patient needs contact")).click();
                coach.waitForURL(app + "/care-team/outreach/policy");
                Axe.assertNoViolations(coach);
                coach.getByLabel("Days without a check-in").first().fill("0");
                coach.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save windows")).first().click();
                assertTrue(coach.getByText("Enter a number from 1 to 90.").isVisible());
                Axe.assertNoViolations(coach);
                assertEquals(List.of(), problems);
            }
        }
    }

    @Test
    void anAdminCreatesATeamAndAddsTheCoach() {
        String app = root.toString().replaceAll("/$", "");
        try (BrowserContext context = Browser.newPhoneContext()) {
            Page admin = context.newPage();
            List<String> problems = Browser.watchProblems(admin);
            SignIn.asDemoUser(admin, app, "alex");
            admin.waitForURL(app + "/admin");
            demoCoach();
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Care teams").setExact(true)).click();
            admin.waitForURL(app + "/admin/teams");
            Axe.assertNoViolations(admin);

            String name = "Night shift " + UUID.randomUUID().toString().substring(0, 6);
            admin.getByLabel("Team name").fill(name);
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create team")).click();
            admin.waitForURL(url -> url.contains("done=created"));
            assertTrue(admin.getByText("The team is created.").isVisible());
            Axe.assertNoViolations(admin);

            admin.getByLabel("Coach", new Page.GetByLabelOptions().setExact(true)).selectOption(
                    new com.microsoft.playwright.options.SelectOption().setLabel(
                            DemoData.SAM.displayName() + " (" + DemoData.SAM.email() + ")"));
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add to team")).click();
            admin.waitForURL(url -> url.contains("done=added"));
            assertTrue(admin.getByRole(AriaRole.ROWHEADER,
                    new Page.GetByRoleOptions().setName(DemoData.SAM.displayName())).isVisible());
            Axe.assertNoViolations(admin);
            Browser.screenshot(admin, "team-phone");

            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete this team")).click();
            Axe.assertNoViolations(admin);
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Keep the team")).click();
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to care teams")).click();
            assertTrue(admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(name)).isVisible());
            assertEquals(List.of(), problems);
        }
    }

    @Test
    void aLongListIsPagedAndEachPageIsAccessible() {
        String app = root.toString().replaceAll("/$", "");
        demoCoach();
        Person sam = QuarkusTransaction.requiringNew()
                .call(() -> Person.findBySubject(DemoData.SAM.subject()).orElseThrow());
        List<ConsentGrant> grants = new java.util.ArrayList<>();
        for (int i = 0; i <= OutreachPages.PAGE_SIZE; i++) {
            Person p = ConsentFixture.person("Paged patient " + UUID.randomUUID().toString().substring(0, 6),
                    Role.PATIENT);
            grants.add(ConsentFixture.grant(p, sam, null, EnumSet.of(Category.CHECK_INS), null, null, null));
        }
        try {
            for (boolean phone : List.of(false, true)) {
                try (BrowserContext context = phone ? Browser.newPhoneContext() : Browser.newDesktopContext()) {
                    Page coach = context.newPage();
                    List<String> problems = Browser.watchProblems(coach);
                    SignIn.asDemoUser(coach, app, "sam");
                    coach.waitForURL(app + "/care-team");
                    coach.navigate(app + "/care-team/outreach");
                    Locator pager = coach.getByRole(AriaRole.NAVIGATION,
                            new Page.GetByRoleOptions().setName("Pages of the outreach list"));
                    assertTrue(pager.getByText("Page 1 of ").isVisible());
                    assertEquals(OutreachPages.PAGE_SIZE, coach.locator("tr[data-patient]").count());
                    Axe.assertNoViolations(coach);
                    pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Next page")).click();
                    coach.waitForURL(app + "/care-team/outreach?page=2");
                    assertTrue(coach.locator("tr[data-patient]").count() >= 1, "the rest on page 2");
                    assertTrue(pager.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Previous page"))
                            .isVisible());
                    Axe.assertNoViolations(coach);
                    Browser.screenshot(coach, phone ? "outreach-page-2-phone" : "outreach-page-2");
                    assertEquals(List.of(), problems);
                }
            }
        } finally {
            // The demo coach's list is shared with the other journeys: these patients leave it again.
            QuarkusTransaction.requiringNew().run(() -> grants.forEach(
                    g -> ConsentGrant.<ConsentGrant>findById(g.id).revokedAt = java.time.Instant.now()));
        }
    }

    /** The demo coach as signing in would make them, for an admin who picks them before they ever signed in. */
    private static void demoCoach() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (Person.findBySubject(DemoData.SAM.subject()).isEmpty()) {
                Person sam = new Person();
                sam.id = UUID.randomUUID();
                sam.subject = DemoData.SAM.subject();
                sam.displayName = DemoData.SAM.displayName();
                sam.email = DemoData.SAM.email();
                sam.role = Role.COACH;
                sam.timeZone = ConsentFixture.ZONE;
                sam.createdAt = java.time.Instant.now();
                sam.lastSeenAt = sam.createdAt;
                sam.persist();
            }
        });
    }
}
