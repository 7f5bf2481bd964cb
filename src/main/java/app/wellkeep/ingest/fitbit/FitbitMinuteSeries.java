package app.wellkeep.ingest.fitbit;

import java.io.InputStream;
import java.time.Instant;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ReadingSink;
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
        FitbitJson.entries(in, "an entry", sink, (entry, position) -> {
            Instant start = FitbitJson.utcDateTime(entry, position, sink);
            if (start == null) {
                return;
            }
            Double value = FitbitJson.required(entry.get("value"), "value", FitbitJson::number, position, sink);
            if (value == null) {
                return;
            }
            sink.reading(metric, start, start.plusSeconds(60),
                    context.zone().getRules().getOffset(start).getTotalSeconds(),
                    Units.toStored(metric, value, unit).orElseThrow(), "", FitbitJson.SOURCE, position);
        });
    }
}
