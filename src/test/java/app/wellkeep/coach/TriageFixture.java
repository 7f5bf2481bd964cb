package app.wellkeep.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestIdentityAssociation;

import app.wellkeep.account.Person;
import app.wellkeep.checkin.CheckIn;
import app.wellkeep.checkin.CheckIn.Symptom;
import app.wellkeep.checkin.CheckInSummary;
import app.wellkeep.checkin.QuestionnaireResponse;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.vitals.Alert;
import app.wellkeep.vitals.Limit;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.Rule;

/** Check-ins, answers and alerts in the states the triage rules look at, written straight to the database. */
final class TriageFixture {

    private TriageFixture() {
    }

    static CheckIn checkIn(Person patient, LocalDate day, int mood, Symptom... symptoms) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CheckIn c = new CheckIn();
            c.id = UUID.randomUUID();
            c.personId = patient.id;
            c.localDate = day;
            c.timeZone = ConsentFixture.ZONE;
            c.mood = (short) mood;
            c.energy = 3;
            c.stress = 3;
            c.sleepQuality = 3;
            c.medication = CheckIn.Medication.NOT_APPLICABLE;
            Set<Symptom> set = EnumSet.noneOf(Symptom.class);
            set.addAll(java.util.Arrays.asList(symptoms));
            c.symptoms = CheckIn.encode(set);
            c.note = "note of " + day;
            c.createdAt = Instant.now().minusSeconds(60);
            c.updatedAt = c.createdAt;
            c.persist();
            CheckInSummary.refresh(patient.id);
            TriageEntries.refresh(patient.id);
            return c;
        });
    }

    static void response(Person patient, LocalDate day, String instrument, int total, boolean urgent) {
        QuarkusTransaction.requiringNew().run(() -> {
            QuestionnaireResponse r = new QuestionnaireResponse();
            r.id = UUID.randomUUID();
            r.personId = patient.id;
            r.instrument = instrument;
            r.localDate = day;
            r.authoredAt = day.atTime(9, 0).atZone(ZoneId.of(ConsentFixture.ZONE)).toInstant();
            r.answers = "x=" + total;
            r.totalScore = (short) total;
            r.band = "negative";
            r.urgent = urgent;
            r.submissionKey = UUID.randomUUID();
            r.persist();
            TriageEntries.refresh(patient.id);
        });
    }

    static void alert(Person patient, LocalDate day, boolean acknowledged) {
        Instant at = day.atTime(12, 0).atZone(ZoneId.of(ConsentFixture.ZONE)).toInstant();
        alert(patient, at, ZoneId.of(ConsentFixture.ZONE).getRules().getOffset(at), acknowledged);
    }

    /** An alert on a reading taken at {@code measuredAt}, in the offset the device gave it. */
    static void alert(Person patient, Instant measuredAt, ZoneOffset offset, boolean acknowledged) {
        QuarkusTransaction.requiringNew().run(() -> {
            Alert a = new Alert();
            a.id = UUID.randomUUID();
            a.personId = patient.id;
            a.rule = Rule.BLOOD_PRESSURE_HIGH;
            a.limitType = Limit.SYSTOLIC_HIGH;
            a.metric = Metric.SYSTOLIC;
            a.sampleId = UUID.randomUUID();
            a.readingId = UUID.randomUUID();
            a.value = 165;
            a.threshold = 140;
            a.measuredAt = measuredAt;
            a.utcOffset = offset.getTotalSeconds();
            a.createdAt = a.measuredAt;
            a.acknowledgedAt = acknowledged ? a.measuredAt.plusSeconds(60) : null;
            a.acknowledgedBy = acknowledged ? patient.id : null;
            a.persist();
        });
    }

    static void reviewed(UUID checkInId, Person patient, Person coach) {
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

    /** The patient edits the check-in (as the form does: updated now). */
    static void edit(UUID checkInId) {
        QuarkusTransaction.requiringNew().run(() -> {
            CheckIn c = CheckIn.findById(checkInId);
            c.mood = (short) (c.mood == 5 ? 4 : c.mood + 1);
            c.updatedAt = Instant.now().plusSeconds(1);
            TriageEntries.refresh(c.personId);
        });
    }

    /** Makes the requests that follow come from this person. */
    static void actAs(Person person) {
        Arc.container().instance(TestIdentityAssociation.class).get()
                .setTestIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(person.subject))
                        .addRole(person.role.name().toLowerCase()).build());
    }
}
