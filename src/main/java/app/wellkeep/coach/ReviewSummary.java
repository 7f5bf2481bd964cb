package app.wellkeep.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import app.wellkeep.account.Person;

/**
 * The latest review of any of a patient's check-ins, and the day of the check-in it reviewed, for rosters of many
 * patients. Derived from the reviews and rewritten by {@link #refresh} after each review and undo.
 */
@Entity
@Table(name = "review_summary")
public class ReviewSummary extends PanacheEntityBase {

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "reviewed_at", nullable = false)
    public Instant reviewedAt;

    @Column(name = "checkin_date", nullable = false)
    public LocalDate checkInDate;

    /**
     * Rewrites the patient's summary from their reviews, in the caller's transaction; the patient's row is locked
     * first, so two reviews written at once leave the later one.
     */
    public static void refresh(UUID patientId) {
        if (Person.findById(patientId, LockModeType.PESSIMISTIC_WRITE) == null) {
            return;
        }
        List<Object[]> latest = getEntityManager().createQuery("select r.reviewedAt, c.localDate from CheckInReview r, "
                + "CheckIn c where c.id = r.checkinId and r.patientId = ?1 order by r.reviewedAt desc, c.localDate desc",
                Object[].class).setParameter(1, patientId).setMaxResults(1).getResultList();
        ReviewSummary summary = findById(patientId);
        if (latest.isEmpty()) {
            if (summary != null) {
                summary.delete();
            }
            return;
        }
        boolean created = summary == null;
        if (created) {
            summary = new ReviewSummary();
            summary.patientId = patientId;
        }
        summary.reviewedAt = (Instant) latest.get(0)[0];
        summary.checkInDate = (LocalDate) latest.get(0)[1];
        if (created) {
            summary.persist();
        }
    }

    /** The patients with reviews and no summary yet. */
    static List<UUID> missing() {
        return getEntityManager().createQuery("select distinct r.patientId from CheckInReview r where not exists "
                + "(select 1 from ReviewSummary s where s.patientId = r.patientId)", UUID.class).getResultList();
    }
}
