package app.wellkeep.ingest;

import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A count of one import: entries rejected for one reason, entries of one skipped type, or files nobody reads. */
@Entity
@IdClass(ImportTally.Key.class)
@Table(name = "import_tally")
public class ImportTally extends PanacheEntityBase {

    public enum Kind {
        REJECTED, SKIPPED, FILE_SKIPPED
    }

    public static class Key implements Serializable {

        public UUID importId;
        public Kind kind;
        public String label;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(importId, k.importId) && kind == k.kind
                    && Objects.equals(label, k.label);
        }

        @Override
        public int hashCode() {
            return Objects.hash(importId, kind, label);
        }
    }

    @Id
    @Column(name = "import_id")
    public UUID importId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Kind kind;

    /** The rejection reason, the record type or the file name. */
    @Id
    @Column(length = 120)
    public String label;

    @Column(name = "tally_count", nullable = false)
    public long count;

    public static List<ImportTally> of(UUID importId) {
        return list("importId = ?1 order by kind, count desc, label", importId);
    }
}
