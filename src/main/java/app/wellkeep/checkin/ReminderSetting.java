package app.wellkeep.checkin;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's choice of e-mail reminders for the daily check-in. */
@Entity
@Table(name = "checkin_reminder")
public class ReminderSetting extends PanacheEntityBase {

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled;

    /** When in the person's day the reminder goes out. */
    @Column(name = "local_time", nullable = false)
    public LocalTime localTime;

    /** The local day of the last reminder, so a day gets one at most. */
    @Column(name = "last_sent_on")
    public LocalDate lastSentOn;

    public static List<ReminderSetting> enabled() {
        return list("emailEnabled", true);
    }
}
