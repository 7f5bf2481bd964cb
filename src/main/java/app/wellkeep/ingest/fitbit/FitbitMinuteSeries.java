package app.wellkeep.ingest.fitbit;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;

/**
 * The minute-by-minute activity files of a Fitbit account archive ({@code steps-*.json}, {@code distance-*.json}):
 * arrays of {@code {"dateTime": "06/12/16 03:51:00", "value": "133"}}, the value a string, the time UTC like the
 * heart-rate files', each entry the minute that begins then.
 */
final class FitbitMinuteSeries {

    private FitbitMinuteSeries() {
    }

    static void read(ImportContext context, InputStream in, ReadingSink sink, Metric metric, String unit) {
        FitbitJson.entries(in, (entry, position) -> {
            if (!entry.isObject()) {
                sink.rejected(position, Rejection.INVALID_FIELD, "an entry is not an object");
                return;
            }
            LocalDateTime utc = FitbitJson.usDateTime(entry, "dateTime");
            if (utc == null) {
                sink.rejected(position, entry.has("dateTime") ? Rejection.BAD_TIME : Rejection.MISSING_FIELD,
                        "dateTime is not MM/dd/yy HH:mm:ss");
                return;
            }
            if (!entry.hasNonNull("value")) {
                sink.rejected(position, Rejection.MISSING_FIELD, "no value");
                return;
            }
            Double value = FitbitJson.number(entry.get("value"));
            if (value == null) {
                sink.rejected(position, Rejection.INVALID_FIELD, "value is not a number");
                return;
            }
            Instant start = utc.toInstant(ZoneOffset.UTC);
            sink.reading(metric, start, start.plusSeconds(60),
                    context.zone().getRules().getOffset(start).getTotalSeconds(),
                    Units.toStored(metric, value, unit).orElseThrow(), "", FitbitJson.SOURCE, position);
        });
    }
}
