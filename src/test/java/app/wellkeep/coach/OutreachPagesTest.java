package app.wellkeep.coach;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.audit.AuditEvent;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.testsupport.Forms;

/** The outreach list, the windows a coach or a team sets, and the outreach log, through their pages. */
@QuarkusTest
class OutreachPagesTest {

    private static final Set<Category> CHECK_INS = EnumSet.of(Category.CHECK_INS);
    private static final Set<Category> ACTIVITY = EnumSet.of(Category.ACTIVITY);
    private static final Set<Category> ALERTS = EnumSet.of(Category.ALERTS);

    @Inject
    EntityManagerFactory emf;

    @Inject
    OutreachService outreach;

    private static Person coach(String subject) {
        return ConsentFixture.person(subject, Role.COACH);
    }

    private static Person patient(String name) {
        return ConsentFixture.person(name + "-" + UUID.randomUUID().toString().substring(0, 6), Role.PATIENT);
    }

    private static Person sharing(Person coach, String name, Set<Category> categories) {
        Person p = patient(name);
        ConsentFixture.grant(p, coach, null, categories, null, null, null);
        return p;
    }

    private static String list() {
        return given().get("/care-team/outreach").then().statusCode(200).extract().asString();
    }

    /** The row of one patient on the list, or null when they are not listed. */
    private static String row(String page, Person patient) {
        Matcher m = Pattern.compile("(?s)<tr class=\"outreach-row[^\"]*\" data-patient=\"" + patient.id
                + "\">(.*?)</tr>").matcher(page);
        return m.find() ? m.group(0) : null;
    }

    @Test
    @TestSecurity(user = "outreach-boundaries", roles = "coach")
    void eachRuleListsAPatientAtItsBoundaryAndNotBefore() {
        Person coach = coach("outreach-boundaries");
        Person twoDays = sharing(coach, "gap-2", CHECK_INS);
        ConsentFixture.checkIn(twoDays, ConsentFixture.today().minusDays(2), null);
        Person threeDays = sharing(coach, "gap-3", CHECK_INS);
        ConsentFixture.checkIn(threeDays, ConsentFixture.today().minusDays(3), null);
        Person never = sharing(coach, "never", CHECK_INS);
        Person fifteen = sharing(coach, "data-15", ACTIVITY);
        OutreachFixture.stepsOnDays(fifteen, ConsentFixture.today(), 15);
        Person sixteen = sharing(coach, "data-16", ACTIVITY);
        OutreachFixture.stepsOnDays(sixteen, ConsentFixture.today(), 16);
        Instant now = Instant.now();
        Person almost = sharing(coach, "alert-23h59", ALERTS);
        OutreachFixture.openAlert(almost, now.minus(Duration.ofHours(24).minusMinutes(1)));
        Person day = sharing(coach, "alert-24h", ALERTS);
        OutreachFixture.openAlert(day, now.minus(Duration.ofHours(24)));

        String page = list();
        assertEquals(null, row(page, twoDays), "2 days without a check-in");
        assertTrue(row(page, threeDays).contains("3 days ago"));
        assertTrue(row(page, never).contains("None seen in 30 days"), "counted from the grant's start");
        assertTrue(row(page, fifteen).contains("15 of 30"));
        assertEquals(null, row(page, sixteen), "16 of 30 days with readings");
        assertEquals(null, row(page, almost), "an alert open for 23h59");
        assertTrue(row(page, day).contains("1 overdue"));
        // A category not shared is no reason and shows as not shared, never as empty figures.
        String gap = row(page, threeDays);
        assertEquals(2, gap.split("Not shared", -1).length - 1, "readings and alerts are not shared");
        assertFalse(gap.contains("0 of 30") || gap.contains("None overdue"));
        assertTrue(gap.contains("No recent check-in") && !gap.contains("Few days with readings"));
        assertTrue(row(page, fifteen).contains("Few days with readings"));
        assertTrue(row(page, day).contains("Alert not acknowledged"));
    }

    @Test
    @TestSecurity(user = "outreach-window", roles = "coach")
    void onlyDaysInsideTheGrantsWindowCount() {
        Person coach = coach("outreach-window");
        Person windowed = patient("windowed");
        ConsentFixture.grant(windowed, coach, null, EnumSet.of(Category.ACTIVITY, Category.CHECK_INS),
                ConsentFixture.today().minusDays(5), null, null);
        OutreachFixture.stepsOnDays(windowed, ConsentFixture.today(), 20);
        ConsentFixture.checkIn(windowed, ConsentFixture.today().minusDays(8), null);
        String row = row(list(), windowed);
        assertTrue(row.contains("6 of 30"), "the six days from the window's first: " + row);
        // The check-in before the window is not seen: the gap counts from the window's first day.
        assertTrue(row.contains("None seen in 5 days"), row);
    }

    @Test
    @TestSecurity(user = "outreach-policy", roles = "coach")
    void theRecipientsPolicyApplies() {
        Person coach = coach("outreach-policy");
        UUID team = ConsentFixture.team("Outreach team " + UUID.randomUUID(), List.of(coach));
        Person direct = sharing(coach, "direct-5", CHECK_INS);
        ConsentFixture.checkIn(direct, ConsentFixture.today().minusDays(5), null);
        Person viaTeam = patient("team-2");
        ConsentFixture.grant(viaTeam, null, team, CHECK_INS, null, null, null);
        ConsentFixture.checkIn(viaTeam, ConsentFixture.today().minusDays(2), null);
        String before = list();
        assertTrue(row(before, direct) != null && row(before, viaTeam) == null, "the defaults: 3 days");

        policy("", "10", "16", "24").then().statusCode(303);
        policy(team.toString(), "2", "16", "24").then().statusCode(303);
        String after = list();
        assertEquals(null, row(after, direct), "the coach's own 10 days");
        assertTrue(row(after, viaTeam) != null, "the team's 2 days for the team's patient");

        given().get("/care-team/outreach/policy").then().statusCode(200)
                .body(containsString("Last changed by outreach-policy"))
                .body(containsString("value=\"10\"")).body(containsString("value=\"2\""));
    }

    private static io.restassured.response.Response policy(String team, String gap, String data, String hours) {
        return Forms.withCsrfFrom("/care-team/outreach/policy").formParam("team", team)
                .formParam("checkInGapDays", gap).formParam("minDataDays", data).formParam("alertHours", hours)
                .post("/care-team/outreach/policy");
    }

    @Test
    @TestSecurity(user = "outreach-policy-invalid", roles = "coach")
    void thePolicyFormRefusesValuesOutOfRangeAndTeamsOfOthers() {
        coach("outreach-policy-invalid");
        String[][] cases = {{"0", "16", "24", "Enter a number from 1 to 90."},
                {"91", "16", "24", "Enter a number from 1 to 90."}, {"3", "0", "24", "Enter a number from 1 to 30."},
                {"3", "31", "24", "Enter a number from 1 to 30."}, {"3", "16", "0", "Enter a number from 1 to 720."},
                {"3", "16", "721", "Enter a number from 1 to 720."}, {"x", "16", "24", "Enter a whole number."},
                {"", "16", "24", "Enter a value."}};
        for (String[] c : cases) {
            policy("", c[0], c[1], c[2]).then().statusCode(422).body(containsString(c[3]))
                    .body(containsString("aria-invalid=\"true\""));
        }
        policy("1", "90", "1", "720").then().statusCode(422);
        UUID othersTeam = ConsentFixture.team("Not mine " + UUID.randomUUID(), List.of());
        policy(othersTeam.toString(), "3", "16", "24").then().statusCode(422)
                .body(containsString("You are not a member of that care team."));
        assertEquals(0L, (long) QuarkusTransaction.requiringNew()
                .call(() -> OutreachPolicy.count("teamId", othersTeam)));
        policy("", "90", "30", "720").then().statusCode(303);
        policy("", "1", "1", "1").then().statusCode(303);
    }

    private static io.restassured.response.Response contact(Person patient, String when, String channel,
            String outcome, String note) {
        return Forms.withCsrf().formParam("contactedAt", when).formParam("channel", channel)
                .formParam("outcome", outcome).formParam("note", note)
                .post("/care-team/patients/" + patient.id + "/outreach");
    }

    private static String local(Instant instant) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
                .format(LocalDateTime.ofInstant(instant, ZoneId.of(ConsentFixture.ZONE)));
    }

    @Test
    @TestSecurity(user = "outreach-log", roles = "coach")
    void aContactIsCheckedLoggedWithItsReasonsAndMarksThePatientContacted() {
        Person coach = coach("outreach-log");
        Person patient = sharing(coach, "to-call", CHECK_INS);
        ConsentFixture.checkIn(patient, ConsentFixture.today().minusDays(4), null);
        Person other = sharing(coach, "not-called", CHECK_INS);
        ConsentFixture.checkIn(other, ConsentFixture.today().minusDays(3), null);
        String before = list();
        assertTrue(before.indexOf(patient.id.toString()) < before.indexOf(other.id.toString()), "longest first");

        contact(patient, local(Instant.now().plus(Duration.ofMinutes(5))), "PHONE", "REACHED", "")
                .then().statusCode(422).body(containsString("The time cannot be in the future."));
        contact(patient, "", "FAX", "REACHED", "").then().statusCode(422)
                .body(containsString("Choose one of the options."));
        contact(patient, "", "PHONE", "", "").then().statusCode(422).body(containsString("Enter a value."));
        contact(patient, "", "PHONE", "REACHED", "x".repeat(1001)).then().statusCode(422)
                .body(containsString("The note is too long.")).body(containsString("aria-invalid=\"true\""));
        contact(patient, "yesterday", "PHONE", "REACHED", "").then().statusCode(422)
                .body(containsString("Enter a date and time."));
        assertEquals(0, contacts(patient));

        String note = "Talked about the new routine " + UUID.randomUUID();
        contact(patient, "", "VIDEO", "SCHEDULED", "x".repeat(960) + note.substring(0, 40)).then().statusCode(303)
                .header("Location", containsString("/care-team/patients/" + patient.id + "/outreach?saved=true"));
        contact(patient, local(Instant.now().minus(Duration.ofDays(1))), "PHONE", "NO_ANSWER", note).then()
                .statusCode(303);
        assertEquals(2, contacts(patient));
        OutreachContact logged = QuarkusTransaction.requiringNew()
                .call(() -> OutreachContact.<OutreachContact>find("patientId = ?1 and note = ?2", patient.id, note)
                        .singleResult());
        assertEquals("NO_CHECK_IN", logged.reasons);
        assertEquals(coach.id, logged.coachId);
        assertEquals(null, logged.teamId);

        given().get("/care-team/patients/" + patient.id + "/outreach?saved=true").then().statusCode(200)
                .body(containsString("The contact is logged.")).body(containsString(note))
                .body(containsString("Video call")).body(containsString("Appointment scheduled"))
                .body(containsString("No answer")).body(containsString("No recent check-in"));

        String after = list();
        assertTrue(row(after, patient).contains("Contacted"), "contacted after the reason arose");
        assertTrue(after.indexOf(other.id.toString()) < after.indexOf(patient.id.toString()), "contacted below");
    }

    @Test
    @TestSecurity(user = "outreach-log-other", roles = "coach")
    void theLogIsTheRecipientsOnlyAndNeverThePatients() {
        Person author = coach("outreach-log-author");
        Person patient = sharing(author, "shared-twice", CHECK_INS);
        String secret = "private-contact-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OutreachContact c = new OutreachContact();
            c.id = UUID.randomUUID();
            c.patientId = patient.id;
            c.coachId = author.id;
            c.authorId = author.id;
            c.authorName = author.displayName;
            c.contactedAt = Instant.now();
            c.channel = OutreachContact.Channel.PHONE;
            c.outcome = OutreachContact.Outcome.REACHED;
            c.reasons = "";
            c.note = secret;
            c.persist();
        });
        Person other = coach("outreach-log-other");
        // Without a grant of their own, the other coach gets the 404 of an unknown patient.
        given().get("/care-team/patients/" + patient.id + "/outreach").then().statusCode(404)
                .body(not(containsString(secret)));
        ConsentFixture.grant(patient, other, null, CHECK_INS, null, null, null);
        given().get("/care-team/patients/" + patient.id + "/outreach").then().statusCode(200)
                .body(containsString(patient.displayName)).body(not(containsString(secret)))
                .body(containsString("No contact has been logged yet."));
    }

    @Test
    @TestSecurity(user = "outreach-log-patient", roles = "patient")
    void thePatientCannotOpenTheirOwnLog() {
        Person patient = ConsentFixture.person("outreach-log-patient", Role.PATIENT);
        given().get("/care-team/patients/" + patient.id + "/outreach").then().statusCode(404);
        contact(patient, "", "PHONE", "REACHED", "").then().statusCode(404);
        assertEquals(0, contacts(patient));
    }

    @Test
    @TestSecurity(user = "outreach-empty", roles = "coach")
    void withNobodyToContactThePageSaysSo() {
        Person coach = coach("outreach-empty");
        Person fine = sharing(coach, "fine", CHECK_INS);
        ConsentFixture.checkIn(fine, ConsentFixture.today(), null);
        given().get("/care-team/outreach").then().statusCode(200)
                .body(containsString("Nobody needs contact right now"))
                .body(containsString("aria-current=\"page\""));
    }

    @Test
    @TestSecurity(user = "outreach-pages", roles = "coach")
    void theListIsPagedInItsOrderAndAPageBeyondTheLastShowsTheLast() {
        Person coach = coach("outreach-pages");
        int total = OutreachPages.PAGE_SIZE + 2;
        List<UUID> created = new java.util.ArrayList<>();
        for (int i = 0; i < total; i++) {
            created.add(sharing(coach, "paged", CHECK_INS).id);
        }
        String first = list();
        assertTrue(first.contains(total + " patients need contact (page 1 of 2)."), first);
        assertEquals(OutreachPages.PAGE_SIZE, count(first, "data-patient=\""));
        assertTrue(first.contains("href=\"/care-team/outreach?page=2\" rel=\"next\""));
        assertFalse(first.contains("rel=\"prev\""));

        // Only the patients on the page shown are logged: every patient's data was read to work the list out, but
        // the coach sees those on the page.
        assertEquals(List.of(1L), patients(first).stream().map(OutreachPagesTest::outreachEvents).distinct().toList());
        List<UUID> later = created.stream().filter(id -> !patients(first).contains(id.toString())).toList();
        assertEquals(2, later.size());
        assertEquals(List.of(0L), later.stream().map(id -> outreachEvents(id.toString())).distinct().toList());

        String second = given().get("/care-team/outreach?page=2").then().statusCode(200).extract().asString();
        assertEquals(2, count(second, "data-patient=\""));
        assertEquals(List.of(1L), later.stream().map(id -> outreachEvents(id.toString())).distinct().toList());
        assertTrue(second.contains("href=\"/care-team/outreach?page=1\" rel=\"prev\""));
        assertFalse(second.contains("rel=\"next\""));
        // Together the two pages are the whole list, each patient once, in the list's order.
        List<String> order = QuarkusTransaction.requiringNew()
                .call(() -> outreach.page(Person.<Person>findById(coach.id), 1, total).lines()).stream()
                .map(l -> l.patientId().toString()).toList();
        assertEquals(order, patients(first + second));

        String beyond = given().get("/care-team/outreach?page=9").then().statusCode(200).extract().asString();
        assertEquals(patients(second), patients(beyond), "a page past the end shows the last");
        assertTrue(beyond.contains("(page 2 of 2)"));
        for (String odd : List.of("two", "-1", "1e3", "99999999999")) {
            String shown = given().get("/care-team/outreach?page=" + odd).then().statusCode(200).extract().asString();
            assertEquals(patients(first), patients(shown), "?page=" + odd + " shows the first page");
        }
    }

    private static long outreachEvents(String patientId) {
        return QuarkusTransaction.requiringNew().call(() -> app.wellkeep.audit.AuditEvent
                .count("patientId = ?1 and purpose = 'OUTREACH'", UUID.fromString(patientId)));
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    private static List<String> patients(String page) {
        Matcher m = Pattern.compile("data-patient=\"([0-9a-f-]+)\"").matcher(page);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    @Test
    @TestSecurity(user = "outreach-statements", roles = "coach")
    void theListTakesAConstantNumberOfQueriesAsTheRosterGrows() {
        Person coach = coach("outreach-statements");
        UUID team = ConsentFixture.team("Statements team " + UUID.randomUUID(), List.of(coach));
        int n = 4;
        addPatients(coach, team, n);
        list();
        long[] small = measure();
        addPatients(coach, team, 2 * n);
        long[] large = measure();
        assertEquals(small[0], large[0], "queries at " + n + " and " + 3 * n + " patients");
        // One access-log event per patient shown: the log's chain head is read and written per patient.
        assertEquals(3 * n, large[1], "audit events at " + 3 * n + " patients");
    }

    private static void addPatients(Person coach, UUID team, int count) {
        for (int i = 0; i < count; i++) {
            Person p = patient("many");
            ConsentFixture.grant(p, i % 2 == 0 ? coach : null, i % 2 == 0 ? null : team,
                    EnumSet.of(Category.CHECK_INS, Category.ACTIVITY, Category.ALERTS), null, null, null);
            ConsentFixture.checkIn(p, ConsentFixture.today().minusDays(1 + i % 5), null);
            OutreachFixture.stepsOnDays(p, ConsentFixture.today(), 10 + i % 10);
            OutreachFixture.openAlert(p, Instant.now().minus(Duration.ofHours(20 + i)));
        }
    }

    /** Queries run, and access-log events written, by one request of the list. */
    private long[] measure() {
        Statistics statistics = emf.unwrap(SessionFactory.class).getStatistics();
        long events = QuarkusTransaction.requiringNew().call(() -> AuditEvent.count());
        statistics.clear();
        list();
        long queries = statistics.getQueryExecutionCount();
        return new long[]{queries,
                QuarkusTransaction.requiringNew().call(() -> AuditEvent.count()) - events};
    }

    private static long contacts(Person patient) {
        return QuarkusTransaction.requiringNew().call(() -> OutreachContact.count("patientId", patient.id));
    }
}
