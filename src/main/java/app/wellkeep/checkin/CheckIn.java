package app.wellkeep.checkin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The daily check-in: one per person and local day in the person's time zone. */
@Entity
@Table(name = "checkin")
public class CheckIn extends PanacheEntityBase {

    public enum Medication {
        TAKEN, NOT_TAKEN, NOT_APPLICABLE
    }

    public enum Symptom {
        HEADACHE, FATIGUE, DIZZINESS, SHORTNESS_OF_BREATH, CHEST_PAIN, PALPITATIONS, NAUSEA, PAIN, COUGH, FEVER, POOR_APPETITE, TROUBLE_SLEEPING
    }

    @Id
    public UUID id;

    @Column(name = "person_id", nullable = false)
    public UUID personId;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(name = "time_zone", nullable = false, length = 64)
    public String timeZone;

    @Column(nullable = false)
    public short mood;

    @Column(nullable = false)
    public short energy;

    @Column(nullable = false)
    public short stress;

    @Column(name = "sleep_quality", nullable = false)
    public short sleepQuality;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Medication medication;

    /** Symptom codes, comma-separated; empty when none. */
    @Column(nullable = false, length = 400)
    public String symptoms;

    @Column(name = "symptom_note", length = 500)
    public String symptomNote;

    @Column(length = 1000)
    public String note;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public Set<Symptom> symptomSet() {
        if (symptoms == null || symptoms.isEmpty()) {
            return EnumSet.noneOf(Symptom.class);
        }
        return Arrays.stream(symptoms.split(",")).map(Symptom::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Symptom.class)));
    }

    public static String encode(Set<Symptom> symptoms) {
        return symptoms.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    public static Optional<CheckIn> findForDay(UUID personId, LocalDate day) {
        return find("personId = ?1 and localDate = ?2", personId, day).firstResultOptional();
    }

    /** Check-ins from {@code from} to {@code to}, both included, oldest first. */
    public static List<CheckIn> between(UUID personId, LocalDate from, LocalDate to) {
        return list("personId = ?1 and localDate >= ?2 and localDate <= ?3 order by localDate", personId, from, to);
    }
}
