package app.wellkeep.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * All user-visible text comes from message bundles: templates hold no words of their own, and the bundles of
 * every locale have the same keys.
 */
class MessageBundleTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path MESSAGES = Path.of("src/main/resources/messages");

    @Test
    void templatesHaveNoLiteralText() throws IOException {
        List<String> findings = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String text = visibleText(Files.readString(file));
                if (text.matches("(?s).*\\p{L}{2,}.*")) {
                    findings.add(TEMPLATES.relativize(file) + ": " + text.strip().replaceAll("\\s+", " "));
                }
            }
        }
        assertTrue(findings.isEmpty(), "literal text in templates, move it to a message bundle:\n" + findings);
    }

    /** What a reader would see: no Qute sections or expressions, no tags, no entities. */
    static String visibleText(String template) {
        return template.replaceAll("(?s)\\{!.*?!}", " ")
                .replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ")
                .replaceAll("(?s)<!--.*?-->", " ")
                .replaceAll("(?s)\\{[^{}]*}", " ")
                .replaceAll("(?s)<[^>]*>", " ")
                .replaceAll("&[a-zA-Z#0-9]+;", " ")
                .replace("·", " ");
    }

    @Test
    void theLintSeesLiteralText() {
        assertEquals("Hello", visibleText("<p title=\"{msg:x}\">Hello</p>{msg:y}").strip());
        assertEquals("", visibleText("<p>{msg:greeting(name)}</p>{#if a}<b>{b}</b>{/if}").strip());
    }

    @Test
    void everyLocaleHasTheSameKeys() throws IOException {
        Map<String, Set<String>> firstKeysOfBundle = new TreeMap<>();
        try (Stream<Path> files = Files.list(MESSAGES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                Properties properties = new Properties();
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                Set<String> keys = new TreeSet<>(properties.stringPropertyNames());
                String bundle = file.getFileName().toString().replaceAll("_[a-zA-Z-]+\\.properties$", "");
                Set<String> first = firstKeysOfBundle.putIfAbsent(bundle, keys);
                if (first != null) {
                    assertEquals(first, keys,
                            file.getFileName() + " has other keys than the other locales of " + bundle);
                }
            }
        }
        assertTrue(firstKeysOfBundle.containsKey("msg"), "the main bundle 'msg' exists");
    }
}
