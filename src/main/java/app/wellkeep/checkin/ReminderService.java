package app.wellkeep.checkin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.scheduler.Scheduled;

import app.wellkeep.account.Person;

/**
 * E-mail reminders for the daily check-in, at the person's chosen local time, once a local day at most, and only
 * while today's check-in is still open.
 */
@ApplicationScoped
public class ReminderService {

    private static final Logger LOG = Logger.getLogger(ReminderService.class);
    public static final LocalTime DEFAULT_TIME = LocalTime.of(19, 0);

    @CheckedTemplate
    static class Templates {

        static native TemplateInstance mail(String name, String checkInUrl, String unsubscribeUrl);
    }

    @Inject
    Clock clock;

    @Inject
    Mailer mailer;

    @Inject
    UnsubscribeToken tokens;

    @Inject
    CheckInMessages messages;

    @ConfigProperty(name = "wellkeep.public-url")
    String publicUrl;

    /**
     * When the reminder of a local day is due. A time that does not exist that day (clocks go forward) moves
     * forward by the gap; a time that happens twice (clocks go back) is its first occurrence.
     */
    public static Instant dueAt(LocalDate day, LocalTime time, ZoneId zone) {
        return ZonedDateTime.of(day, time, zone).toInstant();
    }

    @Scheduled(every = "${wellkeep.reminders.every:5m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void run() {
        int sent = sendDue(clock.instant());
        if (sent > 0) {
            LOG.infof("Sent %d check-in reminders", sent);
        }
    }

    /** Sends the reminders due at {@code now}; returns how many went out. */
    public int sendDue(Instant now) {
        List<UUID> candidates = QuarkusTransaction.requiringNew()
                .call(() -> ReminderSetting.enabled().stream().map(s -> s.personId).toList());
        int sent = 0;
        for (UUID personId : candidates) {
            Optional<Reminder> reminder = QuarkusTransaction.requiringNew().call(() -> claim(personId, now));
            if (reminder.isPresent()) {
                try {
                    send(reminder.get());
                    sent++;
                } catch (RuntimeException e) {
                    LOG.errorf(e, "Check-in reminder for person %s could not be sent", personId);
                    QuarkusTransaction.requiringNew().run(() -> release(personId, reminder.get().day()));
                }
            }
        }
        return sent;
    }

    record Reminder(UUID personId, String email, String name, LocalDate day) {
    }

    /**
     * Takes today's reminder of one person, if it is due and not yet taken. The conditional update makes two app
     * instances on one database send it once.
     */
    Optional<Reminder> claim(UUID personId, Instant now) {
        ReminderSetting setting = ReminderSetting.findById(personId);
        Person person = Person.findById(personId);
        if (setting == null || person == null || !setting.emailEnabled || person.email == null) {
            return Optional.empty();
        }
        ZoneId zone = person.zone();
        LocalDate today = LocalDate.ofInstant(now, zone);
        if (today.equals(setting.lastSentOn) || now.isBefore(dueAt(today, setting.localTime, zone))
                || CheckIn.findForDay(personId, today).isPresent()) {
            return Optional.empty();
        }
        int taken = ReminderSetting.update(
                "lastSentOn = ?1 where personId = ?2 and (lastSentOn is null or lastSentOn < ?1)", today, personId);
        return taken == 1
                ? Optional.of(new Reminder(personId, person.email, person.displayName, today))
                : Optional.empty();
    }

    private void release(UUID personId, LocalDate day) {
        ReminderSetting.update("lastSentOn = null where personId = ?1 and lastSentOn = ?2", personId, day);
    }

    private void send(Reminder reminder) {
        String unsubscribe = unsubscribeUrl(reminder.personId());
        String html = Templates.mail(reminder.name(), publicUrl + "/check-in", unsubscribe).render();
        String text = messages.mailGreeting(reminder.name()) + "\n\n" + messages.mailBody() + "\n\n" + publicUrl
                + "/check-in\n\n" + messages.mailUnsubscribe() + ": " + unsubscribe + "\n";
        mailer.send(Mail.withHtml(reminder.email(), messages.mailSubject(), html).setText(text)
                .addHeader("List-Unsubscribe", "<" + unsubscribe + ">"));
    }

    public String unsubscribeUrl(UUID personId) {
        return publicUrl + "/reminders/unsubscribe?p=" + personId + "&t=" + tokens.issue(personId);
    }

    public ReminderSetting settings(UUID personId) {
        ReminderSetting setting = ReminderSetting.findById(personId);
        if (setting == null) {
            setting = new ReminderSetting();
            setting.personId = personId;
            setting.emailEnabled = false;
            setting.localTime = DEFAULT_TIME;
        }
        return setting;
    }

    @Transactional
    public void save(UUID personId, boolean emailEnabled, LocalTime time) {
        ReminderSetting setting = ReminderSetting.findById(personId);
        boolean created = setting == null;
        if (created) {
            setting = new ReminderSetting();
            setting.personId = personId;
        }
        setting.emailEnabled = emailEnabled;
        setting.localTime = time;
        if (created) {
            setting.persist();
        }
    }

    /** Turns e-mail reminders off for the person of a valid unsubscribe link; false when the link is not valid. */
    @Transactional
    public boolean unsubscribe(UUID personId, String token) {
        if (!tokens.verify(personId, token)) {
            return false;
        }
        ReminderSetting setting = ReminderSetting.findById(personId);
        if (setting != null) {
            setting.emailEnabled = false;
        }
        return true;
    }
}
