package app.wellkeep.coach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckIn.Symptom;
import app.wellkeep.coach.TriageService.Item;
import app.wellkeep.coach.TriageService.Reason;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;

/** The triage rules, each at its boundary, the ranking, and the grant's window. */
@QuarkusTest
class TriageServiceTest {

    private static final Set<Category> CHECK_INS = EnumSet.of(Category.CHECK_INS);
    private static final LocalDate TODAY = ConsentFixture.today();

    @Inject
    TriageService triage;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private Person coach(String name) {
        return ConsentFixture.person("triage-coach-" + name + "-" + run, Role.COACH);
    }

    private Person patientOf(Person coach, String name, Set<Category> categories) {
        Person patient = ConsentFixture.person("triage-patient-" + name + "-" + run, Role.PATIENT);
        ConsentFixture.grant(patient, coach, null, categories, null, null, null);
        return patient;
    }

    private Item item(Person coach, UUID checkInId) {
        return triage.queue(coach, 1).items().stream().filter(i -> i.checkInId().equals(checkInId)).findFirst()
                .orElseThrow(() -> new AssertionError("not in the queue: " + checkInId));
    }

    private Set<Reason> reasons(Person coach, UUID checkInId) {
        return item(coach, checkInId).reasons();
    }

    @Test
    void lowMoodIsTwoOrLess() {
        Person coach = coach("mood");
        Person patient = patientOf(coach, "mood", CHECK_INS);
        UUID two = TriageFixture.checkIn(patient, TODAY.minusDays(2), 2).id;
        UUID three = TriageFixture.checkIn(patient, TODAY.minusDays(1), 3).id;
        assertEquals(Set.of(Reason.LOW_MOOD), reasons(coach, two));
        assertEquals(Set.of(), reasons(coach, three));
    }

    @Test
    void screeningsCountFromThree() {
        Person coach = coach("screening");
        Person patient = patientOf(coach, "screening", CHECK_INS);
        UUID phq3 = TriageFixture.checkIn(patient, TODAY.minusDays(4), 4).id;
        TriageFixture.response(patient, TODAY.minusDays(4), "phq-2", 3, false);
        UUID phq2 = TriageFixture.checkIn(patient, TODAY.minusDays(3), 4).id;
        TriageFixture.response(patient, TODAY.minusDays(3), "phq-2", 2, false);
        UUID gad3 = TriageFixture.checkIn(patient, TODAY.minusDays(2), 4).id;
        TriageFixture.response(patient, TODAY.minusDays(2), "gad-2", 3, false);
        UUID gad2 = TriageFixture.checkIn(patient, TODAY.minusDays(1), 4).id;
        TriageFixture.response(patient, TODAY.minusDays(1), "gad-2", 2, false);
        assertEquals(Set.of(Reason.PHQ2), reasons(coach, phq3));
        assertEquals(Set.of(), reasons(coach, phq2));
        assertEquals(Set.of(Reason.GAD2), reasons(coach, gad3));
        assertEquals(Set.of(), reasons(coach, gad2));
    }

    @Test
    void anUrgentAnswerThatDayComesFirst() {
        Person coach = coach("urgent");
        Person patient = patientOf(coach, "urgent", CHECK_INS);
        UUID itemNineZero = TriageFixture.checkIn(patient, TODAY.minusDays(3), 1).id;
        TriageFixture.response(patient, TODAY.minusDays(3), "phq-9", 12, false);
        UUID itemNineOne = TriageFixture.checkIn(patient, TODAY.minusDays(1), 4).id;
        TriageFixture.response(patient, TODAY.minusDays(1), "phq-9", 10, true);
        assertEquals(Set.of(Reason.URGENT_ANSWER), reasons(coach, itemNineOne));
        assertEquals(Set.of(Reason.LOW_MOOD), reasons(coach, itemNineZero));
        List<Item> queue = triage.queue(coach, 1).items();
        assertEquals(itemNineOne, queue.get(0).checkInId(), "the urgent answer outranks low mood");
    }

    @Test
    void symptomsAreNewWhenAbsentFromThePreviousCheckIn() {
        Person coach = coach("symptoms");
        Person patient = patientOf(coach, "symptoms", CHECK_INS);
        UUID first = TriageFixture.checkIn(patient, TODAY.minusDays(3), 4, Symptom.HEADACHE).id;
        UUID repeated = TriageFixture.checkIn(patient, TODAY.minusDays(2), 4, Symptom.HEADACHE).id;
        UUID added = TriageFixture.checkIn(patient, TODAY.minusDays(1), 4, Symptom.HEADACHE, Symptom.FEVER).id;
        assertEquals(Set.of(Reason.NEW_SYMPTOMS), reasons(coach, first), "nothing before it: all are new");
        assertEquals(Set.of(), reasons(coach, repeated));
        assertEquals(Set.of(Reason.NEW_SYMPTOMS), reasons(coach, added));
        assertEquals(List.of(Symptom.FEVER), item(coach, added).newSymptoms());
    }

    @Test
    void aReviewedCheckInStillTellsTheNextOnesNewSymptomsAndOneBeyondTheLookBackDoesNot() {
        Person coach = coach("previous");
        Person patient = patientOf(coach, "previous", CHECK_INS);
        UUID reviewed = TriageFixture.checkIn(patient, TODAY.minusDays(2), 4, Symptom.HEADACHE).id;
        TriageFixture.reviewed(reviewed, patient, coach);
        UUID next = TriageFixture.checkIn(patient, TODAY.minusDays(1), 4, Symptom.HEADACHE, Symptom.FEVER).id;
        Person returning = patientOf(coach, "returning", CHECK_INS);
        TriageFixture.checkIn(returning, TODAY.minusDays(TriageService.QUEUE_DAYS + TriageService.LOOKBACK_DAYS + 3L),
                4, Symptom.COUGH);
        UUID back = TriageFixture.checkIn(returning, TODAY.minusDays(TriageService.QUEUE_DAYS - 1L), 4,
                Symptom.COUGH).id;
        List<UUID> queue = triage.queue(coach, 1).items().stream().map(Item::checkInId).toList();
        assertFalse(queue.contains(reviewed), "reviewed: out of the queue");
        assertEquals(List.of(Symptom.FEVER), item(coach, next).newSymptoms(), "compared with the reviewed one");
        assertEquals(List.of(Symptom.COUGH), item(coach, back).newSymptoms(),
                "the check-in before lies beyond the look-back: all are new");
    }

    @Test
    void openAlertsCountOnlyWhenOpenAndShared() {
        Person coach = coach("alerts");
        Person sharing = patientOf(coach, "alerts", EnumSet.of(Category.CHECK_INS, Category.ALERTS));
        UUID open = TriageFixture.checkIn(sharing, TODAY.minusDays(2), 4).id;
        TriageFixture.alert(sharing, TODAY.minusDays(2), false);
        UUID acknowledged = TriageFixture.checkIn(sharing, TODAY.minusDays(1), 4).id;
        TriageFixture.alert(sharing, TODAY.minusDays(1), true);
        Person notSharing = patientOf(coach, "alerts-hidden", CHECK_INS);
        UUID hidden = TriageFixture.checkIn(notSharing, TODAY.minusDays(2), 4).id;
        TriageFixture.alert(notSharing, TODAY.minusDays(2), false);
        assertEquals(Set.of(Reason.OPEN_ALERTS), reasons(coach, open));
        assertEquals(Set.of(), reasons(coach, acknowledged));
        assertEquals(Set.of(), reasons(coach, hidden), "alerts not shared are not looked at");
    }

    @Test
    void anOpenAlertCountsOnTheQueuesFirstDayInTheOffsetOfItsReading() {
        Person coach = coach("alerts-first-day");
        Person patient = patientOf(coach, "alerts-first-day", EnumSet.of(Category.CHECK_INS, Category.ALERTS));
        LocalDate first = TODAY.minusDays(TriageService.QUEUE_DAYS - 1L);
        UUID onFirstDay = TriageFixture.checkIn(patient, first, 4).id;
        // Half past midnight at +14:00 is the afternoon before in UTC, and earlier still in the patient's zone.
        ZoneOffset farEast = ZoneOffset.ofHours(14);
        TriageFixture.alert(patient, first.atTime(0, 30).toInstant(farEast), farEast, false);
        UUID dayAfter = TriageFixture.checkIn(patient, first.plusDays(1), 4).id;
        // The day after, read at -12:00: in UTC it is the day after that.
        ZoneOffset farWest = ZoneOffset.ofHours(-12);
        TriageFixture.alert(patient, first.plusDays(1).atTime(23, 30).toInstant(farWest), farWest, false);
        assertEquals(Set.of(Reason.OPEN_ALERTS), reasons(coach, onFirstDay));
        assertEquals(Set.of(Reason.OPEN_ALERTS), reasons(coach, dayAfter));
    }

    @Test
    void higherScoresFirstAndTiesOlderFirst() {
        Person coach = coach("order");
        Person a = patientOf(coach, "order-a", CHECK_INS);
        Person b = patientOf(coach, "order-b", CHECK_INS);
        UUID newerLow = TriageFixture.checkIn(a, TODAY.minusDays(1), 2).id;
        UUID olderLow = TriageFixture.checkIn(b, TODAY.minusDays(5), 1).id;
        UUID routine = TriageFixture.checkIn(a, TODAY.minusDays(6), 4).id;
        UUID screening = TriageFixture.checkIn(b, TODAY, 4).id;
        TriageFixture.response(b, TODAY, "phq-2", 4, false);
        List<UUID> order = triage.queue(coach, 1).items().stream().map(Item::checkInId).toList();
        assertEquals(List.of(screening, olderLow, newerLow, routine), order);
    }

    @Test
    void onlyTheGrantsWindowAndTheCoachsOwnPatientsAreInTheQueue() {
        Person coach = coach("window");
        Person patient = ConsentFixture.person("triage-patient-window-" + run, Role.PATIENT);
        ConsentFixture.grant(patient, coach, null, CHECK_INS, TODAY.minusDays(10), null, null);
        UUID before = TriageFixture.checkIn(patient, TODAY.minusDays(11), 4, Symptom.COUGH).id;
        UUID inside = TriageFixture.checkIn(patient, TODAY.minusDays(9), 4, Symptom.COUGH).id;
        Person other = ConsentFixture.person("triage-patient-elsewhere-" + run, Role.PATIENT);
        UUID elsewhere = TriageFixture.checkIn(other, TODAY.minusDays(1), 1).id;
        List<UUID> queue = triage.queue(coach, 1).items().stream().map(Item::checkInId).toList();
        assertEquals(List.of(inside), queue);
        assertFalse(queue.contains(before) || queue.contains(elsewhere));
        assertEquals(Set.of(Reason.NEW_SYMPTOMS), reasons(coach, inside),
                "the check-in before the window is not used to compare symptoms");
    }

    @Test
    void aTeamGrantReachesItsMembersOnly() {
        Person member = coach("team-member");
        Person former = coach("team-former");
        Person patient = ConsentFixture.person("triage-patient-team-" + run, Role.PATIENT);
        UUID team = ConsentFixture.team("Triage team " + run, List.of(member, former));
        ConsentFixture.grant(patient, null, team, CHECK_INS, null, null, null);
        UUID checkIn = TriageFixture.checkIn(patient, TODAY.minusDays(1), 4).id;
        ConsentFixture.leave(team, former);
        assertTrue(triage.queue(member, 1).items().stream().anyMatch(i -> i.checkInId().equals(checkIn)));
        assertEquals(List.of(), triage.queue(former, 1).items());
    }

    @Test
    void theQueueIsPagedByTwentyFive() {
        Person coach = coach("pages");
        // Three patients with ten days each: thirty check-ins inside the queue's two weeks.
        for (int p = 0; p < 3; p++) {
            Person patient = patientOf(coach, "pages" + p, CHECK_INS);
            for (int d = 0; d < 10; d++) {
                TriageFixture.checkIn(patient, TODAY.minusDays(d), 4);
            }
        }
        TriageService.Queue first = triage.queue(coach, 1);
        TriageService.Queue second = triage.queue(coach, 2);
        assertEquals(30, first.total());
        assertEquals(2, first.pages());
        assertEquals(25, first.items().size());
        assertEquals(5, second.items().size());
        assertEquals(TODAY.minusDays(9), first.items().get(0).date(), "all routine: the oldest first");
        assertEquals(2, triage.queue(coach, 99).page(), "a page beyond the last shows the last");
    }
}
