package app.wellkeep.coach;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestIdentityAssociation;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.testsupport.Forms;
import app.wellkeep.vitals.Alert;
import app.wellkeep.vitals.Limit;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.Threshold;
import app.wellkeep.vitals.TrendTables;

/**
 * A coach's view of one patient beyond the consent matrix: the window's first day on every page, tiles of data not
 * shared, and limits a coach sets (only where the data is shared, validated as the patient's own, shown to the
 * patient with who set them).
 */
@QuarkusTest
@TestSecurity(user = "replaced-per-test", roles = "coach")
class PatientViewPagesTest {

    private Person patient;
    private Person coach;
    private String base;

    @BeforeEach
    void people() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        patient = ConsentFixture.person("view-patient-" + run, Role.PATIENT);
        coach = ConsentFixture.person("view-coach-" + run, Role.COACH);
        // Chosen names, which signing in leaves as they are.
        QuarkusTransaction.requiringNew().run(() -> {
            for (Person p : new Person[]{Person.findById(patient.id), Person.findById(coach.id)}) {
                p.displayName = (p.role == Role.PATIENT ? "Pat " : "Cora ") + run;
                p.displayNameChosen = true;
            }
        });
        patient.displayName = "Pat " + run;
        coach.displayName = "Cora " + run;
        base = "/care-team/patients/" + patient.id;
        actAs(coach);
    }

    @Test
    void theWindowsFirstDayIsShownAndTheDayBeforeIsNotOnAnyPage() {
        LocalDate first = ConsentFixture.today().minusDays(5);
        ConsentFixture.grant(patient, coach, null, EnumSet.allOf(Category.class), first, null, null);
        ConsentFixture.reading(patient, Metric.RESTING_HEART_RATE, first.minusDays(1), 61);
        ConsentFixture.reading(patient, Metric.RESTING_HEART_RATE, first, 62);
        ConsentFixture.reading(patient, Metric.HEART_RATE, first.minusDays(1), 121);
        ConsentFixture.reading(patient, Metric.HEART_RATE, first, 122);

        String week = page(base + "/trends/resting-heart-rate?range=7", 200);
        assertTrue(week.contains("data-value=\"62\""), "the window's first day");
        assertFalse(week.contains("data-value=\"61\""), "the day before it");
        assertTrue(week.contains("id=\"window-notice\""), "the range starts at the window, and says so");
        assertTrue(week.contains(TrendTables.formatDay(first)));

        String fromFirst = page(base + "/trends/resting-heart-rate?from=" + first + "&to="
                + ConsentFixture.today(), 200);
        assertTrue(fromFirst.contains("data-value=\"62\""));
        assertFalse(fromFirst.contains("id=\"window-notice\""), "a range inside the window is not clipped");

        String before = page(base + "/trends/resting-heart-rate?from=" + first.minusDays(3) + "&to="
                + first.minusDays(1), 200);
        assertFalse(before.contains("data-value=\"61\""), "a range wholly before the window shows nothing");
        assertTrue(before.contains("id=\"window-notice\"") && before.contains("id=\"empty-trend\""));

        String dayBefore = page(base + "/trends/heart-rate/days/" + first.minusDays(1), 200);
        assertFalse(dayBefore.contains("data-value=\"121\""));
        assertTrue(dayBefore.contains("id=\"window-notice\""));
        String firstDay = page(base + "/trends/heart-rate/days/" + first, 200);
        assertTrue(firstDay.contains("data-value=\"122\""));
        assertFalse(firstDay.contains("id=\"window-notice\""));
    }

    @Test
    void overALongRangeTheWeekTheWindowStartsInCountsOnlyItsDaysInsideTheWindow() {
        // A Wednesday long enough ago that the range is over 90 days, which the page shows as weeks only.
        LocalDate first = ConsentFixture.today().minusDays(120)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.WEDNESDAY));
        ConsentFixture.grant(patient, coach, null, EnumSet.of(Category.HEART), first, null, null);
        ConsentFixture.reading(patient, Metric.RESTING_HEART_RATE, first.minusDays(2), 41);
        ConsentFixture.reading(patient, Metric.RESTING_HEART_RATE, first, 83);
        ConsentFixture.reading(patient, Metric.RESTING_HEART_RATE, first.plusDays(4), 85);
        ConsentFixture.reading(patient, Metric.RESTING_HEART_RATE, first.plusDays(7), 90);

        String year = page(base + "/trends/resting-heart-rate?range=365", 200);
        assertFalse(year.contains("id=\"daily-table\""), "weeks only");
        String weekly = year.substring(year.indexOf("id=\"weekly-table\""));
        // The window's week: Wednesday and Sunday only, not the Monday before the window.
        String windowWeek = TrendTables.weekLabel(first.minusDays(2));
        assertTrue(weekly.contains(windowWeek + "</th><td class=\"num\" data-value=\"84\">84</td>"
                + "<td class=\"num\" data-value=\"83\">83</td><td class=\"num\" data-value=\"85\">85</td>"
                + "<td class=\"num\" data-value=\"85\">85</td><td class=\"num\" data-value=\"2\">2</td>"), weekly);
        assertFalse(year.contains("data-value=\"41\""), "the day before the window");
        assertTrue(
                weekly.contains(TrendTables.weekLabel(first.plusDays(5)) + "</th><td class=\"num\" data-value=\"90\">"),
                "the next week, whole");
    }

    @Test
    void alertsCountFromTheFirstInstantOfTheWindowsFirstDayWhereThePatientLives() {
        LocalDate first = ConsentFixture.today().minusDays(5);
        ConsentFixture.grant(patient, coach, null, EnumSet.of(Category.ALERTS), first, null, null);
        ZoneId zone = ZoneId.of(ConsentFixture.ZONE);
        alertAt(first.atStartOfDay(zone).minusSeconds(60).toInstant(), 151);
        alertAt(first.atStartOfDay(zone).toInstant(), 152);

        String alerts = page(base + "/alerts", 200);
        assertTrue(alerts.contains("Reading: 152 "), "an alert at the first instant of the window");
        assertFalse(alerts.contains("Reading: 151 "), "an alert a minute before");
        String overview = page(base, 200);
        assertTrue(overview.contains("1 open alert"));
    }

    @Test
    void tilesOfDataNotSharedSaySoAndTheirPagesAreNotFound() {
        ConsentFixture.grant(patient, coach, null, EnumSet.of(Category.HEART), null, null, null);
        ConsentFixture.reading(patient, Metric.RESTING_HEART_RATE, ConsentFixture.today().minusDays(1), 64);
        ConsentFixture.reading(patient, Metric.STEPS, ConsentFixture.today(), 4321);

        String overview = page(base, 200);
        for (String part : List.of("/check-ins", "/notes", "/alerts", "/thresholds", "/outreach")) {
            assertTrue(overview.contains("href=\"" + base + part + "\""), "the overview links to " + part);
        }
        assertEquals(7, count(overview, patient.displayName + " does not share this with you."),
                "every tile but heart says not shared");
        assertTrue(tile(overview, "tile-resting-heart-rate").contains("64 "));
        String steps = tile(overview, "tile-steps");
        assertTrue(steps.contains("does not share this with you") && !steps.contains("Nothing recorded"),
                "a tile not shared is not an empty one");
        assertFalse(overview.contains("4,321") || overview.contains("4321"), "no steps reach the page");
        assertFalse(overview.contains(base + "/trends/steps"), "no link to a page not shared");

        page(base + "/trends/steps", 404);
        page(base + "/trends/blood-pressure", 404);
        page(base + "/alerts", 404);
        page(base + "/trends/no-such-metric", 404);
        given().redirects().follow(false).get(base + "/trends/systolic?range=7").then().statusCode(303)
                .header("Location", endsWith(base + "/trends/blood-pressure?range=7"));
        page(base + "/trends/resting-heart-rate?range=12", 400);
    }

    @Test
    void aCoachSetsOnlyLimitsOfSharedDataWithThePatientsRulesAndThePatientSeesWhoSetThem() {
        ConsentFixture.grant(patient, coach, null, EnumSet.of(Category.HEART, Category.BODY), null, null, null);
        String page = page(base + "/thresholds", 200);
        for (Limit limit : Limit.values()) {
            boolean shared = limit.metric().category() == Category.HEART || limit.metric().category() == Category.BODY;
            assertEquals(shared, page.contains("id=\"limit-" + limit + "\""), limit + " offered");
        }

        post("GLUCOSE_HIGH", "200").then().statusCode(404);
        assertNull(threshold(Limit.GLUCOSE_HIGH), "a limit of data not shared is not set");

        String tooHigh = post("RESTING_HEART_RATE_HIGH", "141").then().statusCode(422).extract().asString();
        assertTrue(tooHigh.contains("aria-invalid=\"true\"")
                && tooHigh.contains("id=\"value-RESTING_HEART_RATE_HIGH-error\""));
        post("RESTING_HEART_RATE_HIGH", "abc").then().statusCode(422);
        post("RESTING_HEART_RATE_HIGH", "").then().statusCode(422);
        assertNull(threshold(Limit.RESTING_HEART_RATE_HIGH), "nothing saved by an invalid form");

        post("RESTING_HEART_RATE_HIGH", "140").then().statusCode(303)
                .header("Location", endsWith(base + "/thresholds?done=saved"));
        Threshold set = threshold(Limit.RESTING_HEART_RATE_HIGH);
        assertEquals(140.0, set.value);
        assertEquals(coach.id, set.setBy);
        assertTrue(page(base + "/thresholds?done=saved", 200).contains("The limit is saved."));

        actAs(patient);
        String own = given().get("/monitoring/thresholds").then().statusCode(200).extract().asString();
        String day = TrendTables.formatDay(LocalDate.ofInstant(set.setAt, ZoneId.of(ConsentFixture.ZONE)));
        assertTrue(own.contains("Set by " + coach.displayName + ", your coach, on " + day + "."), own);

        actAs(coach);
        Forms.withCsrf().formParam("limit", "RESTING_HEART_RATE_HIGH").formParam("reset", "true")
                .post(base + "/thresholds").then().statusCode(303)
                .header("Location", endsWith(base + "/thresholds?done=reset"));
        assertNull(threshold(Limit.RESTING_HEART_RATE_HIGH), "back to the default");
    }

    @Test
    void aPatientWhoSharesNoneOfTheWatchedDataIsOfferedNoLimits() {
        ConsentFixture.grant(patient, coach, null, EnumSet.of(Category.SLEEP), null, null, null);
        assertTrue(page(base + "/thresholds", 200).contains("id=\"no-limits\""));
        post("RESTING_HEART_RATE_HIGH", "120").then().statusCode(404);
    }

    private Response post(String limit, String value) {
        return Forms.withCsrf().formParam("limit", limit).formParam("value", value).post(base + "/thresholds");
    }

    private Threshold threshold(Limit limit) {
        return QuarkusTransaction.requiringNew().call(() -> Threshold
                .<Threshold>find("personId = ?1 and limitType = ?2", patient.id, limit).firstResult());
    }

    private void alertAt(Instant at, double value) {
        var alert = ConsentFixture.alert(patient, Limit.SYSTOLIC_HIGH, ConsentFixture.today(), value);
        QuarkusTransaction.requiringNew().run(() -> {
            Alert a = Alert.findById(alert.id);
            a.measuredAt = at;
        });
    }

    private static String page(String path, int status) {
        return given().redirects().follow(false).get(path).then().statusCode(status).extract().asString();
    }

    private static String tile(String page, String id) {
        Matcher m = Pattern.compile("<li class=\"tile[^\"]*\" id=\"" + id + "\".*?</li>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), id);
        return m.group();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static void actAs(Person person) {
        Arc.container().instance(TestIdentityAssociation.class).get()
                .setTestIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(person.subject))
                        .addRole(person.role.name().toLowerCase()).build());
    }
}
