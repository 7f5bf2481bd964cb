package app.wellkeep.checkin;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.coach.TriageEntries;
import app.wellkeep.testsupport.Forms;

/**
 * E-mail reminders driven by an explicit clock: due at the local time, once a day, not after a check-in, right
 * across a daylight-saving change; and the unsubscribe link, which works without signing in and cannot be forged.
 */
@QuarkusTest
class ReminderServiceTest {

    @Inject
    ReminderService reminders;

    @Inject
    UnsubscribeToken tokens;

    @Inject
    MockMailbox mailbox;

    UUID personId;
    static final String EMAIL = "rem@example.org";

    @BeforeEach
    void setUp() {
        mailbox.clear();
        personId = QuarkusTransaction.requiringNew().call(() -> {
            ReminderSetting.deleteAll();
            Person person = new Person();
            person.id = UUID.randomUUID();
            person.subject = "sub-reminders-" + person.id;
            person.displayName = "Robin Reminder";
            person.email = EMAIL;
            person.role = Role.PATIENT;
            person.timeZone = "America/New_York";
            person.createdAt = Instant.parse("2026-01-01T00:00:00Z");
            person.lastSeenAt = person.createdAt;
            person.persist();
            return person.id;
        });
        reminders.save(personId, true, LocalTime.of(19, 0));
    }

    List<Mail> sent() {
        return mailbox.getMailsSentTo(EMAIL);
    }

    @Test
    void remindsOnceAtTheLocalTimeAndNotAfterACheckIn() {
        // 18:59 in New York (EST, UTC-5): not yet
        assertEquals(0, reminders.sendDue(Instant.parse("2026-11-22T23:59:00Z")));
        // 19:00: due
        assertEquals(1, reminders.sendDue(Instant.parse("2026-11-23T00:00:00Z")));
        // later the same local day: already reminded
        assertEquals(0, reminders.sendDue(Instant.parse("2026-11-23T03:00:00Z")));
        assertEquals(1, sent().size());
        Mail mail = sent().get(0);
        assertEquals("Your daily check-in is waiting", mail.getSubject());
        assertTrue(mail.getHtml().contains("Hello Robin Reminder,"));
        assertTrue(mail.getText().contains("/check-in"));
        assertTrue(mail.getHeaders().get("List-Unsubscribe").get(0).contains("/reminders/unsubscribe?p=" + personId));

        // the next local day the person checked in before 19:00: no reminder
        QuarkusTransaction.requiringNew().run(() -> checkInOn(LocalDate.parse("2026-11-23")));
        assertEquals(0, reminders.sendDue(Instant.parse("2026-11-24T00:30:00Z")));
        assertEquals(1, sent().size());
    }

    @Test
    void followsTheLocalTimeAcrossTheEndOfDaylightSaving() {
        // Saturday 31 October 2026, EDT (UTC-4): 19:00 is 23:00Z
        assertEquals(0, reminders.sendDue(Instant.parse("2026-10-31T22:59:00Z")));
        assertEquals(1, reminders.sendDue(Instant.parse("2026-10-31T23:00:00Z")));
        // Sunday 1 November, clocks went back: 19:00 EST is 00:00Z on the 2nd, an hour later in UTC
        assertEquals(0, reminders.sendDue(Instant.parse("2026-11-01T23:00:00Z")));
        assertEquals(0, reminders.sendDue(Instant.parse("2026-11-01T23:59:00Z")));
        assertEquals(1, reminders.sendDue(Instant.parse("2026-11-02T00:00:00Z")));
        assertEquals(2, sent().size());
    }

    @Test
    void noReminderWhenTurnedOffOrWithoutEmail() {
        reminders.save(personId, false, LocalTime.of(19, 0));
        assertEquals(0, reminders.sendDue(Instant.parse("2026-11-23T01:00:00Z")));
        reminders.save(personId, true, LocalTime.of(19, 0));
        QuarkusTransaction.requiringNew().run(() -> Person.<Person>findById(personId).email = null);
        assertEquals(0, reminders.sendDue(Instant.parse("2026-11-23T01:00:00Z")));
        assertTrue(sent().isEmpty());
    }

    @Test
    void theUnsubscribeLinkWorksWithoutSigningIn() {
        String token = tokens.issue(personId);
        String page = "/reminders/unsubscribe?p=" + personId + "&t=" + token;
        given().get(page).then().statusCode(200).body(containsString("Stop reminders"));
        Forms.withCsrfFrom(page).formParam("p", personId.toString()).formParam("t", token)
                .post("/reminders/unsubscribe").then().statusCode(200)
                .body(containsString("You will not get check-in reminders by e-mail any more"));
        assertFalse(enabled());
        assertEquals(0, reminders.sendDue(Instant.parse("2026-11-23T01:00:00Z")));
    }

    @Test
    void aForgedOrAlteredUnsubscribeLinkChangesNothing() {
        UUID someoneElse = UUID.randomUUID();
        String othersToken = tokens.issue(someoneElse);
        given().get("/reminders/unsubscribe?p=" + personId + "&t=" + othersToken).then().statusCode(200)
                .body(containsString("This link is not valid"));
        String valid = tokens.issue(personId);
        String altered = (valid.charAt(0) == 'A' ? 'B' : 'A') + valid.substring(1);
        String page = "/reminders/unsubscribe?p=" + personId + "&t=" + valid;
        for (String bad : List.of(othersToken, altered, "", "not base64 at all!")) {
            Forms.withCsrfFrom(page).formParam("p", personId.toString()).formParam("t", bad)
                    .post("/reminders/unsubscribe").then().statusCode(400)
                    .body(containsString("This link is not valid"));
        }
        Forms.withCsrfFrom(page).formParam("p", "not-a-uuid").formParam("t", valid).post("/reminders/unsubscribe")
                .then().statusCode(400);
        assertTrue(enabled());
    }

    boolean enabled() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ReminderSetting.<ReminderSetting>findById(personId).emailEnabled);
    }

    void checkInOn(LocalDate day) {
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.personId = personId;
        checkIn.localDate = day;
        checkIn.timeZone = "America/New_York";
        checkIn.mood = 3;
        checkIn.energy = 3;
        checkIn.stress = 3;
        checkIn.sleepQuality = 3;
        checkIn.medication = CheckIn.Medication.TAKEN;
        checkIn.symptoms = "";
        checkIn.createdAt = Instant.parse("2026-11-23T20:00:00Z");
        checkIn.updatedAt = checkIn.createdAt;
        checkIn.persist();
        CheckInSummary.refresh(personId);
        TriageEntries.refresh(personId);
    }
}
