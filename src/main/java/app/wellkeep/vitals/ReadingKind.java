package app.wellkeep.vitals;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** What a patient can type in by hand; blood pressure is two values taken together. */
public enum ReadingKind {

    BLOOD_PRESSURE("blood-pressure", List.of(new Field("systolic", Metric.SYSTOLIC),
            new Field("diastolic", Metric.DIASTOLIC))), WEIGHT("weight",
                    List.of(new Field("value", Metric.WEIGHT))), GLUCOSE("glucose",
                            List.of(new Field("value", Metric.GLUCOSE))), TEMPERATURE("temperature",
                                    List.of(new Field("value", Metric.BODY_TEMPERATURE))), SPO2("spo2",
                                            List.of(new Field("value", Metric.OXYGEN_SATURATION)));

    /** A form field and the metric its value is stored as. */
    public record Field(String name, Metric metric) {
    }

    private final String slug;
    private final List<Field> fields;

    ReadingKind(String slug, List<Field> fields) {
        this.slug = slug;
        this.fields = fields;
    }

    public String slug() {
        return slug;
    }

    public List<Field> fields() {
        return fields;
    }

    public static Optional<ReadingKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }

    /** The kind whose metrics these are, e.g. systolic and diastolic: blood pressure. */
    public static Optional<ReadingKind> ofMetrics(Set<Metric> metrics) {
        return Arrays.stream(values())
                .filter(k -> k.fields.stream().map(Field::metric).collect(Collectors.toSet()).equals(metrics))
                .findFirst();
    }
}
