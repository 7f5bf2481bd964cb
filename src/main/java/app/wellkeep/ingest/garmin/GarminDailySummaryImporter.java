package app.wellkeep.ingest.garmin;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.JsonArrayImporter;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.vitals.Metric;

/**
 * Daily summaries from a Garmin "Export Your Data" archive
 * (https://www.garmin.com/en-US/account/datamanagement/viewdata/): {@code
 * DI_CONNECT/DI-Connect-Aggregator/UDSFile_<from>_<to>.json}, an array of one "user daily summary" a day with {@code
 * calendarDate}, {@code wellnessStartTimeGmt}/{@code wellnessStartTimeLocal} and {@code wellnessEndTimeGmt}/{@code
 * wellnessEndTimeLocal} (the day's bounds, {@code "2024-01-14T23:00:00.0"}), {@code totalSteps}, {@code
 * totalDistanceMeters}, {@code activeKilocalories}, {@code restingHeartRate}, heart-rate, stress and body-battery
 * figures. Garmin does not document the archive's files; the fields are those of Garmin Connect's daily summary, named
 * as the Connect API names them (as https://github.com/cyberjunky/python-garminconnect reads them) and as real archives
 * have them.
 * <p>
 * Kept, over the day's bounds (UTC, at the offset local minus GMT): steps, distance, active energy (active
 * kilocalories, without the basal energy) and resting heart rate. A day with no bounds falls back to its {@code
 * calendarDate} in the person's zone. Fields that are null were not measured and give nothing; the day's total energy,
 * minimum and maximum heart rate, intensity minutes, floors, stress, body battery and respiration are counted as
 * skipped by field name. The source is "Garmin".
 */
public class GarminDailySummaryImporter extends JsonArrayImporter {

    private static final List<String> NOT_KEPT = List.of("totalKilocalories", "minHeartRate", "maxHeartRate",
            "moderateIntensityMinutes", "vigorousIntensityMinutes", "floorsAscendedInMeters", "allDayStress",
            "bodyBattery", "respiration");

    public GarminDailySummaryImporter() {
        super("garmin-daily-summary", Pattern.compile("UDSFile_.*\\.json"), "calendarDate");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        GarminJson.entries(in, "a daily summary", sink, (entry, position) -> {
            Instant start;
            Instant end;
            int offset;
            try {
                LocalDateTime startGmt = GarminJson.time(entry.get("wellnessStartTimeGmt"));
                LocalDateTime endGmt = GarminJson.time(entry.get("wellnessEndTimeGmt"));
                LocalDateTime startLocal = GarminJson.time(entry.get("wellnessStartTimeLocal"));
                if (startGmt != null && endGmt != null) {
                    start = startGmt.toInstant(ZoneOffset.UTC);
                    end = endGmt.toInstant(ZoneOffset.UTC);
                    ZoneOffset local = GarminJson.offset(startLocal, startGmt, context.zone());
                    if (local == null) {
                        sink.rejected(position, Rejection.BAD_TIME, "wellnessStartTimeLocal is no offset from GMT");
                        return;
                    }
                    offset = local.getTotalSeconds();
                } else {
                    JsonNode date = entry.get("calendarDate");
                    if (date == null || !date.isTextual()) {
                        sink.rejected(position, Rejection.MISSING_FIELD, "no wellness times and no calendarDate");
                        return;
                    }
                    LocalDate day = LocalDate.parse(date.asText().strip());
                    ZonedDateTime dayStart = day.atStartOfDay(context.zone());
                    start = dayStart.toInstant();
                    end = day.plusDays(1).atStartOfDay(context.zone()).toInstant();
                    offset = dayStart.getOffset().getTotalSeconds();
                }
            } catch (IllegalArgumentException | DateTimeParseException e) {
                sink.rejected(position, Rejection.BAD_TIME, "a wellness time or calendarDate cannot be read");
                return;
            }
            if (!end.isAfter(start)) {
                sink.rejected(position, Rejection.BAD_INTERVAL, "the day ends before it starts");
                return;
            }
            GarminJson.report(entry, "totalSteps", Metric.STEPS, "count", start, end, offset, "", position, sink);
            GarminJson.report(entry, "totalDistanceMeters", Metric.DISTANCE, "m", start, end, offset, "", position,
                    sink);
            GarminJson.report(entry, "activeKilocalories", Metric.ACTIVE_ENERGY, "kcal", start, end, offset, "",
                    position, sink);
            GarminJson.report(entry, "restingHeartRate", Metric.RESTING_HEART_RATE, "bpm", start, end, offset, "",
                    position, sink);
            for (String field : NOT_KEPT) {
                if (entry.hasNonNull(field)) {
                    sink.skipped(field);
                }
            }
        });
    }
}
