package app.wellkeep.ingest;

import java.io.Serializable;
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

/** One entry an import could not take, with where it was and why: what the rejected-rows download lists. */
@Entity
@IdClass(ImportRejection.Key.class)
@Table(name = "import_rejection")
public class ImportRejection extends PanacheEntityBase {

    public static class Key implements Serializable {

        public UUID importId;
        public int seq;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(importId, k.importId) && seq == k.seq;
        }

        @Override
        public int hashCode() {
            return Objects.hash(importId, seq);
        }
    }

    @Id
    @Column(name = "import_id")
    public UUID importId;

    @Id
    public int seq;

    @Column(name = "file_name", nullable = false, length = 255)
    public String fileName;

    /** A line or item number, as the file's importer counts ({@link Importer#positions()}). */
    @Column(nullable = false)
    public long position;

    @Enumerated(EnumType.STRING)
    @Column(name = "position_kind", nullable = false, length = 8)
    public Importer.Positions positions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public Rejection reason;

    @Column(nullable = false, length = 200)
    public String detail;
}
