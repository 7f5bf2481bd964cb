package app.wellkeep.account;

import java.util.Set;

/** The roles a person signs in with, as Keycloak realm roles. The strongest one decides the home page. */
public enum Role {

    PATIENT("patient", "/dashboard"), COACH("coach", "/care-team"), ADMIN("admin", "/admin");

    public static final String PATIENT_NAME = "patient";
    public static final String COACH_NAME = "coach";
    public static final String ADMIN_NAME = "admin";

    private final String realmRole;
    private final String homePath;

    Role(String realmRole, String homePath) {
        this.realmRole = realmRole;
        this.homePath = homePath;
    }

    public String realmRole() {
        return realmRole;
    }

    public String homePath() {
        return homePath;
    }

    /** Admin outranks coach outranks patient; someone with no known role is treated as a patient. */
    public static Role primaryOf(Set<String> realmRoles) {
        if (realmRoles.contains(ADMIN_NAME)) {
            return ADMIN;
        }
        if (realmRoles.contains(COACH_NAME)) {
            return COACH;
        }
        return PATIENT;
    }
}
