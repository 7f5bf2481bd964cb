package app.wellkeep.ingest.fitbit;

import java.io.IOException;
import java.io.InputStream;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.JsonArrayImporter;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.vitals.Metric;

/**
 * Distance from a Fitbit account archive: {@code <Name>/Physical Activity/distance-YYYY-MM-DD.json}, an array of
 * {@code {"dateTime": "12/31/12 18:58:00", "value": "753.6"}}, the distance of the minute beginning then (UTC, like the
 * steps) in centimetres, written as a string. Fitbit does not document the archive's files; the unit is as real
 * archives have it and public readers of them convert it (https://github.com/damirarh/FitbitExportParser: "converts
 * values from centimeters"); 753.6 a minute is a walk in centimetres and a car in metres. Each entry is a reading in
 * metres over its minute, at the person's zone's offset; the source is "Fitbit".
 */
public class FitbitDistanceImporter extends JsonArrayImporter {

    public FitbitDistanceImporter() {
        super("fitbit-distance", FitbitJson.fileName("distance"), "dateTime");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        FitbitMinuteSeries.read(context, in, sink, Metric.DISTANCE, "cm");
    }
}
