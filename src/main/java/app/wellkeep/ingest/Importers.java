package app.wellkeep.ingest;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import app.wellkeep.ingest.apple.AppleHealthImporter;
import app.wellkeep.ingest.csv.CsvImporter;
import app.wellkeep.ingest.fhir.FhirImporter;
import app.wellkeep.ingest.fitbit.FitbitDistanceImporter;
import app.wellkeep.ingest.fitbit.FitbitHeartRateImporter;
import app.wellkeep.ingest.fitbit.FitbitRestingHeartRateImporter;
import app.wellkeep.ingest.fitbit.FitbitSleepImporter;
import app.wellkeep.ingest.fitbit.FitbitStepsImporter;
import app.wellkeep.ingest.fitbit.FitbitWeightImporter;
import app.wellkeep.ingest.garmin.GarminDailySummaryImporter;
import app.wellkeep.ingest.garmin.GarminSleepImporter;
import app.wellkeep.ingest.googlefit.GoogleFitDailyMetricsImporter;
import app.wellkeep.ingest.googlefit.GoogleFitDailySummaryImporter;
import app.wellkeep.ingest.googlefit.GoogleFitDataPointsImporter;
import app.wellkeep.ingest.openmhealth.OpenMHealthImporter;

/**
 * Every format Wellkeep reads, in the order they are asked whether they read a file: those that know a file by its
 * name and first bytes first, Wellkeep's own CSV (which only needs its header) last.
 */
@ApplicationScoped
public class Importers {

    private final List<Importer> all = List.of(new AppleHealthImporter(), new FhirImporter(),
            new OpenMHealthImporter(), new GoogleFitDailySummaryImporter(), new GoogleFitDailyMetricsImporter(),
            new GoogleFitDataPointsImporter(), new FitbitHeartRateImporter(), new FitbitStepsImporter(),
            new FitbitDistanceImporter(), new FitbitRestingHeartRateImporter(), new FitbitSleepImporter(),
            new FitbitWeightImporter(), new GarminDailySummaryImporter(), new GarminSleepImporter(),
            new CsvImporter());

    public List<Importer> all() {
        return all;
    }

    /** The importer for a file of this name (its path in an archive) that begins with these bytes. */
    public Optional<Importer> find(String fileName, byte[] head) {
        return all.stream().filter(i -> i.reads(fileName, head)).findFirst();
    }
}
