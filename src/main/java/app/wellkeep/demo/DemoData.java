package app.wellkeep.demo;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import app.wellkeep.account.Person;
import app.wellkeep.account.Role;
import app.wellkeep.checkin.CheckInDemo;
import app.wellkeep.consent.ConsentDemo;
import app.wellkeep.vitals.VitalsDemo;

/**
 * The demo accounts of the local realm (deploy/keycloak/wellkeep-realm.json), so a newcomer sees a living product
 * on first start. Idempotent: what exists already is left alone. Each feature adds its own part here.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    /** The subjects are the user ids fixed in the realm file. */
    public record DemoAccount(String subject, String displayName, String email, Role role) {
    }

    public static final DemoAccount MAYA = new DemoAccount("5d1d7c52-0d3c-4f57-9a55-4f4a8f4e2a01", "Maya Patel",
            "maya@demo.wellkeep.invalid", Role.PATIENT);
    public static final DemoAccount TOM = new DemoAccount("5d1d7c52-0d3c-4f57-9a55-4f4a8f4e2a02", "Tom Becker",
            "tom@demo.wellkeep.invalid", Role.PATIENT);
    public static final DemoAccount SAM = new DemoAccount("5d1d7c52-0d3c-4f57-9a55-4f4a8f4e2a03", "Sam Rivera",
            "sam@demo.wellkeep.invalid", Role.COACH);
    public static final DemoAccount ALEX = new DemoAccount("5d1d7c52-0d3c-4f57-9a55-4f4a8f4e2a04", "Alex Morgan",
            "alex@demo.wellkeep.invalid", Role.ADMIN);
    public static final List<DemoAccount> ACCOUNTS = List.of(MAYA, TOM, SAM, ALEX);
    /** The demo patient whose history is filled in; Tom starts empty, as a new user does. */
    public static final DemoAccount PATIENT_WITH_HISTORY = MAYA;

    @ConfigProperty(name = "wellkeep.demo.enabled")
    boolean enabled;

    @Inject
    Clock clock;

    @Inject
    CheckInDemo checkIns;

    @Inject
    ConsentDemo sharing;

    @Inject
    VitalsDemo readings;

    void onStart(@Observes StartupEvent start) {
        if (enabled) {
            int added = load();
            LOG.infof("Demo data ready (%d new demo accounts)", added);
        }
    }

    @Transactional
    public int load() {
        return load(clock.instant());
    }

    /**
     * The demo as of {@code now}: readings only as far as that day has gone. Loading again at the same instant adds
     * nothing; later, only what time has brought since.
     */
    @Transactional
    public int load(Instant now) {
        int added = 0;
        for (DemoAccount account : ACCOUNTS) {
            if (Person.findBySubject(account.subject()).isEmpty()) {
                Person person = new Person();
                person.id = UUID.randomUUID();
                person.subject = account.subject();
                person.displayName = account.displayName();
                person.email = account.email();
                person.role = account.role();
                person.timeZone = "Europe/London";
                person.createdAt = now;
                person.lastSeenAt = now;
                person.persist();
                added++;
            }
        }
        Person patient = Person.findBySubject(PATIENT_WITH_HISTORY.subject()).orElseThrow();
        checkIns.load(patient, now);
        readings.load(patient, now);
        sharing.load(patient, Person.findBySubject(SAM.subject()).orElseThrow(), now);
        return added;
    }
}
