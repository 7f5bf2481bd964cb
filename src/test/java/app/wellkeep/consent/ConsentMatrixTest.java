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
import java.util.Map;
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
import app.wellkeep.coach.CareNote;
import app.wellkeep.coach.CheckInReview;
import app.wellkeep.coach.CoachFeedback;
import app.wellkeep.coach.ReviewSummary;
import app.wellkeep.coach.TriageEntries;
import app.wellkeep.testsupport.Forms;
import app.wellkeep.vitals.Limit;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.Threshold;
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
    static final List<String> MATRIX_ROUTES = List.of("GET /care-team", "POST /care-team/tags/{patientId}",
            "GET /care-team/patients/{id}",
            "GET /care-team/patients/{id}/trends/{slug}", "GET /care-team/patients/{id}/trends/heart-rate/days/{date}",
            "GET /care-team/patients/{id}/alerts", "GET /care-team/patients/{id}/thresholds",
            "POST /care-team/patients/{id}/thresholds", "GET /api/patients/{patientId}/check-ins",
            "GET /api/patients/{patientId}/questionnaire-responses",
            "GET /care-team/triage", "POST /care-team/check-ins/{checkinId}/review",
            "POST /care-team/check-ins/{checkinId}/review/undo", "POST /care-team/check-ins/{checkinId}/feedback",
            "GET /care-team/patients/{id}/check-ins", "GET /care-team/patients/{id}/notes",
            "POST /care-team/patients/{id}/notes", "GET /care-team/outreach", "GET /care-team/patients/{id}/outreach",
            "POST /care-team/patients/{id}/outreach");

    /** The categories a care team may set limits for, in the order the gate is asked. */
    static final List<Category> LIMIT_CATEGORIES = List.of(Category.HEART, Category.BODY, Category.BLOOD_PRESSURE,
            Category.GLUCOSE);

    /** A kind of reader, the person, and the categories the patient shares with them now (empty: none). */
    record Reader(String name, Person person, Set<Category> shared, boolean windowed, String refusal) {

        boolean seesIdentity() {
            return !shared.isEmpty();
        }

        boolean seesCheckIns() {
            return shared.contains(Category.CHECK_INS);
        }

        boolean sees(Category category) {
            return shared.contains(category);
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

    /**
     * Letters only: the names below end with it and pages write them before a space, so a run ending in digits
     * (say "…57") would read as one of the values checked below with {@code contains(value + " ")}.
     */
    private static final String run = new java.util.Random().ints(8, 'a', 'z' + 1)
            .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    private static Person patient;
    private static List<Reader> readers;
    private static UUID oldCheckIn;
    private static UUID recentCheckIn;
    private static UUID oldResponse;
    private static UUID recentResponse;
    private static final String oldNote = "old-note-" + UUID.randomUUID();
    private static final String recentNote = "recent-note-" + UUID.randomUUID();
    /** Readings with values found nowhere else on the pages: before the window (old) and inside it (recent). */
    private static final int OLD_RESTING = 57;
    private static final int RECENT_RESTING = 73;
    private static final int OLD_HEART = 131;
    private static final int RECENT_HEART = 143;
    private static final int OLD_ALERT = 163;
    private static final int RECENT_ALERT = 171;
    private static final int PATIENTS_LIMIT = 117;
    private static final String teamCareNote = "team-care-note-" + UUID.randomUUID();
    private static final String coachCareNote = "coach-care-note-" + UUID.randomUUID();
    private static Person otherReviewer;

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
        ConsentFixture.reading(patient, Metric.RESTING_HEART_RATE, ConsentFixture.today().minusDays(20), OLD_RESTING);
        ConsentFixture.reading(patient, Metric.RESTING_HEART_RATE, ConsentFixture.today().minusDays(2),
                RECENT_RESTING);
        ConsentFixture.reading(patient, Metric.HEART_RATE, ConsentFixture.today().minusDays(20), OLD_HEART);
        ConsentFixture.reading(patient, Metric.HEART_RATE, ConsentFixture.today().minusDays(2), RECENT_HEART);
        ConsentFixture.alert(patient, Limit.SYSTOLIC_HIGH, ConsentFixture.today().minusDays(20), OLD_ALERT);
        ConsentFixture.alert(patient, Limit.SYSTOLIC_HIGH, ConsentFixture.today().minusDays(2), RECENT_ALERT);
        ConsentFixture.limit(patient, Limit.RESTING_HEART_RATE_HIGH, PATIENTS_LIMIT, patient);
        Instant now = Instant.now();
        Set<Category> checkIns = EnumSet.of(Category.CHECK_INS);
        Set<Category> all = EnumSet.allOf(Category.class);

        readers = new ArrayList<>();
        readers.add(new Reader("the patient", patient, EnumSet.allOf(Category.class), false, null));
        readers.add(new Reader("another patient", ConsentFixture.person("matrix-other-" + run, Role.PATIENT),
                Set.of(), false, "NOT_A_RECIPIENT"));
        readers.add(new Reader("an admin", ConsentFixture.person("matrix-admin-" + run, Role.ADMIN), Set.of(), false,
                "NOT_A_RECIPIENT"));
        Person covering = coach("covering");
        ConsentFixture.grant(patient, covering, null, all, null, null, null);
        readers.add(new Reader("a coach with a covering grant", covering, all, false, null));
        readers.add(new Reader("a coach without a grant", coach("none"), Set.of(), false, "NO_GRANT"));
        Person expired = coach("expired");
        ConsentFixture.grant(patient, expired, null, checkIns, null, now.minus(1, ChronoUnit.MINUTES), null);
        readers.add(new Reader("a coach with an expired grant", expired, Set.of(), false, "EXPIRED"));
        Person revoked = coach("revoked");
        ConsentFixture.grant(patient, revoked, null, checkIns, null, null, now.minus(1, ChronoUnit.MINUTES));
        readers.add(new Reader("a coach with a revoked grant", revoked, Set.of(), false, "REVOKED"));
        Person windowed = coach("window");
        ConsentFixture.grant(patient, windowed, null, all, ConsentFixture.today().minusDays(10), null, null);
        readers.add(new Reader("a coach whose window excludes older data", windowed, all, true, null));
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
        careNote(null, team, member, teamCareNote);
        careNote(covering, null, covering, coachCareNote);
        otherReviewer = coach("reviewer");
        readers.add(new Reader("a member of a care team with a grant", member, checkIns, false, null));
        readers.add(new Reader("a coach who has left that care team", former, Set.of(), false, "NO_GRANT"));
    }

    private static void careNote(Person coach, UUID team, Person author, String body) {
        QuarkusTransaction.requiringNew().run(() -> {
            CareNote note = new CareNote();
            note.id = UUID.randomUUID();
            note.patientId = patient.id;
            note.coachId = coach == null ? null : coach.id;
            note.teamId = team;
            note.authorId = author.id;
            note.authorName = author.displayName;
            note.body = body;
            note.createdAt = Instant.now();
            note.persist();
        });
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
                String body = response.body().asString();
                assertEquals(reader.seesIdentity(), body.contains(patient.id.toString()), "the patient on the roster");
                if (reader.seesIdentity()) {
                    Map<String, String> line = app.wellkeep.testsupport.RosterLines.of(body).get(patient.id);
                    boolean vitals = reader.shared().stream()
                            .anyMatch(c -> c != Category.CHECK_INS && c != Category.ALERTS);
                    assertEquals(reader.seesCheckIns()
                            ? java.time.format.DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM)
                                    .withLocale(java.util.Locale.ENGLISH).format(ConsentFixture.today().minusDays(2))
                            : "Not shared", line.get("checkin"), "the last check-in");
                    assertEquals(!reader.seesCheckIns()
                            ? "Not shared"
                            : reader.windowed() ? "9 % (1 of 11 days)" : "7 % (2 of 30 days)", line.get("adherence30"),
                            "check-ins in the window only");
                    assertEquals(reader.sees(Category.ALERTS) ? (reader.windowed() ? "1" : "2") : "Not shared",
                            line.get("alerts"), "open alerts inside the window");
                    assertEquals(reader.sees(Category.HEART) ? "2 days" : vitals ? "No data" : "Not shared",
                            line.get("data"), "days since the latest shared reading");
                }
                assertNewEvents(before, reader.seesIdentity() ? List.of("PERMIT:null:ROSTER:null") : List.of());
            }
            case "POST /care-team/tags/{patientId}" -> {
                Response response = app.wellkeep.testsupport.Forms.withCsrfFrom("/profile")
                        .formParam("action", "add").formParam("tag", "matrix").post("/care-team/tags/" + patient.id);
                List<String> tags = QuarkusTransaction.requiringNew()
                        .call(() -> app.wellkeep.coach.PatientTag.of(reader.person().id, patient.id).stream()
                                .map(t -> t.tag).toList());
                if (!coach) {
                    assertEquals(403, response.statusCode());
                    assertNoNewEvents(before);
                } else if (!reader.seesIdentity()) {
                    assertEquals(404, response.statusCode());
                    assertEquals(List.of(), tags);
                    assertNewEvents(before, List.of("DENY:null:ROSTER:" + reader.refusal()));
                } else {
                    assertEquals(303, response.statusCode());
                    assertEquals(List.of("matrix"), tags);
                    assertNewEvents(before, List.of("PERMIT:null:ROSTER:null"));
                }
            }
            case "GET /care-team/patients/{id}" -> {
                Response response = get("/care-team/patients/" + patient.id);
                String body = response.body().asString();
                if (owner || !reader.seesIdentity()) {
                    assertEquals(404, response.statusCode());
                    assertFalse(body.contains(recentNote) || body.contains(oldNote));
                    assertFalse(body.contains("data-shared"));
                    assertEquals(owner, body.contains(patient.displayName), "only the patient sees their name");
                    assertNewEvents(before,
                            owner ? List.of() : List.of("DENY:null:CARE_TEAM_VIEW:" + reader.refusal()));
                    return;
                }
                assertEquals(200, response.statusCode());
                assertTrue(body.contains(patient.displayName));
                for (var tile : java.util.Map.of("tile-alerts", Category.ALERTS, "tile-steps", Category.ACTIVITY,
                        "tile-sleep", Category.SLEEP, "tile-resting-heart-rate", Category.HEART, "tile-weight",
                        Category.BODY, "tile-blood-pressure", Category.BLOOD_PRESSURE, "tile-glucose",
                        Category.GLUCOSE, "tile-check-in", Category.CHECK_INS).entrySet()) {
                    assertTrue(body.contains("id=\"" + tile.getKey() + "\" data-shared=\""
                            + reader.sees(tile.getValue()) + "\""), tile.getKey() + " shared or not");
                }
                assertEquals(reader.sees(Category.HEART), body.contains(RECENT_RESTING + " "),
                        "the latest resting heart rate");
                assertFalse(body.contains(OLD_RESTING + " "), "an older reading is no tile's");
                assertEquals(reader.sees(Category.ALERTS), body.contains("1 open alert") || body.contains("2 open"),
                        "open alerts counted");
                assertEquals(reader.sees(Category.ALERTS) && !reader.windowed(), body.contains("2 open alerts"),
                        "the alert before the window is not counted");
                assertFalse(body.contains(recentNote) || body.contains(oldNote), "no check-in text on the overview");
                List<String> expected = new ArrayList<>(List.of("PERMIT:null:CARE_TEAM_VIEW:null"));
                reader.shared().stream().sorted().forEach(c -> expected.add("PERMIT:" + c + ":CARE_TEAM_VIEW:null"));
                assertNewEvents(before, expected);
            }
            case "GET /care-team/patients/{id}/trends/{slug}" -> {
                Response response = get("/care-team/patients/" + patient.id + "/trends/resting-heart-rate?range=30");
                String body = response.body().asString();
                if (owner || !reader.sees(Category.HEART)) {
                    assertEquals(404, response.statusCode());
                    assertFalse(body.contains("data-value=\"" + RECENT_RESTING + "\""));
                    assertNewEvents(before,
                            owner ? List.of() : List.of("DENY:HEART:CARE_TEAM_VIEW:" + refusal(reader)));
                    return;
                }
                assertEquals(200, response.statusCode());
                assertTrue(body.contains("data-value=\"" + RECENT_RESTING + "\""), "the recent reading");
                assertEquals(!reader.windowed(), body.contains("data-value=\"" + OLD_RESTING + "\""),
                        "the reading before the window");
                assertEquals(reader.windowed(), body.contains("id=\"window-notice\""), "the range clipped, and said");
                assertNewEvents(before, List.of("PERMIT:HEART:CARE_TEAM_VIEW:null"));
            }
            case "GET /care-team/patients/{id}/trends/heart-rate/days/{date}" -> {
                String base = "/care-team/patients/" + patient.id + "/trends/heart-rate/days/";
                Response old = get(base + ConsentFixture.today().minusDays(20));
                Response recent = get(base + ConsentFixture.today().minusDays(2));
                if (owner || !reader.sees(Category.HEART)) {
                    assertEquals(404, old.statusCode());
                    assertEquals(404, recent.statusCode());
                    assertFalse(recent.body().asString().contains("data-value=\"" + RECENT_HEART + "\""));
                    String deny = "DENY:HEART:CARE_TEAM_VIEW:" + refusal(reader);
                    assertNewEvents(before, owner ? List.of() : List.of(deny, deny));
                    return;
                }
                assertEquals(200, old.statusCode());
                assertEquals(200, recent.statusCode());
                assertTrue(recent.body().asString().contains("data-value=\"" + RECENT_HEART + "\""));
                assertEquals(!reader.windowed(), old.body().asString().contains("data-value=\"" + OLD_HEART + "\""),
                        "a day before the window");
                assertEquals(reader.windowed(), old.body().asString().contains("id=\"window-notice\""));
                assertNewEvents(before,
                        List.of("PERMIT:HEART:CARE_TEAM_VIEW:null", "PERMIT:HEART:CARE_TEAM_VIEW:null"));
            }
            case "GET /care-team/patients/{id}/alerts" -> {
                Response response = get("/care-team/patients/" + patient.id + "/alerts");
                String body = response.body().asString();
                if (owner || !reader.sees(Category.ALERTS)) {
                    assertEquals(404, response.statusCode());
                    assertFalse(body.contains("Reading: " + RECENT_ALERT));
                    assertNewEvents(before,
                            owner ? List.of() : List.of("DENY:ALERTS:CARE_TEAM_VIEW:" + refusal(reader)));
                    return;
                }
                assertEquals(200, response.statusCode());
                assertTrue(body.contains("Reading: " + RECENT_ALERT + " "), "the recent alert");
                assertEquals(!reader.windowed(), body.contains("Reading: " + OLD_ALERT + " "),
                        "the alert before the window");
                assertNewEvents(before, List.of("PERMIT:ALERTS:CARE_TEAM_VIEW:null"));
            }
            case "GET /care-team/patients/{id}/thresholds" -> {
                Response response = get("/care-team/patients/" + patient.id + "/thresholds");
                String body = response.body().asString();
                if (owner || !reader.seesIdentity()) {
                    assertEquals(404, response.statusCode());
                    assertFalse(body.contains("value=\"" + PATIENTS_LIMIT + "\""));
                    assertNewEvents(before,
                            owner ? List.of() : List.of("DENY:null:CARE_TEAM_VIEW:" + reader.refusal()));
                    return;
                }
                assertEquals(200, response.statusCode());
                for (Limit limit : Limit.values()) {
                    assertEquals(reader.sees(limit.metric().category()), body.contains("id=\"limit-" + limit + "\""),
                            limit + " offered only when its data is shared");
                }
                assertEquals(reader.sees(Category.HEART), body.contains("value=\"" + PATIENTS_LIMIT + "\""));
                assertEquals(LIMIT_CATEGORIES.stream().noneMatch(reader::sees), body.contains("id=\"no-limits\""));
                List<String> expected = new ArrayList<>(List.of("PERMIT:null:CARE_TEAM_VIEW:null"));
                reader.shared().stream().sorted().filter(LIMIT_CATEGORIES::contains)
                        .forEach(c -> expected.add("PERMIT:" + c + ":CARE_TEAM_VIEW:null"));
                assertNewEvents(before, expected);
            }
            case "POST /care-team/patients/{id}/thresholds" -> {
                // A coach's limit for oxygen saturation (heart data): set only by a reader the patient shares it with.
                String value = String.valueOf(88 + Math.floorMod(reader.name().hashCode(), 8));
                Response response = Forms.withCsrf().formParam("limit", "SPO2_LOW").formParam("value", value)
                        .post("/care-team/patients/" + patient.id + "/thresholds");
                Threshold stored = QuarkusTransaction.requiringNew().call(() -> Threshold
                        .<Threshold>find("personId = ?1 and limitType = ?2", patient.id, Limit.SPO2_LOW)
                        .firstResult());
                if (owner || !reader.sees(Category.HEART)) {
                    assertEquals(404, response.statusCode());
                    assertTrue(stored == null || !reader.person().id.equals(stored.setBy), "nothing set");
                    assertNewEvents(before,
                            owner ? List.of() : List.of("DENY:HEART:CARE_TEAM_VIEW:" + refusal(reader)));
                    return;
                }
                assertEquals(303, response.statusCode());
                assertEquals(reader.person().id, stored.setBy, "who set it is kept");
                assertEquals(Double.parseDouble(value), stored.value);
                assertNewEvents(before, List.of("PERMIT:HEART:CARE_TEAM_VIEW:null"));
            }
            case "GET /care-team/triage" -> {
                Response response = get("/care-team/triage");
                if (!coach) {
                    assertEquals(403, response.statusCode());
                    assertNoNewEvents(before);
                    return;
                }
                assertEquals(200, response.statusCode());
                String body = response.body().asString();
                assertEquals(reader.seesCheckIns(), body.contains("triage-" + recentCheckIn), "the recent check-in");
                assertFalse(body.contains("triage-" + oldCheckIn),
                        "the check-in of 20 days ago: before some windows, and past the queue's two weeks for all");
                // The recent check-in is on the page; its open alerts rank it for a coach who sees alerts.
                assertNewEvents(before, !reader.seesCheckIns()
                        ? List.of()
                        : reader.sees(Category.ALERTS)
                                ? List.of("PERMIT:ALERTS:TRIAGE:null", "PERMIT:CHECK_INS:TRIAGE:null")
                                : List.of("PERMIT:CHECK_INS:TRIAGE:null"));
            }
            case "POST /care-team/check-ins/{checkinId}/review" -> {
                Response response = post("/care-team/check-ins/" + recentCheckIn + "/review");
                if (!coach) {
                    assertEquals(403, response.statusCode());
                    assertNoNewEvents(before);
                    return;
                }
                List<String> expected = new ArrayList<>();
                if (!reader.seesCheckIns()) {
                    assertEquals(404, response.statusCode());
                    assertEquals(0L, reviews(recentCheckIn));
                    assertNewEvents(before, List.of("DENY:CHECK_INS:CARE_TEAM_VIEW:" + reader.refusal()));
                    return;
                }
                assertEquals(303, response.statusCode());
                assertEquals(1L, reviews(recentCheckIn));
                post("/care-team/check-ins/" + recentCheckIn + "/review/undo").then().statusCode(303);
                assertEquals(0L, reviews(recentCheckIn));
                expected.addAll(
                        List.of("PERMIT:CHECK_INS:CARE_TEAM_VIEW:null", "PERMIT:CHECK_INS:CARE_TEAM_VIEW:null"));
                if (reader.windowed()) {
                    post("/care-team/check-ins/" + oldCheckIn + "/review").then().statusCode(404);
                    assertEquals(0L, reviews(oldCheckIn));
                    expected.add("DENY:CHECK_INS:CARE_TEAM_VIEW:OUTSIDE_WINDOW");
                }
                assertNewEvents(before, expected);
            }
            case "POST /care-team/check-ins/{checkinId}/review/undo" -> {
                reviewBy(otherReviewer, recentCheckIn);
                try {
                    Response response = post("/care-team/check-ins/" + recentCheckIn + "/review/undo");
                    if (!coach) {
                        assertEquals(403, response.statusCode());
                        assertNoNewEvents(before);
                        return;
                    }
                    if (!reader.seesCheckIns()) {
                        assertEquals(404, response.statusCode());
                        assertNewEvents(before, List.of("DENY:CHECK_INS:CARE_TEAM_VIEW:" + reader.refusal()));
                    } else {
                        assertEquals(403, response.statusCode(), "only the reviewer may undo");
                        assertTrue(response.body().asString().contains(otherReviewer.displayName));
                        assertNewEvents(before, List.of("PERMIT:CHECK_INS:CARE_TEAM_VIEW:null"));
                    }
                    assertEquals(1L, reviews(recentCheckIn), "the review stays");
                } finally {
                    QuarkusTransaction.requiringNew().run(() -> {
                        CheckInReview.deleteById(recentCheckIn);
                        ReviewSummary.refresh(patient.id);
                        TriageEntries.refresh(patient.id);
                    });
                }
            }
            case "POST /care-team/check-ins/{checkinId}/feedback" -> {
                String text = "feedback-" + UUID.randomUUID();
                Response response = post("/care-team/check-ins/" + recentCheckIn + "/feedback", text);
                if (!coach) {
                    assertEquals(403, response.statusCode());
                    assertNoNewEvents(before);
                    return;
                }
                List<String> expected = new ArrayList<>();
                if (!reader.seesCheckIns()) {
                    assertEquals(404, response.statusCode());
                    expected.add("DENY:CHECK_INS:CARE_TEAM_VIEW:" + reader.refusal());
                } else {
                    assertEquals(303, response.statusCode());
                    expected.add("PERMIT:CHECK_INS:CARE_TEAM_VIEW:null");
                }
                assertEquals(reader.seesCheckIns() ? 1L : 0L, QuarkusTransaction.requiringNew()
                        .call(() -> CoachFeedback.count("body = ?1 and authorId = ?2", text, reader.person().id)));
                if (reader.windowed()) {
                    post("/care-team/check-ins/" + oldCheckIn + "/feedback", text).then().statusCode(404);
                    expected.add("DENY:CHECK_INS:CARE_TEAM_VIEW:OUTSIDE_WINDOW");
                }
                assertNewEvents(before, expected);
            }
            case "GET /care-team/patients/{id}/check-ins" -> {
                Response response = get("/care-team/patients/" + patient.id + "/check-ins");
                String body = response.body().asString();
                if (owner || !reader.seesIdentity()) {
                    assertEquals(404, response.statusCode());
                    assertFalse(body.contains(recentNote) || body.contains(oldNote));
                    assertNewEvents(before,
                            owner ? List.of() : List.of("DENY:null:CARE_TEAM_VIEW:" + reader.refusal()));
                    return;
                }
                assertEquals(200, response.statusCode());
                assertTrue(body.contains(patient.displayName));
                assertEquals(reader.seesCheckIns(), body.contains(recentNote), "the recent check-in");
                assertEquals(!reader.seesCheckIns(), body.contains("Check-ins are not shared with you."));
                List<String> expected = new ArrayList<>(List.of("PERMIT:null:CARE_TEAM_VIEW:null"));
                if (reader.seesCheckIns()) {
                    expected.add("PERMIT:CHECK_INS:CARE_TEAM_VIEW:null");
                    // The old check-in is 20 days back: the page of the last 30 days has it unless the window hides it.
                    assertEquals(!reader.windowed(), body.contains(oldNote), "the old check-in");
                } else {
                    assertFalse(body.contains(oldNote));
                }
                assertNewEvents(before, expected);
            }
            case "GET /care-team/patients/{id}/notes" -> {
                Response response = get("/care-team/patients/" + patient.id + "/notes");
                String body = response.body().asString();
                boolean member = reader.name().equals("a member of a care team with a grant");
                boolean author = reader.name().equals("a coach with a covering grant");
                assertEquals(member, body.contains(teamCareNote), "the team's note");
                assertEquals(author, body.contains(coachCareNote), "the covering coach's own note");
                if (owner || !reader.seesIdentity()) {
                    assertEquals(404, response.statusCode());
                    assertNewEvents(before,
                            owner ? List.of() : List.of("DENY:null:CARE_TEAM_VIEW:" + reader.refusal()));
                    return;
                }
                assertEquals(200, response.statusCode());
                assertNewEvents(before, List.of("PERMIT:null:CARE_TEAM_VIEW:null"));
            }
            case "POST /care-team/patients/{id}/notes" -> {
                String text = "note-" + UUID.randomUUID();
                Response response = post("/care-team/patients/" + patient.id + "/notes", text);
                long stored = QuarkusTransaction.requiringNew().call(() -> CareNote.count("body", text));
                if (owner || !reader.seesIdentity()) {
                    assertEquals(404, response.statusCode());
                    assertEquals(0L, stored);
                    assertNewEvents(before,
                            owner ? List.of() : List.of("DENY:null:CARE_TEAM_VIEW:" + reader.refusal()));
                    return;
                }
                assertEquals(303, response.statusCode());
                assertEquals(1L, stored);
                assertNewEvents(before, List.of("PERMIT:null:CARE_TEAM_VIEW:null"));
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
                // A coach who sees a category of readings lists the patient (1 of 30 days at most), one who sees
                // alerts too (an alert two days old); the recent check-in keeps a check-ins-only coach from listing.
                boolean listed = reader.shared().stream().anyMatch(c -> c != Category.CHECK_INS);
                assertEquals(listed, body.contains(patient.id.toString()), "the patient on the outreach list");
                assertFalse(body.contains(recentNote) || body.contains(oldNote));
                // Only the patients listed are logged, as the roster logs only the lines it shows.
                assertNewEvents(before, listed ? List.of("PERMIT:null:OUTREACH:null") : List.of());
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

    /**
     * Why a read of a category other than check-ins is refused: a reader with any grant that does not (or no longer)
     * cover it is refused for the category; the expired and revoked grants are of check-ins.
     */
    private static String refusal(Reader reader) {
        return reader.seesIdentity() || List.of("EXPIRED", "REVOKED").contains(reader.refusal())
                ? "OTHER_CATEGORY"
                : reader.refusal();
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

    /** A form post with a valid CSRF token (from a page open to everyone signed in), so that only consent decides. */
    private static Response post(String path, String... body) {
        var request = Forms.withCsrf();
        if (body.length > 0) {
            request = request.formParam("body", body[0]);
        }
        return request.post(path);
    }

    private static long reviews(UUID checkInId) {
        return QuarkusTransaction.requiringNew().call(() -> CheckInReview.count("checkinId", checkInId));
    }

    private static void reviewBy(Person coach, UUID checkInId) {
        QuarkusTransaction.requiringNew().run(() -> {
            CheckInReview review = new CheckInReview();
            review.checkinId = checkInId;
            review.patientId = patient.id;
            review.reviewedBy = coach.id;
            review.reviewerName = coach.displayName;
            review.reviewedAt = Instant.now().plusSeconds(5);
            review.persist();
            ReviewSummary.refresh(patient.id);
            TriageEntries.refresh(patient.id);
        });
    }

    private long contacts() {
        return QuarkusTransaction.requiringNew()
                .call(() -> app.wellkeep.coach.OutreachContact.count("patientId", patient.id));
    }

    private List<AuditEvent> events() {
        return QuarkusTransaction.requiringNew()
                .call(() -> AuditEvent.<AuditEvent>list("patientId = ?1 order by recordedNo", patient.id));
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
