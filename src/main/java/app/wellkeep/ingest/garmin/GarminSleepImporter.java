package app.wellkeep.ingest.garmin;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.JsonArrayImporter;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SleepStage;

/**
 * Nights from a Garmin "Export Your Data" archive (https://www.garmin.com/en-US/account/datamanagement/viewdata/):
 * {@code DI_CONNECT/DI-Connect-Wellness/<from>_<to>_<user>_sleepData.json}, an array of nights with
 * {@code calendarDate} (the day of waking), {@code sleepStartTimestampGMT}/{@code sleepEndTimestampGMT}
 * ({@code "2019-08-04T20:28:00.0"}, UTC), the night's totals {@code deepSleepSeconds}, {@code lightSleepSeconds},
 * {@code remSleepSeconds}, {@code awakeSleepSeconds}, {@code unmeasurableSeconds}, and on newer devices
 * {@code averageRespiration} and {@code spo2SleepSummary.averageSPO2}. A window the watch could not confirm as sleep
 * has its times and no totals. Garmin does not document the archive's files; this follows real archives, whose
 * fields are named as Garmin Connect's nightly sleep summary is (which its API gives with epoch-millisecond times,
 * also read; e.g. https://github.com/matin/garth).
 * <p>
 * The archive has only each stage's total for the night, not when it was: each stage becomes one sleep reading of its
 * minutes spanning the whole night (deep as DEEP, light as CORE, rem as REM, awake as AWAKE; stages of 0 minutes give
 * nothing), so a night's sum per stage is right and its time line is not. The night's average respiration and
 * SpO2 become readings over the night too. Unconfirmed windows and unmeasurable time are counted as skipped. The
 * archive writes no offset: the person's zone's at the start is used, or the local start time's where there is one.
 * The source is "Garmin".
 */
public class GarminSleepImporter extends JsonArrayImporter {

    private record Stage(String field, SleepStage stage) {
    }

    private static final List<Stage> STAGES = List.of(new Stage("deepSleepSeconds", SleepStage.DEEP),
            new Stage("lightSleepSeconds", SleepStage.CORE), new Stage("remSleepSeconds", SleepStage.REM),
            new Stage("awakeSleepSeconds", SleepStage.AWAKE));

    public GarminSleepImporter() {
        super("garmin-sleep", Pattern.compile(".*_sleepData\\.json"), "calendarDate");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        GarminJson.entries(in, "a night", sink, (entry, position) -> {
            if (STAGES.stream().noneMatch(s -> entry.hasNonNull(s.field()))) {
                sink.skipped("sleep window without stages");
                return;
            }
            LocalDateTime startGmt;
            LocalDateTime endGmt;
            LocalDateTime startLocal;
            try {
                startGmt = GarminJson.time(entry.get("sleepStartTimestampGMT"));
                endGmt = GarminJson.time(entry.get("sleepEndTimestampGMT"));
                startLocal = GarminJson.time(entry.get("sleepStartTimestampLocal"));
            } catch (IllegalArgumentException e) {
                sink.rejected(position, Rejection.BAD_TIME, "a sleep timestamp cannot be read");
                return;
            }
            if (startGmt == null || endGmt == null) {
                sink.rejected(position, Rejection.MISSING_FIELD, "no sleepStartTimestampGMT or sleepEndTimestampGMT");
                return;
            }
            Instant start = startGmt.toInstant(ZoneOffset.UTC);
            Instant end = endGmt.toInstant(ZoneOffset.UTC);
            if (!end.isAfter(start)) {
                sink.rejected(position, Rejection.BAD_INTERVAL, "the night ends before it starts");
                return;
            }
            ZoneOffset local = GarminJson.offset(startLocal, startGmt, context.zone());
            if (local == null) {
                sink.rejected(position, Rejection.BAD_TIME, "sleepStartTimestampLocal is no offset from GMT");
                return;
            }
            int offset = local.getTotalSeconds();
            for (Stage stage : STAGES) {
                JsonNode seconds = entry.get(stage.field());
                if (seconds != null && seconds.isNumber() && seconds.doubleValue() == 0) {
                    continue;
                }
                GarminJson.report(entry, stage.field(), Metric.SLEEP, "s", start, end, offset, stage.stage().name(),
                        position, sink);
            }
            JsonNode unmeasurable = entry.get("unmeasurableSeconds");
            if (unmeasurable != null && unmeasurable.isNumber() && unmeasurable.doubleValue() > 0) {
                sink.skipped("unmeasurableSeconds");
            }
            GarminJson.report(entry, "averageRespiration", Metric.RESPIRATORY_RATE, "/min", start, end, offset, "",
                    position, sink);
            JsonNode spo2 = entry.get("spo2SleepSummary");
            if (spo2 != null && spo2.isObject()) {
                GarminJson.report(spo2, "averageSPO2", Metric.OXYGEN_SATURATION, "%", start, end, offset, "",
                        position, sink);
            }
        });
    }
}
