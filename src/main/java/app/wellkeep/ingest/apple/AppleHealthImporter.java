package app.wellkeep.ingest.apple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.codehaus.stax2.typed.TypedXMLStreamReader;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ImportException;
import app.wellkeep.ingest.ImportException.Problem;
import app.wellkeep.ingest.Importer;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.SafeXml;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SleepStage;

/**
 * The {@code export.xml} of an Apple Health export ("Export All Health Data" on an iPhone, inside
 * {@code export.zip}). Streams the document; each {@code Record} is one reading, dated like
 * {@code 2024-10-25 07:04:44 -0500} (the offset is kept). Blood-pressure values appear inside their
 * {@code Correlation} and again on their own: both are reported, and the pipeline keeps one of each. Percentages
 * (SpO2, body fat) are written as fractions and stored as percent. Record types Wellkeep does not keep, workouts,
 * activity summaries and clinical records are counted as skipped.
 */
public class AppleHealthImporter implements Importer {

    private static final String FORMAT = "apple-health";

    /** A record type Wellkeep keeps: its metric, and the factor for values Apple writes as fractions. */
    private record Kind(Metric metric, double fractionToPercent) {
    }

    private static final Map<String, Kind> KINDS = new HashMap<>();

    static {
        kind("HKQuantityTypeIdentifierHeartRate", Metric.HEART_RATE);
        kind("HKQuantityTypeIdentifierRestingHeartRate", Metric.RESTING_HEART_RATE);
        kind("HKQuantityTypeIdentifierHeartRateVariabilitySDNN", Metric.HEART_RATE_VARIABILITY);
        kind("HKQuantityTypeIdentifierStepCount", Metric.STEPS);
        kind("HKQuantityTypeIdentifierDistanceWalkingRunning", Metric.DISTANCE);
        kind("HKQuantityTypeIdentifierActiveEnergyBurned", Metric.ACTIVE_ENERGY);
        kind("HKCategoryTypeIdentifierSleepAnalysis", Metric.SLEEP);
        kind("HKQuantityTypeIdentifierBodyMass", Metric.WEIGHT);
        kind("HKQuantityTypeIdentifierBodyMassIndex", Metric.BODY_MASS_INDEX);
        KINDS.put("HKQuantityTypeIdentifierBodyFatPercentage", new Kind(Metric.BODY_FAT, 100));
        kind("HKQuantityTypeIdentifierBloodPressureSystolic", Metric.SYSTOLIC);
        kind("HKQuantityTypeIdentifierBloodPressureDiastolic", Metric.DIASTOLIC);
        kind("HKQuantityTypeIdentifierBloodGlucose", Metric.GLUCOSE);
        KINDS.put("HKQuantityTypeIdentifierOxygenSaturation", new Kind(Metric.OXYGEN_SATURATION, 100));
        kind("HKQuantityTypeIdentifierRespiratoryRate", Metric.RESPIRATORY_RATE);
        kind("HKQuantityTypeIdentifierBodyTemperature", Metric.BODY_TEMPERATURE);
    }

    private static void kind(String type, Metric metric) {
        KINDS.put(type, new Kind(metric, 1));
    }

    private static final Map<String, SleepStage> SLEEP_VALUES = Map.of("HKCategoryValueSleepAnalysisInBed",
            SleepStage.IN_BED, "HKCategoryValueSleepAnalysisAsleep", SleepStage.ASLEEP,
            "HKCategoryValueSleepAnalysisAsleepUnspecified", SleepStage.ASLEEP,
            "HKCategoryValueSleepAnalysisAsleepCore",
            SleepStage.CORE, "HKCategoryValueSleepAnalysisAsleepDeep", SleepStage.DEEP,
            "HKCategoryValueSleepAnalysisAsleepREM", SleepStage.REM, "HKCategoryValueSleepAnalysisAwake",
            SleepStage.AWAKE);

    /** Elements below the root that are not records: counted once each as a skipped type. */
    private static final java.util.Set<String> OTHER_ELEMENTS = java.util.Set.of("Workout", "ActivitySummary",
            "ClinicalRecord", "Audiogram", "VisionPrescription");

    @Override
    public String format() {
        return FORMAT;
    }

    @Override
    public boolean reads(String fileName, byte[] head) {
        String name = fileName.toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".xml") && new String(head, StandardCharsets.UTF_8).contains("<HealthData");
    }

    @Override
    public void read(ImportContext context, InputStream in, ReadingSink sink) throws IOException {
        XMLStreamReader xml = SafeXml.open(in);
        TypedXMLStreamReader typed = SafeXml.typed(xml);
        Attributes attributes = new Attributes();
        try {
            boolean root = false;
            int depth = 0;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    continue;
                }
                if (event != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                depth++;
                String element = xml.getLocalName();
                if (!root) {
                    if (!element.equals("HealthData")) {
                        throw new ImportException(Problem.UNSUPPORTED_FORMAT, "root element is not HealthData");
                    }
                    root = true;
                } else if (element.equals("Record")) {
                    record(xml, typed, attributes, sink);
                } else if (depth == 2 && OTHER_ELEMENTS.contains(element)) {
                    sink.skipped(element);
                }
            }
            if (!root) {
                throw new ImportException(Problem.EMPTY, "no HealthData element");
            }
        } catch (XMLStreamException e) {
            throw SafeXml.problem(e);
        } finally {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // Closing a reader that already failed tells nothing new.
            }
        }
    }

    /**
     * The attributes of one record, read in place ({@link AttributeText}): only the few a reading needs, and only
     * those become Strings (one per distinct source and unit).
     */
    private static final class Attributes {

        final AttributeText type = new AttributeText();
        final AttributeText source = new AttributeText();
        final AttributeText unit = new AttributeText();
        final AttributeText start = new AttributeText();
        final AttributeText end = new AttributeText();
        final AttributeText value = new AttributeText();
        final Map<CharSequence, String> skippedTypes = new HashMap<>();
    }

    private static void record(XMLStreamReader xml, TypedXMLStreamReader typed, Attributes a, ReadingSink sink)
            throws XMLStreamException {
        boolean type = false;
        boolean source = false;
        boolean unit = false;
        boolean start = false;
        boolean end = false;
        boolean value = false;
        for (int i = 0, n = xml.getAttributeCount(); i < n; i++) {
            switch (xml.getAttributeLocalName(i)) {
                case "type" -> type = a.type.read(typed, i);
                case "sourceName" -> source = a.source.read(typed, i);
                case "unit" -> unit = a.unit.read(typed, i);
                case "startDate" -> start = a.start.read(typed, i);
                case "endDate" -> end = a.end.read(typed, i);
                case "value" -> value = a.value.read(typed, i);
                default -> {
                    // creationDate, sourceVersion, device: not needed.
                }
            }
        }
        long line = xml.getLocation().getLineNumber();
        Kind kind = type ? KINDS.get(a.type) : null;
        if (kind == null) {
            sink.skipped(type ? skippedType(a) : "Record without type");
            return;
        }
        if (!start || !end) {
            sink.rejected(line, Rejection.MISSING_FIELD, "startDate or endDate missing");
            return;
        }
        long startSecond = AppleDate.epochSecond(a.start);
        long endSecond = AppleDate.epochSecond(a.end);
        if (startSecond == AppleDate.INVALID || endSecond == AppleDate.INVALID) {
            sink.rejected(line, Rejection.BAD_TIME, "date not in the form 2024-10-25 07:04:44 -0500");
            return;
        }
        int offset = AppleDate.offsetSeconds(a.start);
        String sourceName = source ? a.source.canonical() : "Apple Health";
        if (!value) {
            sink.rejected(line, Rejection.MISSING_FIELD, "value missing");
            return;
        }
        Instant startAt = Instant.ofEpochSecond(startSecond);
        Instant endAt = Instant.ofEpochSecond(endSecond);
        if (kind.metric() == Metric.SLEEP) {
            SleepStage stage = SLEEP_VALUES.get(a.value.canonical());
            if (stage == null) {
                sink.rejected(line, Rejection.INVALID_FIELD, "unknown sleep value");
                return;
            }
            sink.reading(Metric.SLEEP, startAt, endAt, offset, (endSecond - startSecond) / 60.0, stage.name(),
                    sourceName, line);
            return;
        }
        double number;
        try {
            number = a.value.toDouble();
        } catch (NumberFormatException e) {
            sink.rejected(line, Rejection.INVALID_FIELD, "value is not a number");
            return;
        }
        String unitName = unit ? a.unit.canonical() : null;
        OptionalDouble stored = kind.fractionToPercent() != 1
                ? (unitName == null || unitName.equals("%")
                        ? OptionalDouble.of(number * kind.fractionToPercent())
                        : OptionalDouble.empty())
                : convert(kind.metric(), number, unitName);
        if (stored.isEmpty()) {
            sink.rejected(line, Rejection.UNKNOWN_UNIT, "unit " + unitName);
            return;
        }
        sink.reading(kind.metric(), startAt, endAt, offset, stored.getAsDouble(), "", sourceName, line);
    }

    /** A type Wellkeep does not keep, as a String once per distinct type (an export skips a few types often). */
    private static String skippedType(Attributes a) {
        String known = a.skippedTypes.get(a.type);
        if (known != null) {
            return known;
        }
        String text = a.type.toString();
        if (a.skippedTypes.size() < 1024) {
            a.skippedTypes.put(text, text);
        }
        return text;
    }

    /**
     * Apple writes glucose in mmol/L with the molar mass it used: {@code mmol<180.1558800000541>/L}; that mass
     * converts it, the rest goes by the usual units.
     */
    static OptionalDouble convert(Metric metric, double value, String unit) {
        if (unit != null && metric == Metric.GLUCOSE && unit.startsWith("mmol<") && unit.endsWith(">/L")) {
            try {
                double molarMass = Double.parseDouble(unit.substring(5, unit.length() - 3));
                return OptionalDouble.of(value * molarMass / 10);
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return Units.toStored(metric, value, unit);
    }
}
