package app.wellkeep.vitals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A reading outside a limit in force when it arrived. The value and the limit are copied (stored units), so the
 * alert still says what happened after the limit changes or an acknowledged reading is deleted.
 */
@Entity
@Table(name = "alert")
public class Alert extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(name = "rule_code", nullable = false, length = 32)
    public Rule rule;

    /** Which limit of the rule fired (for blood pressure: systolic, else diastolic). */
    @Enumerated(EnumType.STRING)
    @Column(name = "limit_code", nullable = false, length = 32)
    public Limit limitType;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Metric metric;

    @Column(name = "sample_id", nullable = false)
    public UUID sampleId;

    @Column(name = "reading_id", nullable = false)
    public UUID readingId;

    /** The reading's value, or for a weight gain the rise. */
    @Column(name = "alert_value", nullable = false)
    public double value;

    @Column(name = "threshold_value", nullable = false)
    public double threshold;

    @Column(name = "measured_at", nullable = false)
    public Instant measuredAt;

    @Column(name = "utc_offset", nullable = false)
    public int utcOffset;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    @Column(name = "acknowledged_by")
    public UUID acknowledgedBy;

    public boolean isOpen() {
        return acknowledgedAt == null;
    }

    /** When the reading was taken, as the source's clock showed it. */
    public OffsetDateTime localMeasuredAt() {
        return measuredAt.atOffset(ZoneOffset.ofTotalSeconds(utcOffset));
    }

    public static Optional<Alert> findOwned(UUID personId, UUID id) {
        return find("id = ?1 and personId = ?2", id, personId).firstResultOptional();
    }

    public static List<Alert> open(UUID personId) {
        return list("personId = ?1 and acknowledgedAt is null order by createdAt desc, id", personId);
    }

    public static List<Alert> acknowledged(UUID personId, Instant since) {
        return list("personId = ?1 and acknowledgedAt >= ?2 order by acknowledgedAt desc, id", personId, since);
    }
}
