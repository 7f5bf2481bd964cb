package app.wellkeep.consent;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckIn;
import app.wellkeep.checkin.QuestionnaireResponse;
import app.wellkeep.coach.CareTeam;
import app.wellkeep.coach.CareTeamMember;
import app.wellkeep.consent.ConsentGrant.Window;

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

    public static CheckIn checkIn(Person patient, LocalDate day, String note) {
        return QuarkusTransaction.requiringNew().call(() -> {
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
            return r;
        });
    }
}
