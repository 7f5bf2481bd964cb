package app.wellkeep.account;

import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

/** What the sign-in token says about a person: read once per request, never logged. */
public record TokenProfile(String subject, String displayName, String email, Role role) {

    public static TokenProfile of(SecurityIdentity identity) {
        Set<String> roles = identity.getRoles();
        Role role = Role.primaryOf(roles);
        if (identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null) {
            return new TokenProfile(jwt.getSubject(), displayName(jwt), jwt.getClaim("email"), role);
        }
        String name = identity.getPrincipal().getName();
        return new TokenProfile(name, name, null, role);
    }

    private static String displayName(JsonWebToken jwt) {
        String name = jwt.getClaim("name");
        if (name != null && !name.isBlank()) {
            return name;
        }
        String given = jwt.getClaim("given_name");
        if (given != null && !given.isBlank()) {
            return given;
        }
        String username = jwt.getClaim("preferred_username");
        return username != null ? username : jwt.getSubject();
    }
}
