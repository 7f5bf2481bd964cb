package app.wellkeep.ingest.fitbit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.JsonArrayImporter;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SleepStage;

/**
 * Nights from a Fitbit account archive: {@code <Name>/Sleep/sleep-YYYY-MM-DD.json} (Google Takeout: {@code Global
 * Export Data/}), an array of sleep logs as the Sleep Log API returns them
 * (https://dev.fitbit.com/build/reference/web-api/sleep/get-sleep-log-by-date/): {@code dateOfSleep}, {@code
 * startTime}/{@code endTime} and, under {@code levels.data}, the stages one after another as {@code {"dateTime":
 * "2024-01-14T23:12:30.000", "level": "light", "seconds": 1530}}, times local to the person without an offset (as real
 * archives' readers confirm: https://github.com/saubury/duckdb-fitbit). Stage logs have wake/light/deep/rem, classic
 * ones asleep/restless/awake; {@code levels.shortData} lists the wakes of three minutes or less that lie inside the
 * stages of {@code data}.
 * <p>
 * Each stage becomes a sleep reading of its minutes: wake and awake as AWAKE, light as CORE, deep as DEEP, rem as REM,
 * asleep as ASLEEP and restless as AWAKE (restless minutes are not among a classic log's minutes asleep). The short
 * wakes are cut out of the stage they interrupt, as Fitbit counts them, so no minute counts twice. Local times are
 * resolved in the person's zone; where a night crosses a change of clocks, a time the clocks pass twice is taken as the
 * one that follows the stage before it. A log without stages becomes one ASLEEP reading of its {@code minutesAsleep}
 * over the night. The source is "Fitbit".
 */
public class FitbitSleepImporter extends JsonArrayImporter {

    private static final Map<String, SleepStage> LEVELS = Map.of("wake", SleepStage.AWAKE, "light", SleepStage.CORE,
            "deep", SleepStage.DEEP, "rem", SleepStage.REM, "asleep", SleepStage.ASLEEP, "restless", SleepStage.AWAKE,
            "awake", SleepStage.AWAKE);

    /** Longer than any night Fitbit logs; a longer stage is garbage. */
    private static final long MAX_SECONDS = 24 * 3600;

    private record Segment(Instant start, Instant end, SleepStage stage) {
    }

    public FitbitSleepImporter() {
        super("fitbit-sleep", FitbitJson.fileName("sleep"), "dateOfSleep");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        ZoneId zone = context.zone();
        FitbitJson.entries(in, "a sleep log", sink, (entry, position) -> {
            JsonNode data = entry.path("levels").path("data");
            if (!data.isArray() || data.isEmpty()) {
                withoutStages(zone, entry, position, sink);
                return;
            }
            List<Segment> stages = segments(zone, data, position, sink);
            List<Segment> shortWakes = segments(zone, entry.path("levels").path("shortData"), position, sink);
            stages.sort(Comparator.comparing(Segment::start));
            shortWakes.sort(Comparator.comparing(Segment::start));
            int firstWake = 0;
            for (Segment stage : stages) {
                while (firstWake < shortWakes.size() && !shortWakes.get(firstWake).end().isAfter(stage.start())) {
                    firstWake++;
                }
                for (Segment piece : carve(stage, shortWakes.subList(firstWake, shortWakes.size()))) {
                    sink.reading(Metric.SLEEP, piece.start(), piece.end(),
                            zone.getRules().getOffset(piece.start()).getTotalSeconds(),
                            Duration.between(piece.start(), piece.end()).toMillis() / 60_000.0, piece.stage().name(),
                            FitbitJson.SOURCE, position);
                }
            }
        });
    }

    private static void withoutStages(ZoneId zone, JsonNode entry, long position, ReadingSink sink) {
        LocalDateTime startLocal = localTime(entry.get("startTime"));
        LocalDateTime endLocal = localTime(entry.get("endTime"));
        JsonNode minutes = entry.get("minutesAsleep");
        if (startLocal == null || endLocal == null) {
            sink.rejected(position, entry.has("startTime") && entry.has("endTime")
                    ? Rejection.BAD_TIME
                    : Rejection.MISSING_FIELD, "no stages and no readable startTime and endTime");
            return;
        }
        if (minutes == null || !minutes.isNumber() || !Double.isFinite(minutes.doubleValue())) {
            sink.rejected(position, minutes == null ? Rejection.MISSING_FIELD : Rejection.INVALID_FIELD,
                    "no stages and no minutesAsleep");
            return;
        }
        Instant start = resolve(zone, startLocal, null);
        Instant end = resolve(zone, endLocal, start);
        if (end.isBefore(start)) {
            sink.rejected(position, Rejection.BAD_INTERVAL, "endTime is before startTime");
            return;
        }
        sink.reading(Metric.SLEEP, start, end, zone.getRules().getOffset(start).getTotalSeconds(),
                minutes.doubleValue(), SleepStage.ASLEEP.name(), FitbitJson.SOURCE, position);
    }

    /** The stages of {@code levels.data} or {@code shortData}, each resolved after the one before it. */
    private static List<Segment> segments(ZoneId zone, JsonNode list, long position, ReadingSink sink) {
        List<Segment> segments = new ArrayList<>();
        if (!list.isArray()) {
            return segments;
        }
        Instant previousEnd = null;
        for (JsonNode item : list) {
            LocalDateTime local = localTime(item.get("dateTime"));
            if (local == null) {
                sink.rejected(position, Rejection.BAD_TIME, "a stage's dateTime is not a local date and time");
                continue;
            }
            JsonNode levelNode = item.get("level");
            SleepStage stage = levelNode != null && levelNode.isTextual() ? LEVELS.get(levelNode.asText()) : null;
            if (stage == null) {
                sink.rejected(position, Rejection.INVALID_FIELD, "a stage's level is not a Fitbit sleep level");
                continue;
            }
            JsonNode secondsNode = item.get("seconds");
            if (secondsNode == null || !secondsNode.canConvertToLong() || !secondsNode.isIntegralNumber()
                    || secondsNode.longValue() <= 0 || secondsNode.longValue() > MAX_SECONDS) {
                sink.rejected(position, Rejection.INVALID_FIELD, "a stage's seconds is not a positive whole number");
                continue;
            }
            Instant start = resolve(zone, local, previousEnd);
            Instant end = start.plusSeconds(secondsNode.longValue());
            segments.add(new Segment(start, end, stage));
            previousEnd = end;
        }
        return segments;
    }

    /**
     * A stage with the short wakes inside it cut out, as pieces in order; {@code shortWakes} are in order and begin with
     * the first that ends after the stage starts, so that a night is cut in one pass.
     */
    private static List<Segment> carve(Segment stage, List<Segment> shortWakes) {
        List<Segment> pieces = new ArrayList<>();
        if (!stage.stage().asleep()) {
            pieces.add(stage);
            return pieces;
        }
        Instant cursor = stage.start();
        for (Segment wake : shortWakes) {
            if (!wake.start().isBefore(stage.end()) || !cursor.isBefore(stage.end())) {
                break;
            }
            if (!wake.end().isAfter(cursor)) {
                continue;
            }
            Instant from = wake.start().isAfter(cursor) ? wake.start() : cursor;
            Instant to = wake.end().isBefore(stage.end()) ? wake.end() : stage.end();
            if (from.isAfter(cursor)) {
                pieces.add(new Segment(cursor, from, stage.stage()));
            }
            pieces.add(new Segment(from, to, wake.stage()));
            cursor = to;
        }
        if (cursor.isBefore(stage.end())) {
            pieces.add(new Segment(cursor, stage.end(), stage.stage()));
        }
        return pieces;
    }

    /**
     * A local time in the zone: of the instants it can be (two when the clocks go back), the first not before
     * {@code notBefore}, else the last; a time the clocks skip is moved forward by the gap.
     */
    private static Instant resolve(ZoneId zone, LocalDateTime local, Instant notBefore) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            return ZonedDateTime.ofLocal(local, zone, null).toInstant();
        }
        List<Instant> candidates = offsets.stream().map(local::toInstant).sorted().toList();
        for (Instant candidate : candidates) {
            if (notBefore == null || !candidate.isBefore(notBefore)) {
                return candidate;
            }
        }
        return candidates.get(candidates.size() - 1);
    }

    /** "2024-01-14T23:12:30.000" (or with a space for the T), or null. */
    private static LocalDateTime localTime(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        try {
            return LocalDateTime.parse(node.asText().strip().replaceFirst(" ", "T"));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
