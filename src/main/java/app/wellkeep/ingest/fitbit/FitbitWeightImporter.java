package app.wellkeep.ingest.fitbit;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.JsonArrayImporter;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;

/**
 * Weigh-ins from a Fitbit account archive: {@code <Name>/Personal & Account/weight-YYYY-MM-DD.json} (Google Takeout:
 * {@code Global Export Data/}), an array of {@code {"logId": 1627862399000, "weight": 125.8, "bmi": 24.71, "fat": 21.5,
 * "date": "08/01/21", "time": "23:59:59", "source": "Aria"}}. Fitbit does not document the archive's files; this
 * follows real archives as their public readers see them (https://github.com/kev-m/FitOut,
 * https://github.com/damirarh/FitbitExportParser, https://github.com/nicolasestrem/Fitbit2Garmin): {@code date} and
 * {@code time} are UTC (the {@code logId} of a scale's weigh-in is the same moment in epoch milliseconds).
 * <p>
 * The file names no unit, and readers disagree whether it follows the account's setting; the real entries they show are
 * pounds, so pounds is the rule. But each entry is checked against its BMI, which Fitbit computes from the weight in
 * kilograms and the person's height: when only kilograms give a height a person can have (1.40 to 2.20 m) and pounds do
 * not, the weight is read as kilograms. Both or neither plausible (or no BMI) keeps pounds. Readings: weight (kg), BMI
 * and body fat (%) at the moment; the source is "Fitbit" and the entry's {@code source} ("Fitbit Aria", "Fitbit Web",
 * "Fitbit API").
 */
public class FitbitWeightImporter extends JsonArrayImporter {

    private static final double KG_PER_LB = 0.45359237;
    private static final double SHORTEST_M = 1.40;
    private static final double TALLEST_M = 2.20;

    public FitbitWeightImporter() {
        super("fitbit-weight", FitbitJson.fileName("weight"), "weight");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        FitbitJson.entries(in, "an entry", sink, (entry, position) -> {
            LocalDate date = FitbitJson.usDate(entry, "date");
            JsonNode timeNode = entry.get("time");
            if (date == null || timeNode == null || !timeNode.isTextual()) {
                sink.rejected(position, entry.has("date") && entry.has("time")
                        ? Rejection.BAD_TIME
                        : Rejection.MISSING_FIELD, "date is not MM/dd/yy or time is missing");
                return;
            }
            LocalTime time;
            try {
                time = LocalTime.parse(timeNode.asText().strip());
            } catch (DateTimeParseException e) {
                sink.rejected(position, Rejection.BAD_TIME, "time is not HH:mm:ss");
                return;
            }
            JsonNode weightNode = entry.get("weight");
            if (weightNode == null || weightNode.isNull()) {
                sink.rejected(position, Rejection.MISSING_FIELD, "no weight");
                return;
            }
            Double weight = FitbitJson.jsonNumber(weightNode);
            Double bmi = FitbitJson.jsonNumber(entry.get("bmi"));
            Double fat = FitbitJson.jsonNumber(entry.get("fat"));
            if (weight == null || (entry.hasNonNull("bmi") && bmi == null)
                    || (entry.hasNonNull("fat") && fat == null)) {
                sink.rejected(position, Rejection.INVALID_FIELD, "weight, bmi or fat is not a number");
                return;
            }
            Instant at = date.atTime(time).toInstant(ZoneOffset.UTC);
            int offset = context.zone().getRules().getOffset(at).getTotalSeconds();
            JsonNode sourceNode = entry.get("source");
            String source = sourceNode != null && sourceNode.isTextual() && !sourceNode.asText().isBlank()
                    ? FitbitJson.SOURCE + " " + sourceNode.asText().strip()
                    : FitbitJson.SOURCE;
            double kg = Units.toStored(Metric.WEIGHT, weight, inPounds(weight, bmi) ? "lb" : "kg").orElseThrow();
            sink.reading(Metric.WEIGHT, at, at, offset, kg, "", source, position);
            if (bmi != null) {
                sink.reading(Metric.BODY_MASS_INDEX, at, at, offset, bmi, "", source, position);
            }
            if (fat != null) {
                sink.reading(Metric.BODY_FAT, at, at, offset, fat, "", source, position);
            }
        });
    }

    /** The unit rule of this class's comment: pounds unless only kilograms fit the BMI. */
    static boolean inPounds(double weight, Double bmi) {
        if (bmi == null || !(bmi > 0) || !(weight > 0)) {
            return true;
        }
        boolean kilogramsFit = plausibleHeight(Math.sqrt(weight / bmi));
        boolean poundsFit = plausibleHeight(Math.sqrt(weight * KG_PER_LB / bmi));
        return !(kilogramsFit && !poundsFit);
    }

    private static boolean plausibleHeight(double metres) {
        return metres >= SHORTEST_M && metres <= TALLEST_M;
    }
}
