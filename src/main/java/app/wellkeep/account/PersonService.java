package app.wellkeep.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Keeps the person record in step with the identity provider. */
@ApplicationScoped
public class PersonService {

    @Inject
    Event<TimeZoneChanged> zoneChanged;

    /** Writing "last seen" on every request would turn each page view into a write. */
    private static final Duration LAST_SEEN_RESOLUTION = Duration.ofMinutes(5);

    @Inject
    Clock clock;

    /** Until the person chooses their own (profile page). */
    @ConfigProperty(name = "wellkeep.default-time-zone", defaultValue = "UTC")
    String defaultTimeZone;

    /**
     * The person for this token, created on first sign-in and updated when name, email or role changed in
     * Keycloak. Two first requests racing each other are settled by the unique subject: the loser re-reads.
     */
    public Person signIn(TokenProfile profile) {
        // Most requests: the person exists and is up to date, and a read in the request's session is all it takes.
        if (Arc.container().requestContext().isActive() || QuarkusTransaction.isActive()) {
            Person known = Person.findBySubject(profile.subject()).orElse(null);
            if (known != null && upToDate(known, profile)) {
                return known;
            }
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> upsert(profile));
        } catch (PersistenceException raced) {
            return QuarkusTransaction.requiringNew().call(() -> upsert(profile));
        }
    }

    private Person upsert(TokenProfile profile) {
        Instant now = clock.instant();
        Person person = Person.findBySubject(profile.subject()).orElse(null);
        if (person == null) {
            person = new Person();
            person.id = UUID.randomUUID();
            person.subject = profile.subject();
            person.createdAt = now;
            person.timeZone = defaultTimeZone;
            apply(person, profile, now);
            person.persistAndFlush();
            return person;
        }
        if (!upToDate(person, profile)) {
            apply(person, profile, now);
        }
        return person;
    }

    /** Whether the record already says what the token says, and was seen recently enough. */
    private boolean upToDate(Person person, TokenProfile profile) {
        boolean changed = !person.displayNameChosen && !Objects.equals(person.displayName, profile.displayName())
                || !Objects.equals(person.email, profile.email()) || person.role != profile.role();
        return !changed && !person.lastSeenAt.isBefore(clock.instant().minus(LAST_SEEN_RESOLUTION));
    }

    @Transactional
    public void changeTimeZone(UUID personId, ZoneId zone) {
        Person person = Person.findById(personId);
        if (!person.timeZone.equals(zone.getId())) {
            person.timeZone = zone.getId();
            // Days are counted in the person's zone: features that keep daily figures recount them.
            zoneChanged.fire(new TimeZoneChanged(person));
        }
    }

    /** What the profile page sets: the zone, the units, and a chosen name (null to use the sign-in name again). */
    public record ProfileChange(ZoneId zone, String chosenName, String weightUnit, String glucoseUnit,
            String temperatureUnit) {
    }

    /** Saves the profile page; {@code signInName} is what the name goes back to when none is chosen. */
    @Transactional
    public void saveProfile(UUID personId, ProfileChange change, String signInName) {
        changeTimeZone(personId, change.zone());
        Person person = Person.findById(personId);
        person.displayNameChosen = change.chosenName() != null;
        person.displayName = person.displayNameChosen ? change.chosenName() : signInName;
        person.weightUnit = change.weightUnit();
        person.glucoseUnit = change.glucoseUnit();
        person.temperatureUnit = change.temperatureUnit();
    }

    /** Display names by id, in one query; for lines whose patients the consent gate has already allowed. */
    @Transactional
    public java.util.Map<UUID, String> displayNames(java.util.Collection<UUID> personIds) {
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        if (!personIds.isEmpty()) {
            Person.<Person>list("id in ?1", personIds).forEach(p -> names.put(p.id, p.displayName));
        }
        return names;
    }

    /** The name a person goes by, to say who did something (set a limit, acknowledged an alert); empty if erased. */
    @Transactional
    public Optional<String> displayName(UUID personId) {
        return Person.<Person>findByIdOptional(personId).map(p -> p.displayName);
    }

    /** The role of someone named on a page (a patient's limit set by their coach). */
    public Optional<Role> role(UUID personId) {
        return Person.<Person>findByIdOptional(personId).map(p -> p.role);
    }

    /** Everyone with the coach role, by name: whom an administrator can put in a care team. */
    @Transactional
    public List<Person> coaches() {
        return Person.list("role = ?1 order by displayName, id", Role.COACH);
    }

    /** Fired inside the transaction that moves a person to another time zone. */
    public record TimeZoneChanged(Person person) {
    }

    private static void apply(Person person, TokenProfile profile, Instant now) {
        if (!person.displayNameChosen) {
            person.displayName = profile.displayName();
        }
        person.email = profile.email();
        person.role = profile.role();
        person.lastSeenAt = now;
    }
}
