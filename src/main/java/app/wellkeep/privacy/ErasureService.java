package app.wellkeep.privacy;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;

import org.jboss.logging.Logger;

import io.quarkus.arc.All;
import io.quarkus.narayana.jta.QuarkusTransaction;

import app.wellkeep.account.Person;

/** "Delete my account": everything about the person, then their sign-in account. */
@ApplicationScoped
public class ErasureService {

    private static final Logger LOG = Logger.getLogger(ErasureService.class);

    /** What was done: rows removed or pseudonymised, and whether the Keycloak account is gone too. */
    public record Erasure(long rows, boolean signInRemoved) {
    }

    private record Erased(String subject, long rows) {
    }

    @Inject
    @All
    List<PersonalData> sections;

    @Inject
    KeycloakAccounts keycloak;

    /**
     * Erases every section in one transaction, in erasure order (the account last), so that the data is either
     * all gone or all still there. Only then is the Keycloak account removed: if Keycloak fails, the data stays
     * gone (that is what the patient asked for above all), the failure is logged as an error naming the account's
     * id for an operator to remove, and the patient is told their sign-in account is still pending removal.
     */
    public Erasure erase(UUID personId) {
        Erased erased = QuarkusTransaction.requiringNew().call(() -> {
            Person person = Person.findById(personId);
            if (person == null) {
                throw new NotFoundException();
            }
            String subject = person.subject;
            long rows = 0;
            for (PersonalData section : ordered()) {
                rows += section.erase(personId);
            }
            return new Erased(subject, rows);
        });
        boolean removed = keycloak.remove(erased.subject());
        if (removed) {
            LOG.infof("Erased person %s (%d rows) and their sign-in account", personId, erased.rows());
        } else {
            LOG.errorf("Erased person %s (%d rows), but their Keycloak account %s could not be removed: remove it "
                    + "in the Keycloak admin console", personId, erased.rows(), erased.subject());
        }
        return new Erasure(erased.rows(), removed);
    }

    private List<PersonalData> ordered() {
        return sections.stream()
                .sorted(Comparator.comparingInt(PersonalData::erasureOrder).thenComparing(PersonalData::section))
                .toList();
    }
}
