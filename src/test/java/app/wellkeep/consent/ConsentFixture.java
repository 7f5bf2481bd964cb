package app.wellkeep.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckIn;
import app.wellkeep.checkin.CheckInSummary;
import app.wellkeep.checkin.QuestionnaireResponse;
import app.wellkeep.coach.CareTeam;
import app.wellkeep.coach.CareTeamMember;
import app.wellkeep.coach.TriageEntries;
import app.wellkeep.consent.ConsentGrant.Window;
import app.wellkeep.vitals.Alert;
import app.wellkeep.vitals.Limit;
import app.wellkeep.vitals.Metric;
import app.wellkeep.vitals.MonitoringService;
import app.wellkeep.vitals.SampleService;
import app.wellkeep.vitals.SampleService.NewReading;

/** People, grants and readings for consent tests, written straight to the database (states no form allows). */
public final class ConsentFixture {

    public static final String ZONE = "Europe/London";

    private ConsentFixture() {
    }

    public static Person person(String subject, Role role) {
        return QuarkusTransaction.requiringNew().call(() -> Person.findBySubject(subject).orElseGet(() -> {
            Person person = new Person();
            person.id = UUID.randomUUID();
            person.subject = subject;
            person.displayName = subject;
            person.role = role;
            person.timeZone = ZONE;
            person.createdAt = Instant.now();
            person.lastSeenAt = Instant.now();
            person.persist();
            return person;
        }));
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneId.of(ZONE));
    }

    /** A grant in any state: expired and revoked ones too. */
    public static ConsentGrant grant(Person patient, Person coach, UUID teamId, Set<Category> categories,
            LocalDate windowFrom, Instant expiresAt, Instant revokedAt) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ConsentGrant grant = new ConsentGrant();
            grant.id = UUID.randomUUID();
            grant.patientId = patient.id;
            grant.coachId = coach == null ? null : coach.id;
            grant.teamId = teamId;
            grant.terms = ConsentTerms.current(categories, windowFrom == null ? Window.ALL : Window.FROM, windowFrom,
                    null, expiresAt == null ? null : LocalDate.ofInstant(expiresAt, ZoneId.of(ZONE)));
            grant.expiresAt = expiresAt;
            grant.createdAt = Instant.now().minus(30, ChronoUnit.DAYS);
            grant.updatedAt = revokedAt != null ? revokedAt : grant.createdAt;
            grant.revokedAt = revokedAt;
            grant.persist();
            return grant;
        });
    }

    public static UUID team(String name, List<Person> members) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CareTeam team = new CareTeam();
            team.id = UUID.randomUUID();
            team.name = name;
            team.createdAt = Instant.now();
            team.persist();
            for (Person member : members) {
                CareTeamMember m = new CareTeamMember();
                m.teamId = team.id;
                m.personId = member.id;
                m.joinedAt = Instant.now();
                m.persist();
            }
            return team.id;
        });
    }

    public static void leave(UUID teamId, Person member) {
        QuarkusTransaction.requiringNew()
                .run(() -> CareTeamMember.delete("teamId = ?1 and personId = ?2", teamId, member.id));
    }

    /** The patient's check-in of that day, replacing one another test may have left (one per day is allowed). */
    public static CheckIn checkIn(Person patient, LocalDate day, String note) {
        return QuarkusTransaction.requiringNew().call(() -> {
            CheckIn.delete("personId = ?1 and localDate = ?2", patient.id, day);
            CheckIn c = new CheckIn();
            c.id = UUID.randomUUID();
            c.personId = patient.id;
            c.localDate = day;
            c.timeZone = ZONE;
            c.mood = 3;
            c.energy = 3;
            c.stress = 2;
            c.sleepQuality = 4;
            c.medication = CheckIn.Medication.NOT_APPLICABLE;
            c.symptoms = CheckIn.encode(EnumSet.noneOf(CheckIn.Symptom.class));
            c.note = note;
            c.createdAt = Instant.now();
            c.updatedAt = Instant.now();
            c.persist();
            CheckInSummary.refresh(patient.id);
            TriageEntries.refresh(patient.id);
            return c;
        });
    }

    public static QuestionnaireResponse phq2(Person patient, LocalDate day) {
        return QuarkusTransaction.requiringNew().call(() -> {
            QuestionnaireResponse r = new QuestionnaireResponse();
            r.id = UUID.randomUUID();
            r.personId = patient.id;
            r.instrument = "phq-2";
            r.localDate = day;
            r.authoredAt = day.atTime(9, 0).atZone(ZoneId.of(ZONE)).toInstant();
            r.answers = "phq-1=1,phq-2=1";
            r.totalScore = 2;
            r.band = "negative";
            r.urgent = false;
            r.submissionKey = UUID.randomUUID();
            r.persist();
            TriageEntries.refresh(patient.id);
            return r;
        });
    }

    /** The instant of noon of a day where the fixture's people live. */
    public static Instant noon(LocalDate day) {
        return day.atTime(12, 0).atZone(ZoneId.of(ZONE)).toInstant();
    }

    /** One reading at noon of a day, recorded as a device would send it (figures and latest day kept). */
    public static void reading(Person patient, Metric metric, LocalDate day, double value) {
        Instant at = noon(day);
        Arc.container().instance(SampleService.class).get().record(patient, List.of(NewReading.at(metric, at,
                ZoneId.of(ZONE).getRules().getOffset(at).getTotalSeconds(), value, "fixture", false, null)));
    }

    /** An open alert of a reading taken at noon of a day, whatever its age (monitoring only raises recent ones). */
    public static Alert alert(Person patient, Limit limit, LocalDate day, double value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Alert alert = new Alert();
            alert.id = UUID.randomUUID();
            alert.personId = patient.id;
            alert.rule = limit.rule();
            alert.limitType = limit;
            alert.metric = limit.metric();
            alert.sampleId = UUID.randomUUID();
            alert.readingId = UUID.randomUUID();
            alert.value = value;
            alert.threshold = limit.defaultValue();
            alert.measuredAt = noon(day);
            alert.utcOffset = ZoneId.of(ZONE).getRules().getOffset(alert.measuredAt).getTotalSeconds();
            alert.createdAt = alert.measuredAt;
            alert.persist();
            return alert;
        });
    }

    /** A patient's own value for a limit, as someone set it. */
    public static void limit(Person patient, Limit limit, double value, Person setBy) {
        Arc.container().instance(MonitoringService.class).get().setLimit(patient.id, limit, value, setBy.id);
    }
}
