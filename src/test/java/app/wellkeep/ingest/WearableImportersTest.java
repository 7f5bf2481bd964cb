package app.wellkeep.ingest;

import static app.wellkeep.ingest.WearableFixtures.BERLIN;
import static app.wellkeep.ingest.WearableFixtures.problem;
import static app.wellkeep.ingest.WearableFixtures.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import app.wellkeep.ingest.ImportException.Problem;
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

/**
 * What the importers of the wearables' exports are held to alike: each claims its own fixtures and no other file, and
 * each of the JSON-array files of Fitbit and Garmin is refused alike for what makes it unreadable as such a file.
 */
class WearableImportersTest {

    /** An importer with the name of a file of its own. */
    record ArrayFile(Importer importer, String name) {

        @Override
        public String toString() {
            return importer.format();
        }
    }

    /** Content a file cannot be read with, and the problem it is refused for. */
    record Hostile(Problem problem, byte[] content) {

        static Hostile of(Problem problem, String content) {
            return new Hostile(problem, content.getBytes(StandardCharsets.UTF_8));
        }

        static Hostile latin1(String content) {
            return new Hostile(Problem.NOT_UTF8, content.getBytes(StandardCharsets.ISO_8859_1));
        }

        @Override
        public String toString() {
            String text = new String(content, StandardCharsets.ISO_8859_1);
            return problem + " " + (text.length() > 40 ? text.substring(0, 40) + "..." : text);
        }
    }

    static final List<ArrayFile> ARRAY_FILES = List.of(
            new ArrayFile(new FitbitDistanceImporter(), "MayaWeber/Physical Activity/distance-2024-01-15.json"),
            new ArrayFile(new FitbitHeartRateImporter(), "MayaWeber/Physical Activity/heart_rate-2024-01-15.json"),
            new ArrayFile(new FitbitRestingHeartRateImporter(),
                    "MayaWeber/Physical Activity/resting_heart_rate-2024-01-14.json"),
            new ArrayFile(new FitbitSleepImporter(), "MayaWeber/Sleep/sleep-2024-01-15.json"),
            new ArrayFile(new FitbitStepsImporter(), "MayaWeber/Physical Activity/steps-2024-01-15.json"),
            new ArrayFile(new FitbitWeightImporter(), "MayaWeber/Personal & Account/weight-2024-01-15.json"),
            new ArrayFile(new GarminDailySummaryImporter(),
                    "DI_CONNECT/DI-Connect-Aggregator/UDSFile_2024-01-01_2024-04-10.json"),
            new ArrayFile(new GarminSleepImporter(),
                    "DI_CONNECT/DI-Connect-Wellness/2024-01-01_2024-04-10_123456789_sleepData.json"));

    static final List<Hostile> HOSTILE = List.of(
            Hostile.of(Problem.TRUNCATED, "["),
            Hostile.of(Problem.TRUNCATED, "[{\"dateTime\": \"01/15/24 07:00:00\"}"),
            Hostile.of(Problem.TRUNCATED, "[{\"dateTime\": \"01/20/24"),
            Hostile.of(Problem.TRUNCATED, "[{\"levels\": {\"data\": ["),
            Hostile.of(Problem.TRUNCATED, "[{\"dateTime\": \"01/15/24 07:01:00\", \"val"),
            Hostile.of(Problem.TRUNCATED, "[{\"weight\": 154.3, "),
            Hostile.of(Problem.TRUNCATED, "[{\"calendarDate\": \"2024-01-15\", "),
            new Hostile(Problem.NOT_UTF8, new byte[]{'[', '"', (byte) 0xC3, '"', ']'}),
            Hostile.latin1("[{\"dateTime\": \"\u00e9\"}]"),
            new Hostile(Problem.NOT_UTF8, "[]".getBytes(StandardCharsets.UTF_16LE)),
            Hostile.latin1("[\"\u00fc\"]"),
            Hostile.latin1("[{\"n\": \"\u00df\"}]"),
            Hostile.latin1("[{\"value\": \"\u00e9\"}]"),
            Hostile.latin1("[{\"source\": \"W\u00e4ge\"}]"),
            Hostile.latin1("[{\"source\": \"\u00e9\"}]"),
            Hostile.latin1("[\"\u00e9\"]"),
            Hostile.of(Problem.MALFORMED, "[1,]"),
            Hostile.of(Problem.MALFORMED, "[{\"value\": \"9\", \"value\": \"1\"}]"),
            Hostile.of(Problem.MALFORMED, "[{dateTime: 1}]"),
            Hostile.of(Problem.MALFORMED, "[] []"),
            Hostile.of(Problem.MALFORMED, "[{'value': 1}]"),
            Hostile.of(Problem.MALFORMED, "[{\"levels\" {}}]"),
            Hostile.of(Problem.MALFORMED, "[{\"value\": NaN}]"),
            Hostile.of(Problem.MALFORMED, "[{\"weight\": 154.3,}]"),
            Hostile.of(Problem.MALFORMED, "[{\"totalSteps\": 01}]"),
            Hostile.of(Problem.MALFORMED, "[{\"totalSteps\": 1" + "0".repeat(80) + "}]"),
            Hostile.of(Problem.MALFORMED, "[{\"deepSleepSeconds\": Infinity}]"),
            Hostile.of(Problem.EMPTY, ""),
            Hostile.of(Problem.EMPTY, "  "),
            Hostile.of(Problem.EMPTY, "\n"),
            Hostile.of(Problem.EMPTY, " \t"),
            Hostile.of(Problem.UNSUPPORTED_FORMAT, "{}"),
            Hostile.of(Problem.UNSUPPORTED_FORMAT, "{\"activities-heart\": []}"),
            Hostile.of(Problem.UNSUPPORTED_FORMAT, "58.2"),
            Hostile.of(Problem.UNSUPPORTED_FORMAT, "{\"sleep\": []}"),
            Hostile.of(Problem.UNSUPPORTED_FORMAT, "\"steps\""),
            Hostile.of(Problem.UNSUPPORTED_FORMAT, "{\"weight\": []}"),
            Hostile.of(Problem.UNSUPPORTED_FORMAT, "{\"calendarDate\": \"2024-01-15\"}"),
            Hostile.of(Problem.UNSUPPORTED_FORMAT, "{\"dailySleepDTO\": {}}"),
            Hostile.of(Problem.TOO_DEEP, "[".repeat(65) + "]".repeat(65)),
            Hostile.of(Problem.TOO_DEEP, "[" + "[".repeat(64) + "]".repeat(64) + "]"),
            Hostile.of(Problem.TOO_DEEP, "[{\"value\": " + "[".repeat(80) + "]".repeat(80) + "}]"),
            Hostile.of(Problem.TOO_DEEP, "[{\"weight\": " + "[".repeat(70) + "]".repeat(70) + "}]"),
            Hostile.of(Problem.TOO_DEEP, "[{\"bodyBattery\": " + "[".repeat(70) + "]".repeat(70) + "}]"),
            Hostile.of(Problem.TOO_DEEP, "[" + "{\"a\":".repeat(70) + "1" + "}".repeat(70) + "]"),
            Hostile.of(Problem.TOO_DEEP, "[{\"sleepScores\": " + "{\"x\": ".repeat(70) + "1" + "}".repeat(70) + "}]"),
            Hostile.of(Problem.TOO_DEEP,
                    "[{\"levels\": " + "{\"data\": ".repeat(70) + "[]" + "}".repeat(70) + "}]"));

    static Stream<Arguments> importers() {
        return Stream.of(own(new FitbitDistanceImporter(), "fitbit/", "distance-.*\\.json"),
                own(new FitbitHeartRateImporter(), "fitbit/", "heart_rate-.*\\.json"),
                own(new FitbitRestingHeartRateImporter(), "fitbit/", "resting_heart_rate-.*\\.json"),
                own(new FitbitSleepImporter(), "fitbit/", "sleep-.*\\.json"),
                own(new FitbitStepsImporter(), "fitbit/", "steps-.*\\.json"),
                own(new FitbitWeightImporter(), "fitbit/", "weight-.*\\.json"),
                own(new GarminDailySummaryImporter(), "garmin/", "UDSFile_.*\\.json"),
                own(new GarminSleepImporter(), "garmin/", ".*_sleepData\\.json"),
                own(new GoogleFitDailyMetricsImporter(), "googlefit/", "\\d{4}-\\d{2}-\\d{2}\\.csv"),
                own(new GoogleFitDailySummaryImporter(), "googlefit/", "Daily activity metrics\\.csv"),
                own(new GoogleFitDataPointsImporter(), "googlefit/Takeout/Fit/All Data/", ".*\\.json"));
    }

    /** An importer, the folder of its fixtures and the pattern of its own files' names there. */
    private static Arguments own(Importer importer, String folder, String names) {
        return Arguments.of(Named.of(importer.format(), importer), folder, names);
    }

    static List<ArrayFile> arrayFiles() {
        return ARRAY_FILES;
    }

    static Stream<Arguments> arrayFilesAndHostileContent() {
        return ARRAY_FILES.stream().flatMap(file -> HOSTILE.stream().map(hostile -> Arguments.of(file, hostile)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("importers")
    void readsOnlyItsOwnFiles(Importer importer, String ownFolder, String ownNames) {
        WearableFixtures.assertReadsOnly(importer, ownFolder, ownNames);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("arrayFilesAndHostileContent")
    void refusesAnArrayFileItCannotRead(ArrayFile file, Hostile hostile) {
        assertEquals(hostile.problem(), problem(file.importer(), file.name(), hostile.content()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrayFiles")
    void refusesAnEntryLargerThanAnyRealOne(ArrayFile file) {
        for (String huge : List.of("[{\"dateTime\": \"01/15/24 07:00:00\", \"value\": {\"bpm\": 60, \"samples\": ["
                + "60,".repeat(JsonEntries.MAX_ENTRY_BYTES) + "60]}}]",
                "[{\"calendarDate\": \"2024-01-15\", \"bodyBattery\": [" + "1,".repeat(JsonEntries.MAX_ENTRY_BYTES)
                        + "1]}]")) {
            ImportException refused = assertThrows(ImportException.class,
                    () -> read(file.importer(), file.name(), huge, BERLIN));
            assertEquals(Problem.MALFORMED, refused.problem());
            assertTrue(refused.getMessage().contains("an entry larger than"), refused.getMessage());
        }
    }
}
