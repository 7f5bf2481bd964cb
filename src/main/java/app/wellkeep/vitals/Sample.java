package app.wellkeep.vitals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One reading: a metric's value over an interval (a moment when start and end are equal), in the metric's UCUM
 * unit, at UTC instants plus the offset the source recorded it at. Two readings with the same person, metric,
 * source, interval and stage are one reading.
 */
@Entity
@Table(name = "sample")
public class Sample extends PanacheEntityBase {

    /** The stage column of readings that have none. */
    public static final String NO_STAGE = "";

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Metric metric;

    @Column(name = "start_at", nullable = false)
    public Instant startAt;

    @Column(name = "end_at", nullable = false)
    public Instant endAt;

    /** Seconds east of UTC where the reading was taken, so it can be shown as the device saw it. */
    @Column(name = "utc_offset", nullable = false)
    public int utcOffset;

    @Column(name = "sample_value", nullable = false)
    public double value;

    /** A sleep stage, or {@link #NO_STAGE}. */
    @Column(nullable = false, length = 16)
    public String stage;

    /** The device or app that produced the reading ("manual" for readings typed in). */
    @Column(nullable = false, length = 100)
    public String source;

    @Column(nullable = false)
    public boolean manual;

    /** Readings taken together share it: the two values of one blood-pressure measurement. */
    @Column(name = "reading_id", nullable = false)
    public UUID readingId;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The day the reading counts toward in a zone: a night counts toward the morning it ends on. */
    public LocalDate day(ZoneId zone) {
        return LocalDate.ofInstant(metric == Metric.SLEEP ? endAt : startAt, zone);
    }

    /** When the reading started, as the source's clock showed it. */
    public OffsetDateTime localStart() {
        return startAt.atOffset(ZoneOffset.ofTotalSeconds(utcOffset));
    }
}
