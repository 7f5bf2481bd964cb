package app.wellkeep.ingest.googlefit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.googlefit.ActivityMetricsCsv.Column;
import app.wellkeep.ingest.googlefit.ActivityMetricsCsv.Interval;
import app.wellkeep.vitals.Metric;

/**
 * Google Fit's day-by-day summary in a Google Takeout archive: {@code Takeout/Fit/Daily activity metrics/Daily
 * activity metrics.csv} (older archives: {@code Daily Aggregations/Daily Summaries.csv}), one row per local day with
 * a {@code Date} column (YYYY-MM-DD) and one column per figure, its unit in the header ("Step count", "Distance
 * (m)", "Average weight (kg)", "Calories (kcal)", "Heart Points", "Average heart rate (bpm)", ...). Google
 * documents the archive (https://support.google.com/accounts/answer/3024190) and the data types behind the columns
 * (https://developers.google.com/fit/datatypes/activity) but not the columns themselves; these are as real archives
 * have them and public readers of them read them (the older name: https://github.com/starsep/GoogleFitToOpenScaleCSV).
 * Only the English headers are known; a localised archive's file is not claimed.
 * <p>
 * Kept: steps, distance and the day's average weight, each over the local day in the person's zone. Not kept:
 * "Calories (kcal)", which is the total energy burned including the basal metabolic rate, not active energy; the
 * heart-rate columns, whose day average, minimum and maximum would misstate a day's range as readings; and the
 * rest (move minutes, heart points, speeds, durations), counted as skipped by column name.
 * <p>
 * Its source is "Google Fit daily summary", apart from the 15-minute files of the same folder ("Google Fit daily
 * metrics") and the data points of "All Data" ("Google Fit"): summed metrics count the fullest single source of a
 * day, so an archive imported whole never counts a day's steps twice.
 */
public class GoogleFitDailySummaryImporter implements Importer {

    static final String SOURCE = "Google Fit daily summary";

    private static final Map<String, Column> KEPT = Map.of("Step count", new Column(Metric.STEPS, "count"),
            "Distance (m)", new Column(Metric.DISTANCE, "m"), "Average weight (kg)",
            new Column(Metric.WEIGHT, "kg"));

    @Override
    public String format() {
        return "google-fit-daily-summary";
    }

    @Override
    public boolean reads(String fileName, byte[] head) {
        String name = fileName.substring(fileName.lastIndexOf('/') + 1);
        return (name.equals("Daily activity metrics.csv") || name.equals("Daily Summaries.csv"))
                && startsWith(head, "Date,");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        ActivityMetricsCsv.read(in, sink, SOURCE, Set.of("Date"), KEPT, (row, header, line, s) -> {
            LocalDate date;
            try {
                date = LocalDate.parse(row.get(header.get("Date")).strip());
            } catch (DateTimeParseException e) {
                s.rejected(line, Rejection.BAD_TIME, "Date is not YYYY-MM-DD");
                return null;
            }
            ZonedDateTime start = date.atStartOfDay(context.zone());
            return new Interval(start.toInstant(), date.plusDays(1).atStartOfDay(context.zone()).toInstant(),
                    start.getOffset().getTotalSeconds());
        });
    }

    /** Whether the bytes begin with this ASCII text, after a UTF-8 byte-order mark if there is one. */
    static boolean startsWith(byte[] head, String text) {
        int from = head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF
                ? 3
                : 0;
        byte[] expected = text.getBytes(StandardCharsets.US_ASCII);
        if (head.length - from < expected.length) {
            return false;
        }
        for (int i = 0; i < expected.length; i++) {
            if (head[from + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }
}
