package app.wellkeep.coach;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;

import app.wellkeep.account.Person;
import app.wellkeep.audit.AuditEvent;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.testsupport.Forms;
import app.wellkeep.testsupport.RosterLines;
import app.wellkeep.vitals.Metric;

/**
 * The roster page: each column's value, "not shared" for a category not shared, the grant's window, sorting,
 * filters, pages, tags and who may use it. Each test has a coach of its own, so its roster holds only its patients.
 */
@QuarkusTest
@TestSecurity(user = "replaced-per-test", roles = "coach")
class RosterPagesTest {

    static Map<UUID, Map<String, String>> rows(String body) {
        return RosterLines.of(body);
    }

    private static String body(String query) {
        Response response = given().redirects().follow(false).get("/care-team" + query);
        assertEquals(200, response.statusCode(), query);
        return response.body().asString();
    }

    private static List<UUID> order(String query) {
        return new ArrayList<>(rows(body(query)).keySet());
    }

    /**
     * Sorted by name, a page reads the figures of its own lines only; sorted by a figure, every line's. Both must
     * show each patient alike, on every page, whatever they share.
     */
    @Test
    void aLineShowsTheSameFiguresWhetherItsPageIsSortedByNameOrByAFigure() {
        Person coach = RosterFixture.coach("lazy figures");
        for (int i = 0; i < RosterService.PAGE_SIZE + 5; i++) {
            Person p = switch (i % 3) {
                case 0 -> RosterFixture.patient(String.format("Lazy %02d", i), coach);
                case 1 -> RosterFixture.patient(String.format("Lazy %02d", i), coach, EnumSet.allOf(Category.class),
                        ConsentFixture.today().minusDays(12));
                default -> RosterFixture.patient(String.format("Lazy %02d", i), coach,
                        EnumSet.of(Category.CHECK_INS, Category.SLEEP), null);
            };
            RosterFixture.review(p, RosterFixture.checkIn(p, i % 4), Instant.now());
            RosterFixture.checkIn(p, 20 + i);
            RosterFixture.latestDay(p, Metric.SLEEP, i % 5);
            RosterFixture.alert(p, i % 3, true);
            RosterFixture.tag(coach, p, i % 2 == 0 ? "group-a" : "group-b");
        }
        RosterFixture.actAs(coach);

        Map<UUID, Map<String, String>> byName = new java.util.LinkedHashMap<>();
        Map<UUID, Map<String, String>> byCheckIn = new java.util.LinkedHashMap<>();
        for (String page : List.of("", "?page=2")) {
            byName.putAll(rows(body(page)));
        }
        for (String page : List.of("?sort=checkin", "?sort=checkin&page=2")) {
            byCheckIn.putAll(rows(body(page)));
        }
        assertEquals(RosterService.PAGE_SIZE + 5, byName.size(), "every line, over two pages");
        assertEquals(byCheckIn, new java.util.HashMap<>(byName), "each line's columns in both orders");
        assertTrue(byName.values().stream().map(r -> r.get("checkin")).distinct().count() > 2,
                "the lines' own check-in days are shown: " + byName.values());
    }

    @Test
    void eachColumnShowsWhatIsSharedAndNotSharedOtherwise() {
        Person coach = RosterFixture.coach("columns");
        Person all = RosterFixture.patient("Alma All", coach);
        UUID last = RosterFixture.checkIn(all, 0);
        RosterFixture.checkIn(all, 3);
        RosterFixture.checkIn(all, 10);
        RosterFixture.checkIn(all, 45);
        RosterFixture.latestDay(all, Metric.STEPS, 2);
        RosterFixture.latestDay(all, Metric.WEIGHT, 5);
        RosterFixture.alert(all, 1, true);
        RosterFixture.alert(all, 2, true);
        RosterFixture.alert(all, 3, false);
        Instant reviewedAt = RosterFixture.today().atTime(15, 0).atZone(java.time.ZoneId.of("Europe/London"))
                .toInstant();
        RosterFixture.review(all, last, reviewedAt);
        RosterFixture.tag(coach, all, "diabetes programme");
        Person steps = RosterFixture.patient("Bo Steps", coach, EnumSet.of(Category.ACTIVITY), null);
        RosterFixture.checkIn(steps, 0);
        RosterFixture.alert(steps, 1, true);
        RosterFixture.latestDay(steps, Metric.STEPS, 0);
        RosterFixture.latestDay(steps, Metric.HEART_RATE, 0);
        Person quiet = RosterFixture.patient("Cy Quiet", coach, EnumSet.of(Category.CHECK_INS, Category.HEART), null);
        RosterFixture.latestDay(quiet, Metric.STEPS, 0);
        RosterFixture.actAs(coach);

        Map<UUID, Map<String, String>> rows = rows(body(""));
        assertEquals(List.of(all.id, steps.id, quiet.id), new ArrayList<>(rows.keySet()), "by name");
        Map<String, String> a = rows.get(all.id);
        assertEquals(CareTeamPages.date(RosterFixture.today()), a.get("checkin"));
        assertEquals("2 days", a.get("data"), "the latest day of any shared vitals category");
        assertEquals("29 % (2 of 7 days)", a.get("adherence7"));
        assertEquals("10 % (3 of 30 days)", a.get("adherence30"));
        assertEquals("2", a.get("alerts"), "open alerts only");
        assertEquals(CareTeamPages.date(RosterFixture.today()), a.get("reviewed"));
        assertTrue(a.get("tags").contains("diabetes programme"));

        Map<String, String> b = rows.get(steps.id);
        for (String column : List.of("checkin", "adherence7", "adherence30", "alerts", "reviewed")) {
            assertEquals("Not shared", b.get(column), column + " of a patient who shares activity only");
        }
        assertEquals("Today", b.get("data"), "heart rate is not shared: steps of today count");

        Map<String, String> c = rows.get(quiet.id);
        assertEquals("None", c.get("checkin"));
        assertEquals("0 % (0 of 7 days)", c.get("adherence7"));
        assertEquals("No data", c.get("data"), "steps are not shared, and there is no heart data");
        assertEquals("Not shared", c.get("alerts"));
        assertEquals("None", c.get("reviewed"));
    }

    @Test
    void onlyTheGrantsWindowIsShown() {
        Person coach = RosterFixture.coach("window");
        Person windowed = RosterFixture.patient("Wren Window", coach, EnumSet.allOf(Category.class),
                RosterFixture.today().minusDays(5));
        RosterFixture.checkIn(windowed, 1);
        UUID old = RosterFixture.checkIn(windowed, 10);
        RosterFixture.review(windowed, old, Instant.now().minus(1, ChronoUnit.HOURS));
        RosterFixture.latestDay(windowed, Metric.HEART_RATE, 8);
        RosterFixture.alert(windowed, 8, true);
        RosterFixture.alert(windowed, 4, true);
        Person before = RosterFixture.patient("Xan Before", coach, EnumSet.allOf(Category.class),
                RosterFixture.today().minusDays(3));
        RosterFixture.checkIn(before, 4);
        RosterFixture.latestDay(before, Metric.STEPS, 2);
        // The latest review is of a check-in before the window; an earlier one, of a check-in inside it, is shown.
        Person earlier = RosterFixture.patient("Yara Earlier", coach, EnumSet.allOf(Category.class),
                RosterFixture.today().minusDays(5));
        Instant inside = RosterFixture.today().minusDays(2).atTime(12, 0).atZone(java.time.ZoneId.of("Europe/London"))
                .toInstant();
        RosterFixture.review(earlier, RosterFixture.checkIn(earlier, 2), inside);
        RosterFixture.review(earlier, RosterFixture.checkIn(earlier, 9), Instant.now().minus(1, ChronoUnit.HOURS));
        RosterFixture.actAs(coach);

        Map<UUID, Map<String, String>> rows = rows(body(""));
        Map<String, String> w = rows.get(windowed.id);
        assertEquals(CareTeamPages.date(RosterFixture.today().minusDays(1)), w.get("checkin"));
        assertEquals("17 % (1 of 6 days)", w.get("adherence7"), "the window shows 6 of the last 7 days");
        assertEquals("17 % (1 of 6 days)", w.get("adherence30"));
        assertEquals("No data", w.get("data"), "the latest heart data is before the window");
        assertEquals("1", w.get("alerts"), "the alert before the window does not count");
        assertEquals("None", w.get("reviewed"), "the review is of a check-in before the window");
        assertEquals(CareTeamPages.date(RosterFixture.today().minusDays(2)), rows.get(earlier.id).get("reviewed"));
        Map<String, String> x = rows.get(before.id);
        assertEquals("None", x.get("checkin"), "the only check-in is the day before the window");
        assertEquals("0 % (0 of 4 days)", x.get("adherence7"));
        assertEquals("2 days", x.get("data"));
    }

    @Test
    void eachColumnSortsBothWaysWithNotSharedLast() {
        Person coach = RosterFixture.coach("sort");
        Person a = RosterFixture.patient("Ann", coach);
        Person b = RosterFixture.patient("Ben", coach);
        Person none = RosterFixture.patient("Cal", coach, EnumSet.of(Category.SLEEP), null);
        RosterFixture.checkIn(a, 1);
        RosterFixture.checkIn(b, 0);
        RosterFixture.checkIn(b, 2);
        RosterFixture.latestDay(a, Metric.STEPS, 1);
        RosterFixture.latestDay(b, Metric.STEPS, 4);
        RosterFixture.alert(a, 1, true);
        RosterFixture.alert(a, 1, true);
        RosterFixture.alert(b, 1, true);
        RosterFixture.review(a, RosterFixture.checkIn(a, 3), Instant.now().minus(2, ChronoUnit.HOURS));
        RosterFixture.review(b, RosterFixture.checkIn(b, 3), Instant.now().minus(1, ChronoUnit.HOURS));
        RosterFixture.tag(coach, a, "zeta");
        RosterFixture.tag(coach, b, "alpha");
        RosterFixture.actAs(coach);

        assertEquals(List.of(a.id, b.id, none.id), order(""));
        assertEquals(List.of(none.id, b.id, a.id), order("?sort=name&dir=desc"));
        assertEquals(List.of(none.id, a.id, b.id), order("?sort=shares"), "fewest categories first, then name");
        assertEquals(List.of(a.id, b.id, none.id), order("?sort=shares&dir=desc"));
        assertEquals(List.of(a.id, b.id, none.id), order("?sort=checkin"));
        assertEquals(List.of(b.id, a.id, none.id), order("?sort=checkin&dir=desc"));
        // Days since data: Cal shares sleep and has none ("No data") which sorts after figures, either way.
        assertEquals(List.of(a.id, b.id, none.id), order("?sort=data"));
        assertEquals(List.of(b.id, a.id, none.id), order("?sort=data&dir=desc"));
        // 7 days: Ann 2 of 7 (29 %), Ben 3 of 7 (43 %).
        assertEquals(List.of(a.id, b.id, none.id), order("?sort=adherence7"));
        assertEquals(List.of(b.id, a.id, none.id), order("?sort=adherence7&dir=desc"));
        assertEquals(List.of(a.id, b.id, none.id), order("?sort=adherence30"));
        assertEquals(List.of(b.id, a.id, none.id), order("?sort=adherence30&dir=desc"));
        assertEquals(List.of(b.id, a.id, none.id), order("?sort=alerts"));
        assertEquals(List.of(a.id, b.id, none.id), order("?sort=alerts&dir=desc"));
        assertEquals(List.of(a.id, b.id, none.id), order("?sort=reviewed"));
        assertEquals(List.of(b.id, a.id, none.id), order("?sort=reviewed&dir=desc"));
        assertEquals(List.of(b.id, a.id, none.id), order("?sort=tags"), "untagged last");
        assertEquals(List.of(a.id, b.id, none.id), order("?sort=tags&dir=desc"), "untagged last");
        assertEquals(List.of(a.id, b.id, none.id), order("?sort=nonsense"), "an unknown sort is by name");
        String body = body("?sort=checkin");
        assertTrue(body.contains("aria-sort=\"ascending\""));
        assertTrue(body.contains("href=\"/care-team?sort=checkin&amp;dir=desc\""), "the header sorts the other way");
    }

    @Test
    void filtersAtTheirBoundaries() {
        Person coach = RosterFixture.coach("filter");
        Person half = RosterFixture.patient("Hal Half", coach);
        for (int i = 0; i < 15; i++) {
            RosterFixture.checkIn(half, i * 2);
        }
        RosterFixture.alert(half, 1, true);
        Person low = RosterFixture.patient("Lou Low", coach);
        RosterFixture.checkIn(low, 0);
        RosterFixture.alert(low, 1, false);
        Person sleep = RosterFixture.patient("Sal Sleep", coach, EnumSet.of(Category.SLEEP), null);
        RosterFixture.tag(coach, low, "new");
        RosterFixture.tag(coach, sleep, "new");
        RosterFixture.actAs(coach);

        assertEquals(List.of(half.id), order("?q=hal"), "name contains, any case");
        assertEquals(List.of(low.id, sleep.id), order("?tag=new"));
        assertEquals(List.of(), order("?tag=ne"), "a tag matches whole");
        assertEquals(List.of(half.id, low.id), order("?shares=CHECK_INS"));
        assertEquals(List.of(half.id, low.id, sleep.id), order("?shares=NOPE"), "an unknown category filters nothing");
        assertEquals(List.of(half.id), order("?alerts=open"), "an acknowledged alert is not open");
        // Hal: 15 of 30 days is 50 %; Lou: 1 of 30 is 3 %; Sal does not share check-ins.
        assertEquals(List.of(low.id), order("?below=50"), "exactly 50 % is not below 50 %");
        assertEquals(List.of(half.id, low.id), order("?below=51"));
        assertEquals(List.of(), order("?below=3"));
        assertEquals(List.of(low.id), order("?below=4"));
        assertEquals(List.of(low.id), order("?below=50&tag=new"), "filters combine");
        String none = body("?q=nobody");
        assertTrue(none.contains("No patient matches these filters."));
        assertTrue(none.contains("href=\"/care-team\""), "a way back to everyone");
        assertTrue(body("?q=lou").contains("1–1 of 1 matching, 3 in all"));
    }

    @Test
    void pagesOfTwentyFiveKeepTheQueryAndLogOnlyTheLinesShown() {
        Person coach = RosterFixture.coach("pages");
        List<Person> patients = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            patients.add(RosterFixture.patient(String.format("Page Patient %02d", i), coach));
        }
        RosterFixture.actAs(coach);
        long before = rosterEvents(coach);
        String first = body("?sort=name");
        assertEquals(25, rows(first).size());
        assertTrue(first.contains("1–25 of 26"));
        assertEquals(patients.get(0).id, rows(first).keySet().iterator().next());
        assertEquals(25, rosterEvents(coach) - before, "one event per line shown");
        assertTrue(first.contains("href=\"/care-team?page=2\""), "the next page");
        String second = body("?page=2");
        assertEquals(List.of(patients.get(25).id), new ArrayList<>(rows(second).keySet()));
        assertTrue(second.contains("26–26 of 26"));
        assertEquals(26, rosterEvents(coach) - before);
        assertTrue(
                body("?sort=name&dir=desc&q=page")
                        .contains("href=\"/care-team?q=page&amp;sort=name&amp;dir=desc&amp;page=2\""),
                "page links keep the filters and the sort");
        assertEquals(List.of(patients.get(25).id), order("?page=9"), "past the last page is the last page");
        assertEquals(25, order("?page=0").size());
        assertEquals(25, order("?page=x").size());
    }

    /**
     * The page a coach lands on is cut in SQL, a filtered roster in memory: both in the same name order, case set
     * aside and ties by id, either way round.
     */
    @Test
    void theLandingPagesCutInSqlAreTheRostersOwnNameOrder() {
        Person coach = RosterFixture.coach("name order");
        List<Person> patients = new ArrayList<>();
        List<String> names = List.of("mix adam", "Mix Bea", "MIX carl", "mix Dora", "Mix dora", "mix Dora");
        for (int i = 0; i < RosterService.PAGE_SIZE + 5; i++) {
            patients.add(RosterFixture.patient(names.get(i % names.size()) + (i < names.size() ? "" : " " + i / 6),
                    coach));
        }
        RosterFixture.actAs(coach);
        List<UUID> landing = new ArrayList<>(order(""));
        landing.addAll(order("?page=2"));
        assertEquals(patients.size(), landing.size(), "everyone, over two pages");
        List<UUID> filtered = new ArrayList<>(order("?q=mix"));
        filtered.addAll(order("?q=mix&page=2"));
        assertEquals(landing, filtered, "the same order cut in memory");
        List<UUID> descending = new ArrayList<>(order("?sort=name&dir=desc"));
        descending.addAll(order("?sort=name&dir=desc&page=2"));
        List<UUID> filteredDescending = new ArrayList<>(order("?q=mix&sort=name&dir=desc"));
        filteredDescending.addAll(order("?q=mix&sort=name&dir=desc&page=2"));
        assertEquals(filteredDescending, descending);
        List<UUID> reversed = new ArrayList<>(landing);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, descending, "descending is the reverse, ties included");
        List<UUID> firstSix = landing.stream().filter(id -> patients.subList(0, 6).stream().anyMatch(
                p -> p.id.equals(id))).toList();
        assertEquals(List.of(patients.get(0).id, patients.get(1).id, patients.get(2).id), firstSix.subList(0, 3),
                "case set aside: adam, Bea, carl");
        assertEquals(java.util.Set.of(patients.get(3).id, patients.get(4).id, patients.get(5).id),
                java.util.Set.copyOf(firstSix.subList(3, 6)), "then the three Doras, by id");
        assertEquals(landing.subList(0, RosterService.PAGE_SIZE), order("?sort=nonsense"));
    }

    @Test
    void tagsAreValidatedAndOnlyTheCoachsOwnAreShown() {
        Person coach = RosterFixture.coach("tags");
        Person other = RosterFixture.coach("tags-other");
        Person patient = RosterFixture.patient("Tia Tagged", coach);
        ConsentFixture.grant(patient, other, null, EnumSet.allOf(Category.class), null, null, null);
        RosterFixture.tag(other, patient, "theirs");
        RosterFixture.actAs(coach);
        assertFalse(rows(body("")).get(patient.id).get("tags").contains("theirs"), "another coach's tags are theirs");

        Response added = post(patient.id, "add", "  needs   call-back 2 ", "?sort=alerts&dir=desc");
        assertEquals(303, added.statusCode());
        assertTrue(
                added.header("Location").endsWith("/care-team?sort=alerts&dir=desc&done=added#patient-" + patient.id),
                added.header("Location"));
        assertEquals(List.of("needs call-back 2"), RosterFixture.tags(coach, patient));
        assertTrue(body("?done=added").contains("The tag is added."));

        for (String[] bad : new String[][]{{"", "Type a tag."}, {"x".repeat(41), "at most 40 characters"},
                {"<b>", "only letters, digits"}, {"needs call-back 2", "already has this tag"},
                {"Ärztin-Überweisung", null}}) {
            Response response = post(patient.id, "add", bad[0], "");
            if (bad[1] == null) {
                assertEquals(303, response.statusCode(), "letters of any script");
                continue;
            }
            assertEquals(422, response.statusCode(), bad[0]);
            String body = response.body().asString();
            assertTrue(body.contains(bad[1]), bad[0]);
            assertTrue(body.contains("aria-invalid=\"true\" aria-describedby=\"tag-error-" + patient.id));
        }
        assertEquals(40, "x".repeat(40).length());
        assertEquals(303, post(patient.id, "add", "x".repeat(40), "").statusCode(), "40 characters are fine");
        for (int i = RosterFixture.tags(coach, patient).size(); i < RosterService.MAX_TAGS; i++) {
            assertEquals(303, post(patient.id, "add", "tag " + i, "").statusCode());
        }
        Response tooMany = post(patient.id, "add", "one more", "");
        assertEquals(422, tooMany.statusCode());
        assertTrue(tooMany.body().asString().contains("at most 10 tags"));
        assertEquals(10, RosterFixture.tags(coach, patient).size());

        assertEquals(303, post(patient.id, "remove", "needs call-back 2", "").statusCode());
        assertFalse(RosterFixture.tags(coach, patient).contains("needs call-back 2"));
        assertEquals(List.of("theirs"), RosterFixture.tags(other, patient), "the other coach's tag stays");
        assertEquals(422, post(patient.id, "rename", "x", "").statusCode(), "an unknown action");
    }

    @Test
    void tagsOnlyForPatientsWhoShareWithTheCoach() {
        Person coach = RosterFixture.coach("tags-stranger");
        Person stranger = RosterFixture.patient("Sam Stranger", RosterFixture.coach("someone-else"));
        RosterFixture.actAs(coach);
        assertEquals(404, post(stranger.id, "add", "hello", "").statusCode());
        assertEquals(404, post(stranger.id, "add", "", "").statusCode(), "refused before the form is judged");
        assertEquals(404, post(UUID.randomUUID(), "add", "hello", "").statusCode());
        assertEquals(List.of(), RosterFixture.tags(coach, stranger));
        List<AuditEvent> denials = QuarkusTransaction.requiringNew().call(() -> AuditEvent
                .<AuditEvent>list("patientId = ?1 and actorId = ?2 and outcome = 'DENY'", stranger.id, coach.id));
        assertEquals(List.of("ROSTER:NO_GRANT", "ROSTER:NO_GRANT"),
                denials.stream().map(e -> e.purpose + ":" + e.reason).toList());
    }

    @Test
    void onlyCoachesUseTheRoster() {
        Person patient = RosterFixture.patient("Pat Patient", RosterFixture.coach("x"));
        RosterFixture.actAs(patient);
        assertEquals(403, given().redirects().follow(false).get("/care-team").statusCode());
        assertEquals(403, Forms.withCsrfFrom("/profile").formParam("action", "add").formParam("tag", "x")
                .post("/care-team/tags/" + patient.id).statusCode());
    }

    private static Response post(UUID patientId, String action, String tag, String query) {
        return Forms.withCsrfFrom("/care-team").formParam("action", action).formParam("tag", tag)
                .post("/care-team/tags/" + patientId + query);
    }

    private static long rosterEvents(Person coach) {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.count("actorId = ?1 and purpose = 'ROSTER'", coach.id));
    }
}
