package app.wellkeep.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip with one CSV file (RFC 4180, UTF-8) per table. Rows of several tables arrive interleaved, and a zip is
 * written entry after entry, so each table is collected first. A cell a spreadsheet would run as a formula is
 * neutralised: the patient's own note {@code =HYPERLINK(...)} must stay text.
 */
class CsvZipWriter implements ExportWriter {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final OutputStream out;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private final Map<String, StringBuilder> tables = new LinkedHashMap<>();

    CsvZipWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void resource(Map<String, Object> resource) {
        // Resources are for the FHIR formats; the same data arrives here as rows.
    }

    @Override
    public void row(String table, List<String> header, List<?> values) {
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("Not a table name: " + table);
        }
        if (header.size() != values.size()) {
            throw new IllegalArgumentException("Row of " + table + " does not match its header");
        }
        List<String> fixed = headers.putIfAbsent(table, List.copyOf(header));
        if (fixed != null && !fixed.equals(header)) {
            throw new IllegalArgumentException("Another header for " + table);
        }
        StringBuilder csv = tables.computeIfAbsent(table, t -> line(new StringBuilder(), header));
        line(csv, values);
    }

    @Override
    public void finish() throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, StringBuilder> table : tables.entrySet()) {
                zip.putNextEntry(new ZipEntry(table.getKey() + ".csv"));
                zip.write(table.getValue().toString().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static StringBuilder line(StringBuilder csv, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(cell(values.get(i)));
        }
        return csv.append("\r\n");
    }

    /** One cell: empty for no value, formula-like text prefixed with a quote, quoted where CSV needs it. */
    static String cell(Object value) {
        String text = value == null ? "" : value.toString();
        if (!text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
