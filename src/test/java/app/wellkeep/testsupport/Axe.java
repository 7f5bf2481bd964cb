package app.wellkeep.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;

/**
 * The axe-core accessibility check run inside the page, limited to WCAG 2.0, 2.1 and 2.2 levels A and AA. The
 * script is evaluated through the browser's debugging protocol, so the app's strict CSP stays in force.
 */
public final class Axe {

    private static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");
    private static final String SCRIPT = load();

    private Axe() {
    }

    @SuppressWarnings("unchecked")
    public static void assertNoViolations(Page page) {
        if (!Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'"))) {
            page.evaluate(SCRIPT);
        }
        Object result = page.evaluate(
                "tags => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })"
                        + ".then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,"
                        + " targets: v.nodes.map(n => n.target.join(' ')).slice(0, 5) })))",
                TAGS);
        List<Map<String, Object>> violations = (List<Map<String, Object>>) result;
        if (!violations.isEmpty()) {
            StringBuilder report = new StringBuilder("Accessibility violations on " + page.url() + ":");
            for (Map<String, Object> violation : violations) {
                report.append("\n- ").append(violation.get("id")).append(" (").append(violation.get("impact"))
                        .append("): ").append(violation.get("help")).append(" at ").append(violation.get("targets"));
            }
            fail(report.toString());
        }
    }

    private static String load() {
        try (InputStream in = Axe.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
