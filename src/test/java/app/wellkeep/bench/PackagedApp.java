package app.wellkeep.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import app.wellkeep.testsupport.KeycloakServer;

/**
 * The packaged app ({@code target/quarkus-app/quarkus-run.jar}, production profile) as a child process on the same
 * PostgreSQL database as the test, signing in through the real Keycloak with the dev-only realm secrets.
 */
final class PackagedApp implements AutoCloseable {

    static final int PORT = 8080;
    private final Process process;
    private final Path log;

    private PackagedApp(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static PackagedApp start(String jdbcUrl, String user, String password) throws IOException, InterruptedException {
        return start(Path.of("target/quarkus-app/quarkus-run.jar"), jdbcUrl, user, password, "1g");
    }

    /** The app packaged at {@code jar}, on the given database, with its heap capped at {@code heap}. */
    static PackagedApp start(Path jar, String jdbcUrl, String user, String password, String heap)
            throws IOException, InterruptedException {
        if (!Files.exists(jar)) {
            throw new IllegalStateException("No packaged app at " + jar + ": run the benchmark with "
                    + "'./mvnw verify -Pbench', which packages the app first");
        }
        Path log = Path.of("target/bench-app.log");
        java.util.List<String> command = new java.util.ArrayList<>(
                java.util.List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + heap));
        // For a closer look, e.g. -Dbench.app.jvm-args=-XX:StartFlightRecording=filename=target/app.jfr
        String extra = System.getProperty("bench.app.jvm-args", "").strip();
        if (!extra.isEmpty()) {
            command.addAll(java.util.List.of(extra.split("\\s+")));
        }
        command.addAll(java.util.List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("WELLKEEP_DB_URL", jdbcUrl, "WELLKEEP_DB_USER", user,
                "WELLKEEP_DB_PASSWORD", password, "WELLKEEP_OIDC_URL", KeycloakServer.realmUrl(),
                // DEV-ONLY secrets of the local demo realm: the benchmark runs against that realm only.
                "WELLKEEP_OIDC_SECRET", "wellkeep-web-dev-only-client-secret-0001", "WELLKEEP_SIGNING_KEY",
                "dev-only-signing-key-never-use-in-production-0001", "WELLKEEP_KEYCLOAK_ADMIN_SECRET",
                "wellkeep-admin-api-dev-only-secret-0001", "WELLKEEP_PUBLIC_URL", "http://localhost:" + PORT,
                "WELLKEEP_PORT", Integer.toString(PORT)));
        PackagedApp app = new PackagedApp(builder.start(), log);
        app.waitUntilReady();
        return app;
    }

    String url() {
        return "http://localhost:" + PORT;
    }

    /** The last line of the app's log that contains {@code text}, if any. */
    Optional<String> logLine(String text) throws IOException {
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).reduce((first, second) -> second);
        }
    }

    /**
     * With {@code -Dbench.pages=triage,3 years}, only the baseline and the pages whose names hold one of those words
     * are measured (by name, in order of measurement).
     */
    static void keepAsked(Map<String, String> pages) {
        String only = System.getProperty("bench.pages", "").strip();
        if (!only.isEmpty()) {
            pages.keySet().removeIf(name -> !name.startsWith("baseline")
                    && java.util.Arrays.stream(only.split(",")).noneMatch(name::contains));
        }
    }

    static final int WARM_UP_ROUNDS = 2;

    /**
     * Every page in turn, {@link #WARM_UP_ROUNDS} times, before any is measured: on two cores the JIT takes a minute
     * or more to compile the paths all pages share (sign-in, transactions, templates), and the pages measured first
     * would otherwise pay for it. Each page is asked once alone first (a patient's first read starts their
     * access-log chain).
     */
    void warmUp(java.util.Collection<String> paths, int connections, String username, String password, String start)
            throws IOException, InterruptedException {
        long started = System.nanoTime();
        HttpClient client = HttpClient.newHttpClient();
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            String cookie = WebSession.signIn(url(), username, password, start);
            for (String path : paths) {
                client.send(HttpRequest.newBuilder(URI.create(url() + path)).header("Cookie", cookie).build(),
                        HttpResponse.BodyHandlers.discarding());
                Wrk.run(url() + path, cookie, connections, 3);
            }
        }
        System.out.printf("   (every page warmed up, %d rounds, %.0f s)%n", WARM_UP_ROUNDS,
                (System.nanoTime() - started) / 1e9);
    }

    private void waitUntilReady() throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The packaged app stopped; see " + log.toAbsolutePath());
            }
            try {
                int status = client.send(HttpRequest.newBuilder(URI.create(url() + "/")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The packaged app did not answer within 2 minutes; see " + log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
