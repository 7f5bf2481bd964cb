package app.wellkeep.ingest.fhir;

import java.time.ZoneId;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Pattern;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.Units;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SleepStage;

/**
 * Turns one FHIR R4 Observation into readings, by its LOINC code: the code of each {@link Metric} and the other
 * codes devices and EHRs write for the same thing (weight as 3141-9, glucose by glucometer as 41653-7, steps in 24
 * hours as 41950-7...). A blood-pressure panel gives two readings at the same time, systolic and diastolic, or none
 * if either is missing. Observations that were cancelled, entered in error or only registered (no result yet) and
 * those of other codes are counted as skipped.
 */
final class ObservationReadings {

    static final String LOINC = "http://loinc.org";
    private static final String UCUM = "http://unitsofmeasure.org";

    /**
     * Codes for a metric besides its own ({@link Metric#byLoinc}): weight measured (3141-9), glucose in moles
     * (15074-8) and by glucometer (41653-7), oxygen saturation in arterial blood (2708-6), steps in 24 hours
     * (41950-7, a count over the period the Observation gives).
     */
    private static final Map<String, Metric> OTHER_CODES = Map.of("3141-9", Metric.WEIGHT, "15074-8", Metric.GLUCOSE,
            "41653-7", Metric.GLUCOSE, "2708-6", Metric.OXYGEN_SATURATION, "41950-7", Metric.STEPS);

    /** Blood pressure panels: 85354-9 (the vital-signs profile's) and 55284-4 (older systems'). */
    private static final Set<String> BLOOD_PRESSURE_PANELS = Set.of("85354-9", "55284-4");

    /** Statuses whose value is not a result to keep. */
    private static final Set<String> NOT_RESULTS = Set.of("entered-in-error", "cancelled", "registered");

    /**
     * Steps per day in LOINC's own unit for 41950-7 ({@code /(24.h)}) and its usual spellings; the period the
     * Observation gives says which day, so the value is a count like any other.
     */
    private static final Set<String> STEPS_PER_DAY = Set.of("/(24.h)", "/d", "{steps}/d", "{steps}/(24.h)", "/24h",
            "steps/day");

    /** What a LOINC code looks like; anything else is not named in the skipped counts. */
    private static final Pattern LOINC_CODE = Pattern.compile("\\d{1,7}-\\d");

    private final ReadingSink sink;
    private final ZoneId zone;
    private final DeviceNames devices;

    ObservationReadings(ReadingSink sink, ZoneId zone, DeviceNames devices) {
        this.sink = sink;
        this.zone = zone;
        this.devices = devices;
    }

    void read(Observation observation, long position) {
        String status = observation.getStatusElement().getValueAsString();
        if (status != null && NOT_RESULTS.contains(status)) {
            sink.skipped("Observation " + status);
            return;
        }
        String code = knownCode(observation.getCode());
        if (code == null) {
            String other = firstLoinc(observation.getCode());
            sink.skipped(other == null ? "Observation" : "Observation " + other);
            return;
        }
        try {
            if (BLOOD_PRESSURE_PANELS.contains(code)) {
                bloodPressure(observation, position);
            } else {
                Metric metric = metric(code);
                Span span = EffectiveTime.of(observation.getEffective(), daily(metric), zone);
                double value = value(metric, observation.getValue());
                report(metric, span, value, devices.source(observation), position);
            }
        } catch (Unreadable e) {
            sink.rejected(position, e.reason(), e.detail());
        }
    }

    private void bloodPressure(Observation observation, long position) throws Unreadable {
        Span span = EffectiveTime.of(observation.getEffective(), false, zone);
        Double systolic = null;
        Double diastolic = null;
        for (ObservationComponentComponent component : observation.getComponent()) {
            String code = knownCode(component.getCode());
            Metric metric = code == null ? null : metric(code);
            if (metric == Metric.SYSTOLIC && systolic == null) {
                systolic = component(metric, component);
            } else if (metric == Metric.DIASTOLIC && diastolic == null) {
                diastolic = component(metric, component);
            }
        }
        if (systolic == null || diastolic == null) {
            throw new Unreadable(Rejection.MISSING_FIELD,
                    "blood pressure panel without a " + (systolic == null ? "systolic" : "diastolic") + " component");
        }
        String source = devices.source(observation);
        report(Metric.SYSTOLIC, span, systolic, source, position);
        report(Metric.DIASTOLIC, span, diastolic, source, position);
    }

    private static double component(Metric metric, ObservationComponentComponent component) throws Unreadable {
        try {
            return value(metric, component.getValue());
        } catch (Unreadable e) {
            throw new Unreadable(e.reason(), metric.slug() + " component: " + e.detail());
        }
    }

    private void report(Metric metric, Span span, double value, String source, long position) {
        String stage = metric == Metric.SLEEP ? SleepStage.ASLEEP.name() : "";
        sink.reading(metric, span.start(), span.end(), span.utcOffsetSeconds(), value, stage, source, position);
    }

    /** Metrics a whole day's figure can be written for with a date alone. */
    private static boolean daily(Metric metric) {
        return metric.aggregation() == Metric.Aggregation.SUM;
    }

    private static double value(Metric metric, Type value) throws Unreadable {
        if (value == null || value.isEmpty()) {
            throw new Unreadable(Rejection.MISSING_FIELD, "no value");
        }
        if (value instanceof IntegerType count && metric == Metric.STEPS && count.hasValue()) {
            return count.getValue();
        }
        if (!(value instanceof Quantity quantity)) {
            throw new Unreadable(Rejection.INVALID_FIELD, "value of type " + value.fhirType() + ", not a Quantity");
        }
        if (!quantity.hasValue()) {
            throw new Unreadable(Rejection.MISSING_FIELD, "valueQuantity without a value");
        }
        if (quantity.hasComparator()) {
            throw new Unreadable(Rejection.INVALID_FIELD, "valueQuantity with a comparator, not a measured value");
        }
        double number = quantity.getValue().doubleValue();
        if (!Double.isFinite(number)) {
            throw new Unreadable(Rejection.INVALID_FIELD, "valueQuantity out of range");
        }
        String code = quantity.hasCode() && (!quantity.hasSystem() || UCUM.equals(quantity.getSystem()))
                ? quantity.getCode()
                : null;
        String unit = quantity.hasUnit() ? quantity.getUnit() : null;
        if (code == null && unit == null) {
            throw new Unreadable(Rejection.MISSING_FIELD, "valueQuantity without a unit");
        }
        OptionalDouble stored = toStored(metric, number, code);
        if (stored.isEmpty()) {
            stored = toStored(metric, number, unit);
        }
        if (stored.isEmpty()) {
            throw new Unreadable(Rejection.UNKNOWN_UNIT,
                    "unit " + quote(code != null ? code : unit) + " for " + metric.slug());
        }
        return stored.getAsDouble();
    }

    private static OptionalDouble toStored(Metric metric, double value, String unit) {
        if (unit == null) {
            return OptionalDouble.empty();
        }
        if (metric == Metric.STEPS && STEPS_PER_DAY.contains(unit.strip())) {
            return OptionalDouble.of(value);
        }
        return Units.toStored(metric, value, unit);
    }

    private static Metric metric(String code) {
        Metric other = OTHER_CODES.get(code);
        return other != null ? other : Metric.byLoinc(code).orElse(null);
    }

    /** The first LOINC coding of a code Wellkeep keeps, or null. */
    private static String knownCode(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (LOINC.equals(coding.getSystem()) && coding.hasCode()) {
                String code = coding.getCode().strip();
                if (metric(code) != null || BLOOD_PRESSURE_PANELS.contains(code)) {
                    return code;
                }
            }
        }
        return null;
    }

    private static String firstLoinc(CodeableConcept concept) {
        for (Coding coding : concept.getCoding()) {
            if (LOINC.equals(coding.getSystem()) && coding.hasCode()) {
                String code = coding.getCode().strip();
                return LOINC_CODE.matcher(code).matches() ? code : null;
            }
        }
        return null;
    }

    /** A unit as the file wrote it, short and printable, for the rejection's detail. */
    private static String quote(String unit) {
        String line = DeviceNames.clean(unit, 20);
        return "'" + (line == null ? "" : line) + "'";
    }
}
