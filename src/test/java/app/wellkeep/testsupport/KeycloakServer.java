package app.wellkeep.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The real Keycloak server from its distribution (unpacked by the build from Maven Central), run as a child
 * process: no Docker. A server already answering for the realm is reused and left running; one started here is
 * stopped by {@link #stop()}. Used by the test suite and, through {@link #main}, by the run command.
 * <p>
 * Only JDK classes, so the run command can start it from the compiled test classes alone.
 */
public final class KeycloakServer {

    public static final int PORT = Integer.getInteger("wellkeep.keycloak.port", 8180);
    public static final String REALM = "wellkeep";
    /** DEV-ONLY bootstrap administrator of the local Keycloak (master realm). */
    public static final String ADMIN_USER = "kcadmin";
    public static final String ADMIN_PASSWORD = "kcadmin-dev-only";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(6);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final Path realmFile;
    private final Path logFile;
    private Process process;

    public KeycloakServer(Path home, Path realmFile, Path logFile) {
        this.home = home;
        this.realmFile = realmFile;
        this.logFile = logFile;
    }

    /** Configured by the build's system properties (see pom.xml), relative to the project otherwise. */
    public static KeycloakServer fromSystemProperties() {
        Path dataDir = Path.of(System.getProperty("wellkeep.data-dir", ".data")).toAbsolutePath();
        String version = System.getProperty("wellkeep.keycloak.version", "26.7.3");
        Path home = Path.of(System.getProperty("wellkeep.keycloak.home",
                dataDir.resolve("keycloak/keycloak-" + version).toString()));
        Path realm = Path.of(System.getProperty("wellkeep.realm-file", "deploy/keycloak/wellkeep-realm.json"));
        return new KeycloakServer(home, realm.toAbsolutePath(), dataDir.resolve("logs/keycloak.log"));
    }

    public static String realmUrl() {
        return "http://localhost:" + PORT + "/realms/" + REALM;
    }

    public static String baseUrl() {
        return "http://localhost:" + PORT;
    }

    /** Reuses a running server or starts one, and returns once the realm answers. */
    public void start() {
        if (realmAnswers()) {
            return;
        }
        if (!Files.isExecutable(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("Keycloak is not unpacked at " + home
                    + ": run './mvnw generate-resources' (the build fetches it from Maven Central)");
        }
        try {
            prepareRealmImport();
            Files.createDirectories(logFile.getParent());
            ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + PORT, "--http-management-port=" + (PORT + 1010), "--import-realm")
                    .redirectErrorStream(true).redirectOutput(logFile.toFile());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx640m");
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak from " + home, e);
        }
        waitUntilReady();
    }

    /** Stops the server if this object started it; a reused server keeps running. */
    public void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                children.forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    public boolean startedHere() {
        return process != null;
    }

    /**
     * Keycloak imports a realm only into an empty database, so a changed realm file means a fresh Keycloak
     * database: its accounts are demo and test accounts only.
     */
    private void prepareRealmImport() throws IOException {
        Path data = home.resolve("data");
        Path marker = data.resolve("wellkeep-realm.sha256");
        String hash = sha256(Files.readAllBytes(realmFile));
        String imported = Files.exists(marker) ? Files.readString(marker).trim() : "";
        if (!hash.equals(imported)) {
            deleteTree(data.resolve("h2"));
        }
        Files.createDirectories(data.resolve("import"));
        Files.copy(realmFile, data.resolve("import/" + REALM + "-realm.json"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(marker, hash);
    }

    private void waitUntilReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped during start-up; its log ends with:\n" + logTail());
            }
            if (realmAnswers()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for Keycloak", e);
            }
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT + "; log:\n" + logTail());
    }

    static boolean realmAnswers() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** For the run command: start (or reuse) Keycloak and keep it up until this process is stopped. */
    public static void main(String[] args) throws InterruptedException {
        KeycloakServer server = fromSystemProperties();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        Instant started = Instant.now();
        server.start();
        System.out.printf("Keycloak ready at %s (%s, %d s)%n", baseUrl(),
                server.startedHere() ? "started" : "already running",
                Duration.between(started, Instant.now()).toSeconds());
        if (server.startedHere()) {
            server.process.waitFor();
        }
    }
}
