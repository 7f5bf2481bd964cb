package app.wellkeep.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The lines of a roster page as a reader sees them: patient id to column to visible text, in page order. */
public final class RosterLines {

    private static final Pattern ROW = Pattern.compile("(?s)<tr id=\"patient-([0-9a-f-]{36})\".*?</tr>");
    private static final Pattern CELL = Pattern.compile("(?s)<td data-col=\"([a-z0-9]+)\"[^>]*>(.*?)</td>");

    private RosterLines() {
    }

    public static Map<UUID, Map<String, String>> of(String body) {
        Map<UUID, Map<String, String>> rows = new LinkedHashMap<>();
        Matcher row = ROW.matcher(body);
        while (row.find()) {
            Map<String, String> cells = new LinkedHashMap<>();
            Matcher cell = CELL.matcher(row.group());
            while (cell.find()) {
                cells.put(cell.group(1), text(cell.group(2)));
            }
            rows.put(UUID.fromString(row.group(1)), cells);
        }
        return rows;
    }

    /** Visible text: no forms (the tag buttons), no tags, entities of the range read as characters. */
    private static String text(String html) {
        return html.replaceAll("(?s)<form.*?</form>", " ").replaceAll("<[^>]+>", " ").replace("&ndash;", "–")
                .replaceAll("\\s+", " ").strip();
    }
}
