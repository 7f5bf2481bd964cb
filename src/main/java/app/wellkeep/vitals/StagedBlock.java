package app.wellkeep.vitals;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Part of a batch still being read, packed like {@link SampleBlock}: no page sees it. One key (metric, stage,
 * source, day) may have several parts when the batch's readings of it came far apart in the file. The attempt number
 * keeps the parts of an abandoned attempt apart from those of the attempt that finishes.
 */
@Entity
@Table(name = "staged_block")
public class StagedBlock extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "batch_id", nullable = false)
    public UUID batchId;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Metric metric;

    @Column(nullable = false, length = 16)
    public String stage;

    @Column(nullable = false, length = 100)
    public String source;

    @Column(name = "utc_day", nullable = false)
    public LocalDate utcDay;

    @Column(name = "sample_count", nullable = false)
    public int count;

    @Column(name = "samples", nullable = false)
    public byte[] samples;
}
