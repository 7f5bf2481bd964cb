package app.wellkeep.vitals;

import java.time.Clock;
import java.util.OptionalDouble;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import app.wellkeep.account.Person;
import app.wellkeep.consent.Access;

/** Reading and saving a patient's goals, with the defaults for those who set none. */
@ApplicationScoped
public class Goals {

    /** A person's goals as the rest of the app sees them; the target weight in kilograms. */
    public record Targets(int dailySteps, int sleepMinutes, OptionalDouble targetWeightKg) {
    }

    public static final Targets DEFAULT = new Targets(8_000, 450, OptionalDouble.empty());

    @Inject
    Clock clock;

    @Transactional
    public Targets of(Person person) {
        return of(person.id);
    }

    /** The patient's goals, which the dashboard's tiles of what a reader may see are measured against. */
    @Transactional
    public Targets of(Access access) {
        return of(access.patientId());
    }

    private static Targets of(UUID personId) {
        return Goal.<Goal>findByIdOptional(personId)
                .map(g -> new Targets(g.dailySteps, g.sleepMinutes,
                        g.targetWeightKg == null ? OptionalDouble.empty() : OptionalDouble.of(g.targetWeightKg)))
                .orElse(DEFAULT);
    }

    @Transactional
    public void save(UUID personId, Targets targets) {
        Goal goal = Goal.<Goal>findByIdOptional(personId).orElse(null);
        boolean created = goal == null;
        if (created) {
            goal = new Goal();
            goal.personId = personId;
        }
        goal.dailySteps = targets.dailySteps();
        goal.sleepMinutes = targets.sleepMinutes();
        goal.targetWeightKg = targets.targetWeightKg().isPresent() ? targets.targetWeightKg().getAsDouble() : null;
        goal.updatedAt = clock.instant();
        if (created) {
            goal.persist();
        }
    }
}
