package app.wellkeep.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** One real Keycloak for the whole test run: reused if already up, stopped afterwards if started here. */
@QuarkusTestResource(KeycloakTestResource.class)
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    private KeycloakServer server;

    @Override
    public Map<String, String> start() {
        server = KeycloakServer.fromSystemProperties();
        server.start();
        return Map.of("quarkus.oidc.auth-server-url", KeycloakServer.realmUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
