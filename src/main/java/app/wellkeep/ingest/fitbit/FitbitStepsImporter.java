package app.wellkeep.ingest.fitbit;

import java.io.IOException;
import java.io.InputStream;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.JsonArrayImporter;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.vitals.Metric;

/**
 * Steps from a Fitbit account archive: {@code <Name>/Physical Activity/steps-YYYY-MM-DD.json}, an array of
 * {@code {"dateTime": "01/15/24 07:01:00", "value": "84"}}, the steps of the minute beginning then (UTC; the count a
 * string). Fitbit does not document the archive's files; this follows real archives as their public readers see them
 * (https://github.com/saubury/duckdb-fitbit, which turns the times from UTC to local ones before adding up days;
 * https://github.com/damirarh/FitbitExportParser). Each entry is a reading over its minute, at the person's zone's
 * offset; the source is "Fitbit".
 */
public class FitbitStepsImporter extends JsonArrayImporter {

    public FitbitStepsImporter() {
        super("fitbit-steps", FitbitJson.fileName("steps"), "dateTime");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        FitbitMinuteSeries.read(context, in, sink, Metric.STEPS, "count");
    }
}
