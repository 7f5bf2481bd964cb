package app.wellkeep.consent;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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
import app.wellkeep.audit.AuditEvent;
import app.wellkeep.testsupport.Forms;
import app.wellkeep.web.Routes;

/**
 * The consent matrix: every kind of reader (the patient, another patient, coaches with a covering, no, expired,
 * revoked, out-of-window or other-category grant, a care-team member and a former one, an admin) against every route
 * that serves a patient's data. Each cell asserts the answer, exactly which readings are in it, and the access-log
 * events written. {@link #everyRouteBeyondPatientsIsInTheMatrix} fails when a route is added that could serve a
 * patient's data to someone else without a row here.
 */
@QuarkusTest
class ConsentMatrixTest {

    /** The routes that serve a patient's data to others, with the category each reads. */
    static final List<String> MATRIX_ROUTES = List.of("GET /care-team", "GET /care-team/patients/{id}",
            "GET /api/patients/{patientId}/check-ins", "GET /api/patients/{patientId}/questionnaire-responses",
            "GET /care-team/outreach", "GET /care-team/patients/{id}/outreach",
            "POST /care-team/patients/{id}/outreach");

    /** A kind of reader, the person, and the categories the patient shares with them now (empty: none). */
    record Reader(String name, Person person, Set<Category> shared, boolean windowed, String refusal) {

        boolean seesIdentity() {
            return !shared.isEmpty();
        }

        boolean seesCheckIns() {
            return shared.contains(Category.CHECK_INS);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The kinds of reader, by name; the arguments of the matrix are these names, the people are made once. */
    static final List<String> READERS = Stream.concat(Stream.of("the patient", "another patient", "an admin",
            "a coach with a covering grant", "a coach without a grant", "a coach with an expired grant",
            "a coach with a revoked grant", "a coach whose window excludes older data",
            "a member of a care team with a grant", "a coach who has left that care team"),
            Stream.of(Category.values()).filter(c -> c != Category.CHECK_INS)
                    .map(c -> "a coach with a grant for " + c + " only"))
            .toList();

    private static final String run = UUID.randomUUID().toString().substring(0, 8);
    private static Person patient;
    private static List<Reader> readers;
    private static UUID oldCheckIn;
    private static UUID recentCheckIn;
    private static UUID oldResponse;
    private static UUID recentResponse;
    private static final String oldNote = "old-note-" + UUID.randomUUID();
    private static final String recentNote = "recent-note-" + UUID.randomUUID();

    private static synchronized Reader reader(String name) {
        if (readers == null) {
            seed();
        }
        return readers.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private static void seed() {
        patient = ConsentFixture.person("matrix-patient-" + run, Role.PATIENT);
        oldCheckIn = ConsentFixture.checkIn(patient, ConsentFixture.today().minusDays(20), oldNote).id;
        recentCheckIn = ConsentFixture.checkIn(patient, ConsentFixture.today().minusDays(2), recentNote).id;
        oldResponse = ConsentFixture.phq2(patient, ConsentFixture.today().minusDays(21)).id;
        recentResponse = ConsentFixture.phq2(patient, ConsentFixture.today().minusDays(1)).id;
        Instant now = Instant.now();
        Set<Category> checkIns = EnumSet.of(Category.CHECK_INS);

        readers = new ArrayList<>();
        readers.add(new Reader("the patient", patient, EnumSet.allOf(Category.class), false, null));
        readers.add(new Reader("another patient", ConsentFixture.person("matrix-other-" + run, Role.PATIENT),
                Set.of(), false, "NOT_A_RECIPIENT"));
        readers.add(new Reader("an admin", ConsentFixture.person("matrix-admin-" + run, Role.ADMIN), Set.of(), false,
                "NOT_A_RECIPIENT"));
        Person covering = coach("covering");
        ConsentFixture.grant(patient, covering, null, checkIns, null, null, null);
        readers.add(new Reader("a coach with a covering grant", covering, checkIns, false, null));
        readers.add(new Reader("a coach without a grant", coach("none"), Set.of(), false, "NO_GRANT"));
        Person expired = coach("expired");
        ConsentFixture.grant(patient, expired, null, checkIns, null, now.minus(1, ChronoUnit.MINUTES), null);
        readers.add(new Reader("a coach with an expired grant", expired, Set.of(), false, "EXPIRED"));
        Person revoked = coach("revoked");
        ConsentFixture.grant(patient, revoked, null, checkIns, null, null, now.minus(1, ChronoUnit.MINUTES));
        readers.add(new Reader("a coach with a revoked grant", revoked, Set.of(), false, "REVOKED"));
        Person windowed = coach("window");
        ConsentFixture.grant(patient, windowed, null, checkIns, ConsentFixture.today().minusDays(10), null, null);
        readers.add(new Reader("a coach whose window excludes older data", windowed, checkIns, true, null));
        for (Category other : Category.values()) {
            if (other != Category.CHECK_INS) {
                Person coach = coach("other-" + other.name().toLowerCase());
                ConsentFixture.grant(patient, coach, null, EnumSet.of(other), null, null, null);
                readers.add(new Reader("a coach with a grant for " + other + " only", coach, EnumSet.of(other), false,
                        "OTHER_CATEGORY"));
            }
        }
        Person member = coach("member");
        Person former = coach("former");
        UUID team = ConsentFixture.team("Matrix team " + run, List.of(member, former));
        ConsentFixture.grant(patient, null, team, checkIns, null, null, null);
        ConsentFixture.leave(team, former);
        readers.add(new Reader("a member of a care team with a grant", member, checkIns, false, null));
        readers.add(new Reader("a coach who has left that care team", former, Set.of(), false, "NO_GRANT"));
    }

    private static Person coach(String name) {
        return ConsentFixture.person("matrix-coach-" + name + "-" + run, Role.COACH);
    }

    static Stream<Arguments> cells() {
        return READERS.stream().flatMap(r -> MATRIX_ROUTES.stream().map(route -> Arguments.of(r, route)));
    }

    @Test
    void everyKindOfReaderIsInTheMatrix() {
        reader(READERS.get(0));
        assertEquals(new java.util.TreeSet<>(READERS),
                readers.stream().map(Reader::name).collect(Collectors.toCollection(java.util.TreeSet::new)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("cells")
    @TestSecurity(user = "replaced-per-cell", roles = "patient")
    void eachReaderGetsExactlyWhatTheConsentAllows(String readerName, String route) {
        Reader reader = reader(readerName);
        actAs(reader.person());
        boolean owner = reader.person().id.equals(patient.id);
        boolean coach = reader.person().role == Role.COACH;
        List<AuditEvent> before = events();
        switch (route) {
            case "GET /care-team" -> {
                Response response = get("/care-team");
                if (!coach) {
                    assertEquals(403, response.statusCode());
                    assertNoNewEvents(before);
                    return;
                }
                assertEquals(200, response.statusCode());
                assertEquals(reader.seesIdentity(), response.body().asString().contains(patient.id.toString()),
                        "the patient on the roster");
                assertNewEvents(before, reader.seesIdentity() ? List.of("PERMIT:null:ROSTER:null") : List.of());
            }
            case "GET /care-team/patients/{id}" -> {
                Response response = get("/care-team/patients/" + patient.id);
                String body = response.body().asString();
                if (owner || !reader.seesIdentity()) {
                    assertEquals(404, response.statusCode());
                    assertFalse(body.contains(recentNote) || body.contains(oldNote));
                    assertEquals(owner, body.contains(patient.displayName), "only the patient sees their name");
                    assertNewEvents(before,
                            owner ? List.of() : List.of("DENY:null:CARE_TEAM_VIEW:" + reader.refusal()));
                    return;
                }
                assertEquals(200, response.statusCode());
                assertTrue(body.contains(patient.displayName));
                assertEquals(reader.seesCheckIns(), body.contains(recentNote), "the recent check-in");
                assertEquals(reader.seesCheckIns() && !reader.windowed(), body.contains(oldNote), "the old check-in");
                List<String> expected = new ArrayList<>(List.of("PERMIT:null:CARE_TEAM_VIEW:null"));
                if (reader.seesCheckIns()) {
                    expected.add("PERMIT:CHECK_INS:CARE_TEAM_VIEW:null");
                }
                assertNewEvents(before, expected);
            }
            case "GET /care-team/outreach" -> {
                Response response = get("/care-team/outreach");
                if (!coach) {
                    assertEquals(403, response.statusCode());
                    assertNoNewEvents(before);
                    return;
                }
                assertEquals(200, response.statusCode());
                String body = response.body().asString();
                // Readings are never sent, so a coach who sees a category of readings lists the patient (0 of 30
                // days); the recent check-in keeps a check-ins-only coach from listing them.
                boolean listed = reader.shared().stream().anyMatch(c -> c != Category.CHECK_INS
                        && c != Category.ALERTS);
                assertEquals(listed, body.contains(patient.id.toString()), "the patient on the outreach list");
                assertFalse(body.contains(recentNote) || body.contains(oldNote));
                assertNewEvents(before, reader.seesIdentity() ? List.of("PERMIT:null:OUTREACH:null") : List.of());
            }
            case "GET /care-team/patients/{id}/outreach", "POST /care-team/patients/{id}/outreach" -> {
                boolean post = route.startsWith("POST");
                long contacts = contacts();
                Response response = post
                        ? Forms.withCsrf().formParam("channel", "PHONE").formParam("outcome", "REACHED")
                                .post("/care-team/patients/" + patient.id + "/outreach")
                        : get("/care-team/patients/" + patient.id + "/outreach");
                String body = response.body().asString();
                if (owner || !reader.seesIdentity()) {
                    assertEquals(404, response.statusCode());
                    assertFalse(body.contains(patient.displayName) && !owner, "nothing about the patient");
                    assertEquals(contacts, contacts(), "no contact logged");
                    assertNewEvents(before,
                            owner ? List.of() : List.of("DENY:null:CARE_TEAM_VIEW:" + reader.refusal()));
                    return;
                }
                if (post) {
                    assertEquals(303, response.statusCode());
                    assertEquals(contacts + 1, contacts(), "the contact is logged");
                } else {
                    assertEquals(200, response.statusCode());
                    assertTrue(body.contains(patient.displayName));
                    assertEquals(!reader.seesCheckIns(),
                            body.contains("Not shared")
                                    && body.indexOf("Not shared") < body.indexOf("Days with readings"),
                            "check-ins shown as not shared");
                    assertEquals(reader.seesCheckIns(), body.contains("2 days ago"), "the last check-in");
                    assertFalse(body.contains(recentNote) || body.contains(oldNote));
                }
                assertNewEvents(before, List.of("PERMIT:null:CARE_TEAM_VIEW:null"));
            }
            default -> {
                String path = route.replace("{patientId}", patient.id.toString()).substring(4);
                Response response = get(path);
                boolean responses = route.endsWith("questionnaire-responses");
                UUID recent = responses ? recentResponse : recentCheckIn;
                UUID old = responses ? oldResponse : oldCheckIn;
                String body = response.body().asString();
                if (!owner && !reader.seesCheckIns()) {
                    assertEquals(404, response.statusCode());
                    assertFalse(body.contains(recent.toString()) || body.contains(old.toString()));
                    assertNewEvents(before, List.of("DENY:CHECK_INS:API:" + reader.refusal()));
                    return;
                }
                assertEquals(200, response.statusCode());
                assertTrue(body.contains(recent.toString()), "the recent reading");
                assertEquals(!reader.windowed(), body.contains(old.toString()), "the reading before the window");
                assertNewEvents(before, owner ? List.of() : List.of("PERMIT:CHECK_INS:API:null"));
            }
        }
    }

    @Test
    void everyRouteBeyondPatientsIsInTheMatrix() {
        Set<String> beyondPatients = Routes.ALL.stream().filter(r -> r.access() != Routes.Access.PATIENT)
                .map(Routes.Route::key).filter(k -> !Routes.NO_PATIENT_DATA.contains(k))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        assertEquals(new java.util.TreeSet<>(MATRIX_ROUTES), beyondPatients,
                "a route open to others than patients serves no patient data (Routes.NO_PATIENT_DATA) or has its "
                        + "place in the consent matrix");
    }

    @Test
    @TestSecurity(user = "replaced-per-cell", roles = "patient")
    void aMalformedQueryIsRefusedAndLogsNoReadItDidNotMake() {
        Reader covering = reader("a coach with a covering grant");
        actAs(covering.person());
        List<AuditEvent> before = events();
        for (String query : List.of("?from=yesterday", "?from=2020-01-01&to=2024-01-01",
                "?to=2020-01-01&from=2021-01-01")) {
            get("/api/patients/" + patient.id + "/check-ins" + query).then().statusCode(400);
            get("/api/patients/" + patient.id + "/questionnaire-responses" + query).then().statusCode(400);
        }
        assertNoNewEvents(before);
        // A reader the patient does not share with learns nothing from the query: refused, and logged, as always.
        Reader stranger = reader("a coach without a grant");
        actAs(stranger.person());
        get("/api/patients/" + patient.id + "/check-ins?from=yesterday").then().statusCode(404);
        assertNewEvents(before, List.of("DENY:CHECK_INS:API:NO_GRANT"));
    }

    @Test
    void theAccessLogStaysIntactThroughTheMatrix() {
        assertTrue(Arc.container().instance(app.wellkeep.audit.AuditLog.class).get().verify().intact());
    }

    private Person acting;

    private void actAs(Person person) {
        acting = person;
        Arc.container().instance(TestIdentityAssociation.class).get()
                .setTestIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(person.subject))
                        .addRole(person.role.name().toLowerCase()).build());
    }

    private static Response get(String path) {
        return given().redirects().follow(false).get(path);
    }

    private long contacts() {
        return QuarkusTransaction.requiringNew()
                .call(() -> app.wellkeep.coach.OutreachContact.count("patientId", patient.id));
    }

    private List<AuditEvent> events() {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent>list("patientId = ?1 order by seq", patient.id));
    }

    private void assertNoNewEvents(List<AuditEvent> before) {
        assertEquals(before.size(), events().size());
    }

    /** New events as "outcome:category:purpose:reason", and each by the reader acting now with a grant if permitted. */
    private void assertNewEvents(List<AuditEvent> before, List<String> expected) {
        List<AuditEvent> after = events();
        List<AuditEvent> added = after.subList(before.size(), after.size());
        assertEquals(expected, added.stream().map(e -> e.outcome + ":" + e.category + ":" + e.purpose + ":" + e.reason)
                .toList());
        for (AuditEvent e : added) {
            assertEquals(acting.id, e.actorId, "the event names the reader");
            assertEquals(e.outcome.equals("PERMIT"), e.grantId != null, "a permit names its grant");
        }
    }
}
