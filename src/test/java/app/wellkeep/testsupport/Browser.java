package app.wellkeep.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

/**
 * Real Chromium driven by Playwright: the system's Chromium (Debian's package), since Playwright's own browser
 * download cannot be used here. One browser per test JVM; each test gets a fresh context (no shared cookies).
 */
public final class Browser {

    /** A phone held upright, the narrowest width every page must work at. */
    public static final int PHONE_WIDTH = 360;
    public static final int PHONE_HEIGHT = 740;

    private static Playwright playwright;
    private static com.microsoft.playwright.Browser browser;

    private Browser() {
    }

    /** A new, empty browser context (desktop size unless given); close it after the test. */
    public static BrowserContext newContext(int width, int height) {
        BrowserContext context = browser().newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                .setViewportSize(width, height).setLocale("en-GB"));
        // A journey step that has not happened in 20 s will not happen: fail with Playwright's report instead.
        context.setDefaultTimeout(20_000);
        context.setDefaultNavigationTimeout(20_000);
        return context;
    }

    public static BrowserContext newDesktopContext() {
        return newContext(1280, 900);
    }

    public static BrowserContext newPhoneContext() {
        return newContext(PHONE_WIDTH, PHONE_HEIGHT);
    }

    /**
     * Collects what is broken on a page: console errors (CSP refusals among them), script errors, and styles,
     * scripts or images that failed to load. A page's own error status (a 403 or 404 page) is not a problem.
     */
    public static List<String> watchProblems(Page page) {
        List<String> problems = new ArrayList<>();
        page.onConsoleMessage(message -> {
            if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                problems.add(message.text());
            }
        });
        page.onPageError(problems::add);
        page.onResponse(response -> {
            if (response.status() >= 400 && !"document".equals(response.request().resourceType())) {
                problems.add(response.status() + " " + response.url());
            }
        });
        return problems;
    }

    /** Keeps a picture of the page in target/screenshots, for people reviewing how pages look. */
    public static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(Path.of("target/screenshots", name + ".png")));
    }

    private static synchronized com.microsoft.playwright.Browser browser() {
        if (browser == null) {
            Path chromium = chromium();
            playwright = Playwright.create(
                    new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                            "--no-first-run", "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", "--disable-dev-shm-usage")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                browser.close();
                playwright.close();
            }));
        }
        return browser;
    }

    /** WELLKEEP_CHROMIUM, else the usual system paths; installs Debian's package when running as root. */
    static Path chromium() {
        Optional<Path> found = findChromium();
        if (found.isPresent()) {
            return found.get();
        }
        if ("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
            aptInstall();
            found = findChromium();
            if (found.isPresent()) {
                return found.get();
            }
        }
        throw new IllegalStateException("The browser tests need Chromium. Install it with "
                + "'sudo apt-get update && sudo apt-get install -y chromium' (Debian/Ubuntu), or set WELLKEEP_CHROMIUM "
                + "to a Chromium or Chrome executable.");
    }

    private static Optional<Path> findChromium() {
        String configured = System.getenv("WELLKEEP_CHROMIUM");
        Stream<String> candidates = configured != null
                ? Stream.of(configured)
                : Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        return candidates.map(Path::of).filter(Files::isExecutable).findFirst();
    }

    private static void aptInstall() {
        try {
            for (List<String> command : List.of(List.of("apt-get", "update", "-q"),
                    List.of("apt-get", "install", "-y", "-q", "chromium"))) {
                ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
                builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
                builder.start().waitFor();
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not install Chromium with apt-get", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
