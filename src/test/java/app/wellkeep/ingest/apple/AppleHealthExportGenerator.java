package app.wellkeep.ingest.apple;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an Apple Health {@code export.zip} of about N records with the mix of a real iPhone-and-Watch export:
 * mostly heart rate, steps, active and resting energy and distance, then sleep stages, weight, blood pressure (in
 * its correlation and on its own, as the phone writes it), resting heart rate, HRV, SpO2 and breathing rate. Records
 * come grouped by type and in time order within a type, as the phone writes them; the days end yesterday and go
 * back as far as N needs. The same N and seed give the same file.
 */
public final class AppleHealthExportGenerator {

    static final ZoneId ZONE = ZoneId.of("America/Chicago");
    static final String WATCH = "Maya’s Apple Watch";
    static final String PHONE = "Maya’s iPhone";
    /** Records a day of this mix writes, all types together. */
    static final int PER_DAY = 1_280;

    private final Random random;
    private final Writer out;
    private long written;

    private AppleHealthExportGenerator(Writer out, long seed) {
        this.out = out;
        this.random = new Random(seed);
    }

    /** Writes the zip to {@code zip} and returns how many Record elements it holds; the days end yesterday. */
    public static long write(OutputStream zip, int records, long seed) throws IOException {
        return write(zip, records, seed, LocalDate.now(ZONE).minusDays(1));
    }

    /** The same, with the days ending on {@code lastDay}. */
    public static long write(OutputStream zip, int records, long seed, LocalDate lastDay) throws IOException {
        try (ZipOutputStream archive = new ZipOutputStream(zip)) {
            archive.setLevel(6);
            archive.putNextEntry(new ZipEntry("apple_health_export/export.xml"));
            Writer writer = new BufferedWriter(new OutputStreamWriter(archive, StandardCharsets.UTF_8), 1 << 16);
            AppleHealthExportGenerator generator = new AppleHealthExportGenerator(writer, seed);
            generator.document(Math.max(1, (records + PER_DAY - 1) / PER_DAY), lastDay);
            writer.flush();
            archive.closeEntry();
            archive.putNextEntry(new ZipEntry("apple_health_export/export_cda.xml"));
            archive.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ClinicalDocument xmlns=\"urn:hl7-org:v3\"/>\n"
                    .getBytes(StandardCharsets.UTF_8));
            archive.closeEntry();
            return generator.written;
        }
    }

    private void document(int days, LocalDate last) throws IOException {
        out.write(
                """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <!DOCTYPE HealthData [
                        <!-- HealthKit Export Version: 13 -->
                        <!ELEMENT HealthData (ExportDate,Me,(Record|Correlation|Workout|ActivitySummary|ClinicalRecord)*)>
                        <!ATTLIST HealthData
                          locale CDATA #REQUIRED
                        >
                        <!ELEMENT Record ((MetadataEntry|HeartRateVariabilityMetadataList)*)>
                        <!ATTLIST Record
                          type          CDATA #REQUIRED
                          unit          CDATA #IMPLIED
                          value         CDATA #IMPLIED
                          sourceName    CDATA #REQUIRED
                          sourceVersion CDATA #IMPLIED
                          device        CDATA #IMPLIED
                          creationDate  CDATA #IMPLIED
                          startDate     CDATA #REQUIRED
                          endDate       CDATA #REQUIRED
                        >
                        ]>
                        <HealthData locale="en_US">
                         <ExportDate value="2024-10-26 09:12:03 -0500"/>
                         <Me HKCharacteristicTypeIdentifierDateOfBirth="1982-03-14" HKCharacteristicTypeIdentifierBiologicalSex="HKBiologicalSexFemale" HKCharacteristicTypeIdentifierBloodType="HKBloodTypeNotSet" HKCharacteristicTypeIdentifierFitzpatrickSkinType="HKFitzpatrickSkinTypeNotSet" HKCharacteristicTypeIdentifierCardioFitnessMedicationsUse="None"/>
                        """);
        LocalDate first = last.minusDays(days - 1L);
        // Grouped by type, in time order within each, as an iPhone writes its export.
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (int i = 0; i < 400; i++) {
                int second = i * 216 + random.nextInt(200);
                moment("HKQuantityTypeIdentifierHeartRate", WATCH, "count/min", d, second,
                        Integer.toString(55 + random.nextInt(60)));
            }
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (int i = 0; i < 120; i++) {
                interval("HKQuantityTypeIdentifierStepCount", PHONE, "count", d, 21_600 + i * 480, 300,
                        Integer.toString(random.nextInt(400)));
            }
            for (int i = 0; i < 120; i++) {
                interval("HKQuantityTypeIdentifierStepCount", WATCH, "count", d, 21_660 + i * 480, 240,
                        Integer.toString(random.nextInt(380)));
            }
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (int i = 0; i < 240; i++) {
                interval("HKQuantityTypeIdentifierActiveEnergyBurned", WATCH, "Cal", d, 21_600 + i * 240, 60,
                        decimal(random.nextInt(9000), 3));
            }
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (int i = 0; i < 200; i++) {
                interval("HKQuantityTypeIdentifierBasalEnergyBurned", WATCH, "Cal", d, i * 432, 420,
                        decimal(9000 + random.nextInt(4000), 3));
            }
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            for (int i = 0; i < 100; i++) {
                interval("HKQuantityTypeIdentifierDistanceWalkingRunning", PHONE, "km", d, 21_600 + i * 576, 300,
                        decimal(random.nextInt(300_000), 6));
            }
            for (int i = 0; i < 60; i++) {
                interval("HKQuantityTypeIdentifierDistanceWalkingRunning", WATCH, "km", d, 21_700 + i * 960, 300,
                        decimal(random.nextInt(300_000), 6));
            }
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            moment("HKQuantityTypeIdentifierRestingHeartRate", WATCH, "count/min", d, 75_600,
                    Integer.toString(54 + random.nextInt(10)));
            for (int i = 0; i < 6; i++) {
                interval("HKQuantityTypeIdentifierHeartRateVariabilitySDNN", WATCH, "ms", d, i * 14_000 + 600, 60,
                        decimal(20_000 + random.nextInt(60_000), 3));
            }
            for (int i = 0; i < 8; i++) {
                moment("HKQuantityTypeIdentifierOxygenSaturation", WATCH, "%", d, 3600 + i * 2400,
                        "0." + (94 + random.nextInt(5)));
                interval("HKQuantityTypeIdentifierRespiratoryRate", WATCH, "count/min", d, 3600 + i * 2400, 300,
                        decimal(12_000 + random.nextInt(6000), 3));
            }
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            // A night of stages, ending this morning.
            int at = -5_400 + random.nextInt(1800);
            String[] stages = {"Core", "Deep", "Core", "REM", "Awake", "Core", "Deep", "Core", "REM", "Core", "REM",
                    "Awake", "Core", "REM"};
            interval("HKCategoryTypeIdentifierSleepAnalysis", WATCH, null, d, at - 600, 30_000, null,
                    "HKCategoryValueSleepAnalysisInBed");
            for (String stage : stages) {
                int length = stage.equals("Awake") ? 120 + random.nextInt(300) : 1200 + random.nextInt(1800);
                interval("HKCategoryTypeIdentifierSleepAnalysis", WATCH, null, d, at, length, null,
                        stage.equals("Awake")
                                ? "HKCategoryValueSleepAnalysisAwake"
                                : "HKCategoryValueSleepAnalysisAsleep" + stage);
                at += length;
            }
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.toEpochDay() % 2 == 0) {
                moment("HKQuantityTypeIdentifierBodyMass", "Withings", "lb", d, 25_200,
                        decimal(158_000 + random.nextInt(4000), 3));
            }
        }
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            if (d.toEpochDay() % 3 == 0) {
                String systolic = Integer.toString(115 + random.nextInt(30));
                String diastolic = Integer.toString(72 + random.nextInt(18));
                moment("HKQuantityTypeIdentifierBloodPressureSystolic", "Omron", "mmHg", d, 30_600, systolic);
                moment("HKQuantityTypeIdentifierBloodPressureDiastolic", "Omron", "mmHg", d, 30_600, diastolic);
                String when = date(d, 30_600);
                out.write(" <Correlation type=\"HKCorrelationTypeIdentifierBloodPressure\" sourceName=\"Omron\" "
                        + "creationDate=\"" + when + "\" startDate=\"" + when + "\" endDate=\"" + when + "\">\n");
                moment("HKQuantityTypeIdentifierBloodPressureSystolic", "Omron", "mmHg", d, 30_600, systolic);
                moment("HKQuantityTypeIdentifierBloodPressureDiastolic", "Omron", "mmHg", d, 30_600, diastolic);
                out.write(" </Correlation>\n");
            }
        }
        out.write("</HealthData>\n");
    }

    private static String decimal(long thousandths, int decimals) {
        long scale = (long) Math.pow(10, decimals);
        String fraction = Long.toString(thousandths % scale);
        return thousandths / scale + "." + "0".repeat(decimals - fraction.length()) + fraction;
    }

    private void moment(String type, String source, String unit, LocalDate day, int second, String value)
            throws IOException {
        interval(type, source, unit, day, second, 0, value, null);
    }

    private void interval(String type, String source, String unit, LocalDate day, int second, int length,
            String value) throws IOException {
        interval(type, source, unit, day, second, length, value, null);
    }

    private void interval(String type, String source, String unit, LocalDate day, int second, int length,
            String value, String category) throws IOException {
        String start = date(day, second);
        out.write(" <Record type=\"");
        out.write(type);
        out.write("\" sourceName=\"");
        out.write(source);
        out.write("\" sourceVersion=\"10.1\"");
        if (unit != null) {
            out.write(" unit=\"");
            out.write(unit);
            out.write('"');
        }
        out.write(" creationDate=\"");
        out.write(date(day, second + length + 30));
        out.write("\" startDate=\"");
        out.write(start);
        out.write("\" endDate=\"");
        out.write(length == 0 ? start : date(day, second + length));
        out.write("\" value=\"");
        out.write(category != null ? category : value);
        out.write("\"/>\n");
        written++;
    }

    /** A local time {@code second}s after the day's midnight (negative: the evening before), as Apple writes it. */
    private static String date(LocalDate day, int second) {
        var at = day.atStartOfDay(ZONE).plusSeconds(second);
        ZoneOffset offset = at.getOffset();
        int minutes = offset.getTotalSeconds() / 60;
        return String.format("%04d-%02d-%02d %02d:%02d:%02d %s%02d%02d", at.getYear(), at.getMonthValue(),
                at.getDayOfMonth(), at.getHour(), at.getMinute(), at.getSecond(), minutes < 0 ? "-" : "+",
                Math.abs(minutes) / 60, Math.abs(minutes) % 60);
    }
}
