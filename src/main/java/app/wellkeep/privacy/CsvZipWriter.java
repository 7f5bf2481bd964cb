package app.wellkeep.privacy;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A zip with one CSV file (RFC 4180, UTF-8) per table. Each table streams into its own entry as its rows arrive, and
 * the entry is closed when the next table begins, so no table is ever held in memory: that is why a table's rows
 * must come together (see {@link ExportSink#row}). A cell a spreadsheet would run as a formula is neutralised: the
 * patient's own note {@code =HYPERLINK(...)} must stay text.
 */
class CsvZipWriter implements ExportWriter {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private final ZipOutputStream zip;
    private final Writer csv;
    private final Map<String, List<String>> headers = new HashMap<>();
    private String current;

    CsvZipWriter(OutputStream out) {
        zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        csv = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
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
        List<String> fixed = headers.get(table);
        if (fixed != null && !fixed.equals(header)) {
            throw new IllegalArgumentException("Another header for " + table);
        }
        if (fixed != null && !table.equals(current)) {
            throw new IllegalStateException("Rows of " + table + " after those of another table: its file is closed");
        }
        try {
            if (fixed == null) {
                begin(table, header);
            }
            line(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() throws IOException {
        if (current != null) {
            csv.flush();
            zip.closeEntry();
        }
        zip.close();
    }

    private void begin(String table, List<String> header) throws IOException {
        if (current != null) {
            csv.flush();
            zip.closeEntry();
        }
        zip.putNextEntry(new ZipEntry(table + ".csv"));
        headers.put(table, List.copyOf(header));
        current = table;
        line(header);
    }

    private void line(List<?> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.write(',');
            }
            csv.write(cell(values.get(i)));
        }
        csv.write("\r\n");
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
