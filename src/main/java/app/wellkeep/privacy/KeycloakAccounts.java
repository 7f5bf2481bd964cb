package app.wellkeep.privacy;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Removes a sign-in account from Keycloak through its admin REST API, as the realm's {@code wellkeep-admin-api}
 * service account (client credentials; it may manage users and nothing else). Server and realm are those of
 * {@code quarkus.oidc.auth-server-url}.
 */
@ApplicationScoped
public class KeycloakAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);
    private static final int ATTEMPTS = 3;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String realmUrl;

    @ConfigProperty(name = "wellkeep.keycloak-admin.client-id")
    String clientId;

    @ConfigProperty(name = "wellkeep.keycloak-admin.secret")
    String secret;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * Deletes the account with this subject (Keycloak's user id), trying a few times. Returns whether it is gone;
     * an account that was gone already counts as removed.
     */
    public boolean remove(String subject) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                int status = delete(subject);
                if (status == 204 || status == 404) {
                    return true;
                }
                LOG.warnf("Keycloak answered %d to removing account %s (attempt %d)", status, subject, attempt);
            } catch (IOException e) {
                LOG.warnf("Keycloak not reachable to remove account %s (attempt %d): %s", subject, attempt,
                        e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            if (attempt < ATTEMPTS && !pause(attempt)) {
                return false;
            }
        }
        return false;
    }

    private int delete(String subject) throws IOException, InterruptedException {
        int realmAt = realmUrl.lastIndexOf("/realms/");
        String server = realmUrl.substring(0, realmAt);
        String realm = realmUrl.substring(realmAt + "/realms/".length()).replaceAll("/+$", "");
        URI user = URI.create(server + "/admin/realms/" + encode(realm) + "/users/" + encode(subject));
        HttpRequest request = HttpRequest.newBuilder(user).timeout(TIMEOUT).header("Authorization", "Bearer " + token())
                .DELETE().build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret="
                + encode(secret);
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl.replaceAll("/+$", "")
                + "/protocol/openid-connect/token")).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode());
        }
        return json.readTree(response.body()).path("access_token").asText();
    }

    private static boolean pause(int attempt) {
        try {
            Thread.sleep(500L * attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
