package app.wellkeep.coach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.security.TestIdentityAssociation;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.consent.Category;
import app.wellkeep.consent.ConsentFixture;
import app.wellkeep.vitals.LatestDay;
import app.wellkeep.vitals.Metric;

/** Patients with check-ins, data, alerts and reviews, written straight to the database, for roster tests. */
final class RosterFixture {

    private RosterFixture() {
    }

    static Person coach(String name) {
        return ConsentFixture.person("roster-coach-" + name + "-" + UUID.randomUUID(), Role.COACH);
    }

    /** A patient named {@code name} sharing {@code categories} with the coach, from {@code from} (null: all). */
    static Person patient(String name, Person coach, Set<Category> categories, LocalDate from) {
        Person patient = ConsentFixture.person("roster-patient-" + UUID.randomUUID(), Role.PATIENT);
        QuarkusTransaction.requiringNew().run(() -> {
            Person p = Person.findById(patient.id);
            p.displayName = name;
        });
        ConsentFixture.grant(patient, coach, null, categories, from, null, null);
        return QuarkusTransaction.requiringNew().call(() -> Person.findById(patient.id));
    }

    static Person patient(String name, Person coach) {
        return patient(name, coach, EnumSet.allOf(Category.class), null);
    }

    static LocalDate today() {
        return ConsentFixture.today();
    }

    static UUID checkIn(Person patient, int daysAgo) {
        return ConsentFixture.checkIn(patient, today().minusDays(daysAgo), null).id;
    }

    static void latestDay(Person patient, Metric metric, int daysAgo) {
        QuarkusTransaction.requiringNew().run(() -> {
            LatestDay day = new LatestDay();
            day.personId = patient.id;
            day.metric = metric;
            day.localDate = today().minusDays(daysAgo);
            day.persist();
        });
    }

    /** An alert measured at noon {@code daysAgo} days ago, open or acknowledged. */
    static void alert(Person patient, int daysAgo, boolean open) {
        Instant at = today().minusDays(daysAgo).atTime(12, 0).atZone(ZoneId.of(ConsentFixture.ZONE)).toInstant();
        QuarkusTransaction.requiringNew().run(() -> Person.getEntityManager().createNativeQuery(
                "INSERT INTO alert (id, person_id, rule_code, limit_code, metric, sample_id, reading_id, alert_value, "
                        + "threshold_value, measured_at, utc_offset, created_at, acknowledged_at) "
                        + "VALUES (?1, ?2, 'SPO2_LOW', 'SPO2_LOW', 'OXYGEN_SATURATION', ?3, ?4, 88, 92, ?5, 0, ?5, "
                        + (open ? "NULL" : "?5") + ")")
                .setParameter(1, UUID.randomUUID()).setParameter(2, patient.id).setParameter(3, UUID.randomUUID())
                .setParameter(4, UUID.randomUUID()).setParameter(5, at).executeUpdate());
    }

    static void review(Person patient, UUID checkIn, Instant at) {
        QuarkusTransaction.requiringNew().run(() -> Person.getEntityManager().createNativeQuery(
                "INSERT INTO checkin_review (checkin_id, patient_id, reviewer_name, reviewed_at) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, checkIn).setParameter(2, patient.id).setParameter(3, "A coach").setParameter(4, at)
                .executeUpdate());
        QuarkusTransaction.requiringNew().run(() -> {
            ReviewSummary.refresh(patient.id);
            TriageEntries.refresh(patient.id);
        });
    }

    static void tag(Person coach, Person patient, String tag) {
        QuarkusTransaction.requiringNew().run(() -> {
            PatientTag t = new PatientTag();
            t.coachId = coach.id;
            t.patientId = patient.id;
            t.tag = tag;
            t.createdAt = Instant.now();
            t.persist();
        });
    }

    static List<String> tags(Person coach, Person patient) {
        return QuarkusTransaction.requiringNew()
                .call(() -> PatientTag.of(coach.id, patient.id).stream().map(t -> t.tag).toList());
    }

    /** Makes the running test's requests come from this person (the test carries {@code @TestSecurity}). */
    static void actAs(Person person) {
        Arc.container().instance(TestIdentityAssociation.class).get()
                .setTestIdentity(QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(person.subject))
                        .addRole(person.role.name().toLowerCase()).build());
    }
}
