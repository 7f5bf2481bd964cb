package app.wellkeep.vitals;

import java.time.Instant;
import java.time.LocalDate;
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
 * A person's readings of one metric and stage from one source on one UTC day, as one batch brought them, packed
 * ({@link Series}). Device and imported readings live here; readings typed in by hand are {@link Sample} rows.
 */
@Entity
@Table(name = "sample_block")
public class SampleBlock extends PanacheEntityBase {

    /** The batch of readings that arrive one request at a time (the device API, demo data), not as an import. */
    public static final UUID NO_BATCH = new UUID(0, 0);

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Metric metric;

    @Column(nullable = false, length = 16)
    public String stage;

    @Column(nullable = false, length = 100)
    public String source;

    /** The UTC day the readings start on; days in a person's zone are counted from the readings themselves. */
    @Column(name = "utc_day", nullable = false)
    public LocalDate utcDay;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    @Column(name = "sample_count", nullable = false)
    public int count;

    @Column(name = "first_start", nullable = false)
    public Instant firstStart;

    @Column(name = "last_end", nullable = false)
    public Instant lastEnd;

    @Column(name = "samples", nullable = false)
    public byte[] samples;

    static long dayStartMs(LocalDate utcDay) {
        return utcDay.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }

    Series series() {
        return Series.decode(samples, dayStartMs(utcDay));
    }

    void store(Series series) {
        samples = series.encode(dayStartMs(utcDay));
        count = series.size();
        firstStart = Instant.ofEpochMilli(series.start(0));
        long lastEndMs = 0;
        for (int i = 0; i < series.size(); i++) {
            lastEndMs = Math.max(lastEndMs, series.end(i));
        }
        lastEnd = Instant.ofEpochMilli(lastEndMs);
    }
}
