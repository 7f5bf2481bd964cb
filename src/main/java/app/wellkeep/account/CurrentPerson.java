package app.wellkeep.account;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in person of this request, for pages (as {@code inject:viewer}) and services alike. What the
 * layout shows comes from the token, so rendering any page (error pages included) needs no database; the
 * person record is resolved, and created on first sign-in, only when {@link #person()} is asked for.
 */
@RequestScoped
@Named("viewer")
public class CurrentPerson {

    @Inject
    SecurityIdentity identity;

    @Inject
    PersonService persons;

    private TokenProfile profile;
    private Person person;

    public boolean isAuthenticated() {
        return !identity.isAnonymous();
    }

    /** The person record; only for authenticated requests. */
    public Person person() {
        if (person == null) {
            person = persons.signIn(profile());
        }
        return person;
    }

    public String getDisplayName() {
        return profile().displayName();
    }

    public Role getRole() {
        return profile().role();
    }

    public boolean isPatient() {
        return isAuthenticated() && getRole() == Role.PATIENT;
    }

    public boolean isCoach() {
        return isAuthenticated() && getRole() == Role.COACH;
    }

    public boolean isAdmin() {
        return isAuthenticated() && getRole() == Role.ADMIN;
    }

    private TokenProfile profile() {
        if (identity.isAnonymous()) {
            throw new IllegalStateException("No person for an anonymous request");
        }
        if (profile == null) {
            profile = TokenProfile.of(identity);
        }
        return profile;
    }
}
