package app.wellkeep.ingest.fitbit;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;

import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.JsonArrayImporter;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.vitals.Metric;

/**
 * Resting heart rate from a Fitbit account archive: {@code <Name>/Physical
 * Activity/resting_heart_rate-YYYY-MM-DD.json}, one entry a day, {@code {"dateTime": "01/15/24 00:00:00", "value":
 * {"date": "01/15/24", "value": 58.2, "error": 7.1}}}, the day being the person's own. Fitbit does not document the
 * archive's files; this follows real archives as their public readers see them (https://github.com/kev-m/FitOut, which
 * reads {@code value.date} and {@code value.value}). A day without a resting heart rate has {@code 0} there, and is
 * rejected as missing. Each day is a reading over that local day in the person's zone; the source is "Fitbit".
 */
public class FitbitRestingHeartRateImporter extends JsonArrayImporter {

    public FitbitRestingHeartRateImporter() {
        super("fitbit-resting-heart-rate", FitbitJson.fileName("resting_heart_rate"), "dateTime");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        FitbitJson.entries(in, "an entry", sink, (entry, position) -> {
            JsonNode value = entry.get("value");
            LocalDate day = FitbitJson.usDate(value, "date");
            if (day == null) {
                LocalDateTime at = FitbitJson.usDateTime(entry, "dateTime");
                day = at == null ? null : at.toLocalDate();
            }
            if (day == null) {
                sink.rejected(position, Rejection.BAD_TIME, "neither value.date nor dateTime is a date");
                return;
            }
            Double rate = FitbitJson.required(value == null ? null : value.get("value"), "value.value",
                    FitbitJson::jsonNumber, position, sink);
            if (rate == null) {
                return;
            }
            if (rate == 0) {
                sink.rejected(position, Rejection.MISSING_FIELD, "a day without a resting heart rate (0)");
                return;
            }
            ZonedDateTime start = day.atStartOfDay(context.zone());
            sink.reading(Metric.RESTING_HEART_RATE, start.toInstant(),
                    day.plusDays(1).atStartOfDay(context.zone()).toInstant(), start.getOffset().getTotalSeconds(),
                    rate, "", FitbitJson.SOURCE, position);
        });
    }
}
