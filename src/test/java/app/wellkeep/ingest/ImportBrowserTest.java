package app.wellkeep.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.WaitForSelectorState;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.ingest.apple.AppleHealthExportGenerator;
import app.wellkeep.testsupport.Axe;
import app.wellkeep.testsupport.Browser;
import app.wellkeep.testsupport.SignIn;

/**
 * A new patient, through Keycloak's login, on a desktop and on a 360-px phone, brings in an Apple Health export of
 * some 200,000 records: the upload's progress bar fills, the import page follows the reading to its end and
 * reports it, the history lists it, and the import is deleted again; axe-core checks every page.
 */
@QuarkusTest
class ImportBrowserTest {

    @TestHTTPResource("/")
    URL root;

    /** Keeps the highest value a progress bar showed, across the page's own reload, in the tab's session storage. */
    static final String WATCH_PROGRESS = """
            (id) => {
              const watch = () => {
                const bar = document.getElementById(id);
                if (!bar) { return; }
                const keep = () => {
                  if (bar.hasAttribute('value')) {
                    const seen = Number(sessionStorage.getItem(id) || '-1');
                    sessionStorage.setItem(id, String(Math.max(seen, Number(bar.value))));
                  }
                };
                keep();
                new MutationObserver(keep).observe(bar, { attributes: true });
              };
              watch();
            }""";

    @ParameterizedTest
    @ValueSource(strings = {"desktop", "phone"})
    void aNewPatientBringsInAnAppleHealthExport(String device) throws Exception {
        String app = root.toString().replaceAll("/$", "");
        // Each device imports days of its own, so that both add readings to the one demo account.
        LocalDate lastDay = LocalDate.now().minusDays(device.equals("phone") ? 400 : 1);
        Path zip = Files.createTempFile("export-" + device, ".zip");
        long records;
        try (OutputStream out = Files.newOutputStream(zip)) {
            records = AppleHealthExportGenerator.write(out, 200_000, device.hashCode(), lastDay);
        }
        try (BrowserContext context = device.equals("phone")
                ? Browser.newPhoneContext()
                : Browser.newDesktopContext()) {
            Page page = context.newPage();
            List<String> problems = Browser.watchProblems(page);
            SignIn.asDemoUser(page, app, "tom");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Bring in data").setExact(true)).click();
            page.waitForURL(app + "/imports");
            Axe.assertNoViolations(page);

            page.getByLabel("Your export file").setInputFiles(zip);
            page.evaluate(WATCH_PROGRESS, "upload-progress");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and import")).click();
            page.waitForURL(url -> url.matches(".*/imports/[0-9a-f-]{36}$"));
            assertEquals("100", page.evaluate("() => sessionStorage.getItem('upload-progress')"),
                    "the upload's progress bar filled");

            // Some 200,000 records take a few seconds to read: the page shows the reading's progress meanwhile.
            assertTrue(page.locator("#import-progress").isVisible(), "the reading's progress bar");
            page.evaluate(WATCH_PROGRESS, "import-progress");
            Axe.assertNoViolations(page);
            page.getByText("new readings are in your trends now").waitFor(
                    new com.microsoft.playwright.Locator.WaitForOptions().setTimeout(120_000));
            assertTrue(Integer.parseInt((String) page.evaluate("() => sessionStorage.getItem('import-progress')")) >= 0,
                    "the reading's progress bar was followed");
            assertTrue(page.locator("#import-progress").count() == 0, "done: no progress bar, the report instead");
            assertTrue(page.getByText("Kinds of records not kept").isVisible(), "basal energy is not kept");
            Axe.assertNoViolations(page);
            Browser.screenshot(page, "import-report-" + device);

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All your imports")).click();
            page.waitForURL(app + "/imports");
            var row = page.locator("tbody tr").filter(new com.microsoft.playwright.Locator.FilterOptions()
                    .setHasText(zip.getFileName().toString()));
            row.waitFor(new com.microsoft.playwright.Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            assertTrue(row.first().innerText().contains("Imported"), row.first().innerText());
            Axe.assertNoViolations(page);

            // The trends show what came in; then the import goes again, with its readings.
            page.navigate(app + "/trends/steps?range=" + (device.equals("phone") ? "365" : "30"));
            Axe.assertNoViolations(page);
            page.navigate(app + "/imports");
            row.first().getByRole(AriaRole.LINK).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Delete this import")).click();
            Axe.assertNoViolations(page);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete the import and its readings"))
                    .click();
            page.waitForURL(app + "/imports?deleted=1");
            assertTrue(page.getByText("The import and the readings it added were deleted.").isVisible());
            Axe.assertNoViolations(page);
            assertEquals(List.of(), problems);
        } finally {
            Files.deleteIfExists(zip);
        }
        assertTrue(records > 190_000, "about 200,000 records: " + records);
    }
}
