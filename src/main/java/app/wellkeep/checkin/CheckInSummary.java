package app.wellkeep.checkin;

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
import app.wellkeep.common.RecentDays;

/**
 * A patient's recent check-in days in one row, for rosters of many patients: the latest day and, as bits, which of
 * the {@value #DAYS} days up to it have a check-in (bit {@code i}: the latest day minus {@code i}). Derived from the
 * check-ins and rewritten by {@link #refresh} whenever one is added; never edited otherwise.
 */
@Entity
@Table(name = "checkin_summary")
public class CheckInSummary extends PanacheEntityBase {

    /** The days a summary covers ({@link RecentDays}). */
    public static final int DAYS = RecentDays.DAYS;

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "last_checkin", nullable = false)
    public LocalDate lastCheckIn;

    @Column(name = "checkin_days", nullable = false)
    public long days;

    /**
     * Rewrites the patient's summary from their check-ins, in the caller's transaction. The patient's row is locked
     * first, so two check-ins written at once are both counted, whichever commits last.
     */
    public static void refresh(UUID personId) {
        Person person = Person.findById(personId, LockModeType.PESSIMISTIC_WRITE);
        if (person == null) {
            return;
        }
        LocalDate last = getEntityManager()
                .createQuery("select max(c.localDate) from CheckIn c where c.personId = ?1", LocalDate.class)
                .setParameter(1, personId).getSingleResult();
        CheckInSummary summary = findById(personId);
        if (last == null) {
            if (summary != null) {
                summary.delete();
            }
            return;
        }
        List<LocalDate> recent = getEntityManager()
                .createQuery("select c.localDate from CheckIn c where c.personId = ?1 and c.localDate > ?2",
                        LocalDate.class)
                .setParameter(1, personId).setParameter(2, last.minusDays(DAYS)).getResultList();
        boolean created = summary == null;
        if (created) {
            summary = new CheckInSummary();
            summary.personId = personId;
        }
        summary.lastCheckIn = last;
        summary.days = RecentDays.of(last, recent);
        if (created) {
            summary.persist();
        }
    }

    /** The people with check-ins and no summary yet (after an upgrade, or data loaded around the application). */
    static List<UUID> missing() {
        return getEntityManager().createQuery("select distinct c.personId from CheckIn c where not exists "
                + "(select 1 from CheckInSummary s where s.personId = c.personId)", UUID.class).getResultList();
    }
}
