package app.wellkeep.consent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.ConsentReceipt.Action;
import app.wellkeep.testsupport.StatementCount;

/**
 * No N+1 on the patient's sharing page: with grants to coaches, to care teams and to recipients who have gone, the
 * page costs the same statements for one grant of each kind as for four.
 */
@QuarkusTest
@TestSecurity(user = "sharing-count-patient", roles = "patient")
class SharingStatementCountTest {

    @Test
    void theSharingPageCostsTheSameStatementsHoweverManyGrants() {
        Person patient = ConsentFixture.person("sharing-count-patient", Role.PATIENT);
        add(patient, 1);
        // Once before counting, each time: the first visit after grants ended also marks that news as seen.
        page();
        long few = StatementCount.of(SharingStatementCountTest::page);
        List<String> names = add(patient, 3);
        page();
        long many = StatementCount.of(SharingStatementCountTest::page);
        assertEquals(few, many, "statements for one grant of each kind and for four");
        assertTrue(few > 3, "the statements are counted: " + few);
        // Each recipient is still named, and each team's members listed.
        names.forEach(name -> given().get("/sharing").then().body(containsString(name)));
    }

    private static void page() {
        given().get("/sharing").then().statusCode(200);
    }

    /** Per round: a grant to a coach, one to a team of two, and one whose recipient has gone; returns the names. */
    private static List<String> add(Person patient, int rounds) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            Person coach = ConsentFixture.person("count-coach-" + tag, Role.COACH);
            ConsentFixture.grant(patient, coach, null, EnumSet.of(Category.SLEEP), null, null, null);
            Person first = ConsentFixture.person("count-member-a-" + tag, Role.COACH);
            Person second = ConsentFixture.person("count-member-b-" + tag, Role.COACH);
            UUID team = ConsentFixture.team("Count team " + tag, List.of(first, second));
            ConsentFixture.grant(patient, null, team, EnumSet.of(Category.ACTIVITY), null, null, null);
            ConsentGrant gone = ConsentFixture.grant(patient, null, null, EnumSet.of(Category.BODY), null, null,
                    Instant.now().minus(1, ChronoUnit.DAYS));
            QuarkusTransaction.requiringNew().run(() -> ConsentReceipt.of(gone, Action.ENDED,
                    new Recipient(Recipient.Kind.COACH, null, "Gone coach " + tag, List.of()), Instant.now())
                    .persist());
            names.addAll(List.of(coach.displayName, "Count team " + tag, first.displayName, second.displayName,
                    "Gone coach " + tag));
        }
        return names;
    }
}
