package app.wellkeep.ingest.googlefit;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.googlefit.ActivityMetricsCsv.Column;
import app.wellkeep.ingest.googlefit.ActivityMetricsCsv.Interval;
import app.wellkeep.vitals.Metric;

/**
 * One day of Google Fit in 15-minute intervals, from a Google Takeout archive: {@code Takeout/Fit/Daily activity
 * metrics/YYYY-MM-DD.csv}, the date in the file name and each row's {@code Start time} and {@code End time} as a time
 * of that day with its offset ({@code 07:15:00.000+01:00}); the last interval ends at midnight, the next day. The
 * other columns are those of the daily summary ({@link GoogleFitDailySummaryImporter}, which says where the format is
 * described), per interval.
 * <p>
 * Kept, over each interval at its own offset: steps, distance, average weight and the interval's average heart rate
 * (a quarter-hour average is close enough to a measurement, unlike a day's). Calories (the total, basal energy
 * included), minimum and maximum heart rate and the rest are counted as skipped by column name. The source is
 * "Google Fit daily metrics", apart from the daily summary's and the data points', so that summed metrics of an
 * archive imported whole are never counted twice (see {@link GoogleFitDailySummaryImporter}).
 */
public class GoogleFitDailyMetricsImporter implements Importer {

    static final String SOURCE = "Google Fit daily metrics";

    private static final Pattern DAY_FILE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.csv");

    private static final Map<String, Column> KEPT = Map.of("Step count", new Column(Metric.STEPS, "count"),
            "Distance (m)", new Column(Metric.DISTANCE, "m"), "Average weight (kg)", new Column(Metric.WEIGHT, "kg"),
            "Average heart rate (bpm)", new Column(Metric.HEART_RATE, "bpm"));

    @Override
    public String format() {
        return "google-fit-daily-metrics";
    }

    @Override
    public boolean reads(String fileName, byte[] head) {
        return DAY_FILE.matcher(fileName.substring(fileName.lastIndexOf('/') + 1)).matches()
                && GoogleFitDailySummaryImporter.startsWith(head, "Start time,End time,");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        String name = context.fileName().substring(context.fileName().lastIndexOf('/') + 1);
        Matcher day = DAY_FILE.matcher(name);
        LocalDate date;
        try {
            date = day.matches() ? LocalDate.parse(day.group(1)) : null;
        } catch (DateTimeParseException e) {
            date = null;
        }
        if (date == null) {
            throw new ImportException(Problem.UNSUPPORTED_FORMAT, "the file name holds no date (YYYY-MM-DD.csv)");
        }
        LocalDate of = date;
        ActivityMetricsCsv.read(in, sink, SOURCE,
                new java.util.LinkedHashSet<>(java.util.List.of("Start time", "End time")),
                KEPT,
                (row, header, line, s) -> interval(of, row.get(header.get("Start time")).strip(),
                        row.get(header.get("End time")).strip(), line, s));
    }

    private static Interval interval(LocalDate date, String startText, String endText, long line, ReadingSink sink) {
        OffsetTime startTime;
        OffsetTime endTime;
        try {
            startTime = OffsetTime.parse(startText, DateTimeFormatter.ISO_OFFSET_TIME);
            endTime = OffsetTime.parse(endText, DateTimeFormatter.ISO_OFFSET_TIME);
        } catch (DateTimeParseException e) {
            sink.rejected(line, Rejection.BAD_TIME, "Start time or End time is not a time with an offset");
            return null;
        }
        OffsetDateTime start = startTime.atDate(date);
        OffsetDateTime end = endTime.atDate(date);
        if (!end.isAfter(start) && endTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            end = endTime.atDate(date.plusDays(1));
        }
        if (!end.isAfter(start)) {
            sink.rejected(line, Rejection.BAD_INTERVAL, "End time is not after Start time");
            return null;
        }
        return new Interval(start.toInstant(), end.toInstant(), start.getOffset().getTotalSeconds());
    }
}
