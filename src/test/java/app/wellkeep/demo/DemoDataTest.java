package app.wellkeep.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import app.wellkeep.account.Person;
import app.wellkeep.checkin.CheckIn;
import app.wellkeep.checkin.CheckInSummary;
import app.wellkeep.checkin.QuestionnaireResponse;
import app.wellkeep.coach.CareTeam;
import app.wellkeep.coach.TriageEntries;
import app.wellkeep.consent.ConsentDemo;
import app.wellkeep.consent.ConsentGrant;
import app.wellkeep.vitals.DailyRollup;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.SampleService;

/** Loading the demo data twice adds nothing the second time. */
@QuarkusTest
class DemoDataTest {

    @Inject
    DemoData demo;

    @Inject
    SampleService samples;

    @Test
    void loadingIsIdempotent() {
        // Browser tests sign Maya in and give her check-ins of their own; the demo fills check-ins only for a patient
        // without any, so start from none.
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> Person
                .<Person>findBySubject(DemoData.MAYA.subject()).ifPresent(m -> {
                    QuestionnaireResponse.delete("personId", m.id);
                    CheckIn.delete("personId", m.id);
                    CheckInSummary.refresh(m.id);
                    TriageEntries.refresh(m.id);
                }));
        // Both loads at one instant: the demo fills today only as far as it has gone, so a load a moment later may
        // rightly add the reading of the five minutes just past.
        java.time.Instant now = java.time.Instant.now();
        demo.load(now);
        long persons = Person.count();
        Person maya = Person.findBySubject(DemoData.MAYA.subject()).orElseThrow();
        long checkIns = CheckIn.count("personId", maya.id);
        long responses = QuestionnaireResponse.count("personId", maya.id);
        long grants = ConsentGrant.count("patientId", maya.id);
        long readings = samples.count(maya.id);
        assertEquals(0, demo.load(now));
        // Other tests may add grants of their own to the demo accounts; loading again adds none.
        assertTrue(grants >= 1, "Maya shares with the demo coach");
        assertEquals(grants, ConsentGrant.count("patientId", maya.id));
        assertEquals(readings, samples.count(maya.id), "the same readings, not twice");
        assertTrue(readings > 2000, "weeks of readings: " + readings);
        for (Metric metric : List.of(Metric.STEPS, Metric.SLEEP, Metric.RESTING_HEART_RATE, Metric.WEIGHT,
                Metric.SYSTOLIC, Metric.DIASTOLIC, Metric.GLUCOSE, Metric.HEART_RATE)) {
            assertTrue(DailyRollup.count("personId = ?1 and metric = ?2", maya.id, metric) > 0, metric + " has days");
        }
        assertEquals(1, CareTeam.count("name", ConsentDemo.TEAM_NAME));
        assertEquals(persons, Person.count());
        assertEquals(checkIns, CheckIn.count("personId", maya.id));
        assertEquals(responses, QuestionnaireResponse.count("personId", maya.id));
        assertTrue(checkIns >= 20 && checkIns < 28, "four weeks with some days missed: " + checkIns);
        assertEquals(4, responses);
        for (DemoData.DemoAccount account : DemoData.ACCOUNTS) {
            Person person = Person.findBySubject(account.subject()).orElseThrow();
            assertEquals(account.role(), person.role);
            assertEquals(account.displayName(), person.displayName);
        }
    }
}
