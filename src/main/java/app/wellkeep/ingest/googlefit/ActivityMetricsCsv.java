package app.wellkeep.ingest.googlefit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import app.wellkeep.ingest.CsvLines;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;

/**
 * What the two CSV kinds of Takeout's "Daily activity metrics" folder share: a header naming each column with its
 * unit ("Distance (m)"), one row per interval, empty cells where there is nothing. Columns Wellkeep keeps become
 * readings over the row's interval; every other non-empty cell is counted as skipped under its column's name.
 */
final class ActivityMetricsCsv {

    /** A column Wellkeep keeps: the metric and the unit its header names. */
    record Column(Metric metric, String unit) {
    }

    /** When a row was, or null when the row has been rejected for its time. */
    record Interval(Instant start, Instant end, int utcOffsetSeconds) {
    }

    /** Reads the interval of one row from its time columns, rejecting the row itself where they cannot be read. */
    interface Times {

        Interval of(List<String> row, Map<String, Integer> header, long line, ReadingSink sink);
    }

    /**
     * Takeout's CSV: up to 1024 columns, empty lines passed over, quotes only around whole fields, and every character
     * text, a NUL too (a binary file is refused for its header, as not this format).
     */
    private static final CsvLines.Dialect TAKEOUT = new CsvLines.Dialect(1024, true, true, false);

    /** A plain decimal number, as Takeout writes them; no NaN, infinities, hex or grouping. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,15}(\\.\\d{1,15})?([eE][-+]?\\d{1,3})?");

    private ActivityMetricsCsv() {
    }

    static void read(InputStream in, ReadingSink sink, String source, Set<String> timeColumns,
            Map<String, Column> kept, Times times) throws IOException {
        try (CsvLines csv = new CsvLines(in, TAKEOUT)) {
            List<String> names = csv.next();
            if (names == null) {
                throw new ImportException(Problem.EMPTY, "no header");
            }
            Map<String, Integer> header = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                header.putIfAbsent(names.get(i).strip(), i);
            }
            for (String time : timeColumns) {
                if (!header.containsKey(time)) {
                    throw new ImportException(Problem.UNSUPPORTED_FORMAT, "no \"" + time + "\" column");
                }
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                long line = csv.line();
                if (row.size() != names.size()) {
                    sink.rejected(line, Rejection.INVALID_FIELD,
                            row.size() + " fields where the header has " + names.size());
                    continue;
                }
                Interval interval = times.of(row, header, line, sink);
                if (interval == null) {
                    continue;
                }
                for (int i = 0; i < row.size(); i++) {
                    String name = names.get(i).strip();
                    String cell = row.get(i).strip();
                    if (cell.isEmpty() || timeColumns.contains(name) || header.get(name) != i) {
                        continue;
                    }
                    Column column = kept.get(name);
                    if (column == null) {
                        sink.skipped(name);
                        continue;
                    }
                    if (!NUMBER.matcher(cell).matches()) {
                        sink.rejected(line, Rejection.INVALID_FIELD, name + " is not a number");
                        continue;
                    }
                    double value = Units.toStored(column.metric(), Double.parseDouble(cell), column.unit())
                            .orElseThrow();
                    sink.reading(column.metric(), interval.start(), interval.end(), interval.utcOffsetSeconds(), value,
                            "", source, line);
                }
            }
        }
    }
}
