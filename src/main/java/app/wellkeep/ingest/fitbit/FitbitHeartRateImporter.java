package app.wellkeep.ingest.fitbit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.JsonArrayImporter;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.vitals.Metric;

/**
 * Heart rate from a Fitbit account archive ("Export your account archive", and Google Takeout's Fitbit "Global
 * Export Data"): {@code <Name>/Physical Activity/heart_rate-YYYY-MM-DD.json}, an array of
 * {@code {"dateTime": "01/15/24 07:00:05", "value": {"bpm": 64, "confidence": 2}}}, one every few seconds. Fitbit does
 * not document the archive's files; the shape and the time zone follow real archives as their public readers see
 * them (https://github.com/saubury/duckdb-fitbit, https://github.com/kev-m/FitOut): {@code dateTime} is UTC, while
 * the file name's date is the local day (a day's file begins at local midnight written in UTC). Each entry is a
 * reading at its moment, at the person's zone's offset then; the source is "Fitbit".
 */
public class FitbitHeartRateImporter extends JsonArrayImporter {

    public FitbitHeartRateImporter() {
        super("fitbit-heart-rate", FitbitJson.fileName("heart_rate"), "bpm");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        FitbitJson.entries(in, "an entry", sink, (entry, position) -> {
            Instant at = FitbitJson.utcDateTime(entry, position, sink);
            if (at == null) {
                return;
            }
            Double value = FitbitJson.required(entry.path("value").get("bpm"), "value.bpm", FitbitJson::jsonNumber,
                    position, sink);
            if (value == null) {
                return;
            }
            sink.reading(Metric.HEART_RATE, at, at, context.zone().getRules().getOffset(at).getTotalSeconds(), value,
                    "", FitbitJson.SOURCE, position);
        });
    }
}
