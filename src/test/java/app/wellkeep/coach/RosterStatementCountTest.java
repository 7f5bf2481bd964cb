package app.wellkeep.coach;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import app.wellkeep.account.Person;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.testsupport.StatementCount;
import app.wellkeep.vitals.Metric;

/**
 * No N+1 on the roster: with N and then 3N sharing patients (more than a page), each sort and a filter costs the
 * same number of SQL statements.
 */
@QuarkusTest
@TestSecurity(user = "replaced-per-test", roles = "coach")
class RosterStatementCountTest {

    static final int N = 10;

    static final List<String> PAGES = List.of("", "?sort=name&dir=desc", "?sort=shares", "?sort=checkin",
            "?sort=data&dir=desc", "?sort=adherence7", "?sort=adherence30", "?sort=alerts&dir=desc", "?sort=reviewed",
            "?sort=tags", "?tag=group-a&below=90&shares=CHECK_INS", "?alerts=open", "?page=2");

    @Test
    void theRosterCostsTheSameStatementsHoweverManyPatients() {
        Person coach = RosterFixture.coach("statements");
        add(coach, 0, N);
        RosterFixture.actAs(coach);
        Map<String, Long> few = counts();
        add(coach, N, 3 * N);
        Map<String, Long> many = counts();
        assertEquals(few, many, "statements per page with " + N + " and " + 3 * N + " patients");
        assertTrue(few.values().stream().allMatch(c -> c > 5), "the statements are counted: " + few);
    }

    private static Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String page : PAGES) {
            // Once before counting: the first roster read of a patient starts their access-log chain.
            get(page);
            counts.put(page, StatementCount.of(() -> get(page)));
        }
        return counts;
    }

    private static void get(String page) {
        given().redirects().follow(false).get("/care-team" + page).then().statusCode(200);
    }

    /** Patients of every kind: all shared, a window, some categories only; with check-ins, data, alerts, reviews. */
    private static void add(Person coach, int from, int to) {
        List<Person> added = new ArrayList<>();
        for (int i = from; i < to; i++) {
            Person p = switch (i % 3) {
                case 0 -> RosterFixture.patient("Count " + i, coach);
                case 1 -> RosterFixture.patient("Count " + i, coach, EnumSet.allOf(Category.class),
                        ConsentFixture.today().minusDays(12));
                default -> RosterFixture.patient("Count " + i, coach, EnumSet.of(Category.CHECK_INS, Category.SLEEP),
                        null);
            };
            RosterFixture.review(p, RosterFixture.checkIn(p, 1), java.time.Instant.now());
            RosterFixture.checkIn(p, 20);
            RosterFixture.latestDay(p, Metric.SLEEP, i % 5);
            RosterFixture.alert(p, 2, true);
            RosterFixture.tag(coach, p, i % 2 == 0 ? "group-a" : "group-b");
            added.add(p);
        }
    }
}
