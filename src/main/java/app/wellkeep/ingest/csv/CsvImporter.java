package app.wellkeep.ingest.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import app.wellkeep.ingest.CsvLines;
import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SleepStage;

/**
 * Wellkeep's own CSV, for readings from anywhere else: one reading per row under the header
 * {@code metric,start,end,value,unit,source} (any order, {@code stage} optional). {@code metric} is a name as in
 * the app's addresses ({@code heart-rate}, {@code steps}, {@code systolic}) or a LOINC code; {@code start} and
 * {@code end} are ISO 8601 times with an offset ({@code 2024-10-25T07:04:44-05:00}), or without one for the
 * importing person's zone, or a date alone for a whole day; an empty end is a moment. Sleep takes a stage
 * ({@code CORE}, {@code DEEP}, {@code REM}, {@code AWAKE}, {@code IN_BED}, {@code ASLEEP}) and, without a value, its
 * length. The downloadable template ({@code ingest/template.csv}) shows each.
 */
public class CsvImporter implements Importer {

    static final List<String> REQUIRED = List.of("metric", "start", "value", "unit");

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public boolean reads(String fileName, byte[] head) {
        if (!fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
            return false;
        }
        String text = new String(head, StandardCharsets.UTF_8).replace("\uFEFF", "");
        int end = text.indexOf('\n');
        List<String> header = List.of((end < 0 ? text : text.substring(0, end)).strip().toLowerCase(Locale.ROOT)
                .replace("\"", "").split("\\s*,\\s*"));
        return header.containsAll(REQUIRED);
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        try (CsvLines csv = new CsvLines(in)) {
            List<String> header = csv.next();
            if (header == null) {
                throw new ImportException(Problem.EMPTY, "no header");
            }
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i).strip().toLowerCase(Locale.ROOT), i);
            }
            if (!columns.keySet().containsAll(REQUIRED)) {
                throw new ImportException(Problem.UNSUPPORTED_FORMAT, "header lacks one of " + REQUIRED);
            }
            for (List<String> row = csv.next(); row != null; row = csv.next()) {
                if (row.size() == 1 && row.get(0).isBlank()) {
                    continue;
                }
                row(new Row(columns, row), context.zone(), csv.line(), sink);
            }
        }
    }

    private record Row(Map<String, Integer> columns, List<String> fields) {

        String get(String column) {
            Integer at = columns.get(column);
            return at == null || at >= fields.size() ? "" : fields.get(at).strip();
        }
    }

    private static void row(Row row, ZoneId zone, long line, ReadingSink sink) {
        String name = row.get("metric");
        if (name.isEmpty()) {
            sink.rejected(line, Rejection.MISSING_FIELD, "metric is empty");
            return;
        }
        Optional<Metric> found = Metric.bySlug(name.toLowerCase(Locale.ROOT)).or(() -> Metric.byLoinc(name));
        if (found.isEmpty()) {
            sink.skipped("csv:" + name);
            return;
        }
        Metric metric = found.get();
        String startText = row.get("start");
        String endText = row.get("end");
        if (startText.isEmpty()) {
            sink.rejected(line, Rejection.MISSING_FIELD, "start is empty");
            return;
        }
        Time start = time(startText, zone, false);
        Time end = endText.isEmpty() ? null : time(endText, zone, true);
        if (start == null || (!endText.isEmpty() && end == null)) {
            sink.rejected(line, Rejection.BAD_TIME, "time not in ISO 8601 form");
            return;
        }
        Instant endAt = end != null ? end.instant() : start.wholeDay() ? start.dayEnd() : start.instant();
        String stage = "";
        if (metric == Metric.SLEEP) {
            String given = row.get("stage").toUpperCase(Locale.ROOT).replace(' ', '_');
            stage = given.isEmpty() ? SleepStage.ASLEEP.name() : given;
            if (java.util.Arrays.stream(SleepStage.values()).noneMatch(s -> s.name().equals(given.isEmpty()
                    ? SleepStage.ASLEEP.name()
                    : given))) {
                sink.rejected(line, Rejection.INVALID_FIELD, "unknown sleep stage");
                return;
            }
        }
        String valueText = row.get("value");
        double stored;
        if (valueText.isEmpty()) {
            if (metric != Metric.SLEEP) {
                sink.rejected(line, Rejection.MISSING_FIELD, "value is empty");
                return;
            }
            stored = java.time.Duration.between(start.instant(), endAt).getSeconds() / 60.0;
        } else {
            double value;
            try {
                value = Double.parseDouble(valueText);
            } catch (NumberFormatException e) {
                sink.rejected(line, Rejection.INVALID_FIELD, "value is not a number");
                return;
            }
            if (!valueText.matches("[+-]?\\d+(\\.\\d+)?")) {
                sink.rejected(line, Rejection.INVALID_FIELD, "value is not a plain decimal number");
                return;
            }
            String unit = row.get("unit");
            OptionalDouble converted = Units.toStored(metric, value, unit.isEmpty() ? metric.unit() : unit);
            if (converted.isEmpty()) {
                sink.rejected(line, Rejection.UNKNOWN_UNIT, "unit " + unit + " is not a unit of " + metric.slug());
                return;
            }
            stored = converted.getAsDouble();
        }
        String source = row.get("source");
        sink.reading(metric, start.instant(), endAt, start.offset(), stored, stage,
                source.isEmpty() ? "CSV file" : source, line);
    }

    /** A time as written: an instant with the offset it was written at, or a whole local day. */
    private record Time(Instant instant, int offset, boolean wholeDay, Instant dayEnd) {
    }

    private static Time time(String text, ZoneId zone, boolean asEnd) {
        try {
            OffsetDateTime at = OffsetDateTime.parse(text);
            return new Time(at.toInstant(), at.getOffset().getTotalSeconds(), false, null);
        } catch (DateTimeParseException notWithOffset) {
            // Tried in turn: a local time, then a date.
        }
        try {
            var at = LocalDateTime.parse(text).atZone(zone);
            return new Time(at.toInstant(), at.getOffset().getTotalSeconds(), false, null);
        } catch (DateTimeParseException notLocal) {
            // A date, then.
        }
        try {
            LocalDate day = LocalDate.parse(text);
            var begins = (asEnd ? day.plusDays(1) : day).atStartOfDay(zone);
            return new Time(begins.toInstant(), begins.getOffset().getTotalSeconds(), true,
                    day.plusDays(1).atStartOfDay(zone).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
