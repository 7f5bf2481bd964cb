package app.wellkeep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.wellkeep.ingest.ImportContext;
import app.wellkeep.ingest.ReadingSink;
import app.wellkeep.ingest.Rejection;
import app.wellkeep.ingest.apple.AppleHealthExportGenerator;
import app.wellkeep.ingest.apple.AppleHealthImporter;
import app.wellkeep.testsupport.KeycloakServer;
import app.wellkeep.testsupport.Tokens;
import app.wellkeep.vitals.Metric;

/**
 * The import of a large Apple Health export.zip (1,000,000 records by default, {@code -Dbench.records=N}) through
 * the upload path of the packaged app, with its heap capped at 192 MB: uploaded to {@code POST /api/imports} with a
 * bearer token from the real Keycloak, received into the database in chunks, read by the worker, staged and
 * published. Runs on H2 in a file (an app packaged for H2 is built for it) and on PostgreSQL, and prints records per
 * second end to end against the raw parse rate of the same file (unzip and read, nothing stored) measured in the same
 * run; then imports the file again, which must add nothing.
 */
@Tag("bench-import")
class ImportBench {

    static final int RECORDS = Integer.getInteger("bench.records", 1_000_000);
    static final String HEAP = "192m";
    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1, as a phone app talks to a server behind TLS; no clear-text upgrade to HTTP/2. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void aMillionRecordExportOnH2AndOnPostgresql() throws Exception {
        // Stopped at the end if started here: left running, it would outlive the build directory that holds its files.
        KeycloakServer keycloak = KeycloakServer.fromSystemProperties();
        keycloak.start();
        try {
            measure();
        } finally {
            keycloak.stop();
        }
    }

    private void measure() throws Exception {
        Path zip = Path.of("target/bench/export-" + RECORDS + ".zip");
        long records = generate(zip);
        System.out.printf("%n== Apple Health export.zip: %,d records, %,d bytes; the app's heap capped at %s%n",
                records, Files.size(zip), HEAP);
        // The app imports in a JVM of its own that has read no such file before: the baseline is read alike, in a
        // fresh JVM with the same heap. The rate once the parser is warm is printed too.
        double raw = rawParseInFreshJvm(zip);
        rawParse(zip);
        rawParse(zip);
        double warm = rawParse(zip);
        System.out.printf("   raw parse of the same file (unzip and read, nothing stored): %,.0f records/s in a fresh "
                + "JVM, %,.0f records/s warm%n", raw, warm);

        Path h2App = packageForH2();
        Path h2 = Path.of("target/bench/h2-app").toAbsolutePath();
        deleteTree(h2);
        run("H2 (file)", h2App, "jdbc:h2:file:" + h2 + "/wellkeep;LOCK_TIMEOUT=10000", "wellkeep", "", zip, records,
                raw);

        String admin = System.getProperty("bench.db.url", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getProperty("bench.db.user", "postgres");
        try (Connection c = DriverManager.getConnection(admin, user, System.getProperty("bench.db.password", ""));
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS wellkeep_bench_import");
            s.execute("CREATE DATABASE wellkeep_bench_import");
        }
        String pg = admin.replaceFirst("/[^/?]+(\\?|$)", "/wellkeep_bench_import$1");
        run("PostgreSQL", Path.of("target/quarkus-app/quarkus-run.jar"), pg, user, "", zip, records, raw);
    }

    private void run(String database, Path jar, String url, String user, String password, Path zip, long records,
            double raw) throws Exception {
        try (PackagedApp app = PackagedApp.start(jar, url, user, password, HEAP)) {
            String token = Tokens.accessToken("tom");
            Result first = upload(app, token, zip, records);
            Result again = upload(app, Tokens.accessToken("tom"), zip, records);
            System.out.printf("%n   %s%n", database);
            System.out.printf("     import, end to end: %,.0f records/s (%.1f s), %.2f of the raw parse rate%n",
                    first.rate(), first.seconds(), first.rate() / raw);
            System.out.printf("       new %,d, already stored %,d, listed twice %,d, rejected %,d, skipped %,d%n",
                    first.report().path("added").asLong(), first.report().path("duplicates").asLong(),
                    first.report().path("repeated").asLong(), first.report().path("rejected").asLong(),
                    first.report().path("skipped").asLong());
            phases(app, first);
            System.out.printf("     the same file again: %,.0f records/s (%.1f s), new %,d, already stored %,d%n",
                    again.rate(), again.seconds(), again.report().path("added").asLong(),
                    again.report().path("duplicates").asLong());
            phases(app, again);
            assertEquals("DONE", first.report().path("status").asText());
            assertEquals(0, again.report().path("added").asLong(), "the same file again adds nothing");
        }
    }

    /** The import's report, its time and rate end to end, and how long the upload took to be accepted. */
    record Result(JsonNode report, double seconds, double rate, double receivedSeconds) {
    }

    private static final Pattern DONE = Pattern
            .compile("read in (\\d+) ms, published in (\\d+) ms");

    /** Where the time went: the upload until accepted, then the worker's reading and publishing, from its log. */
    private static void phases(PackagedApp app, Result result) throws IOException {
        String id = result.report().path("id").asText();
        Matcher done = DONE.matcher(app.logLine("Import " + id + " done:").orElseThrow(
                () -> new IllegalStateException("The app logged no end of import " + id)));
        if (!done.find()) {
            throw new IllegalStateException("Unexpected end-of-import line for " + id);
        }
        System.out.printf("       upload accepted in %.2f s, file read in %.2f s, published in %.2f s%n",
                result.receivedSeconds(), Long.parseLong(done.group(1)) / 1e3, Long.parseLong(done.group(2)) / 1e3);
    }

    /** Uploads the file as a phone app would and waits for the import to finish. */
    private static Result upload(PackagedApp app, String token, Path zip, long records) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> accepted = HTTP.send(HttpRequest.newBuilder(URI.create(app.url()
                + "/api/imports?name=export.zip")).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofFile(zip)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + accepted.statusCode() + ": " + accepted.body());
        }
        double received = (System.nanoTime() - started) / 1e9;
        String id = JSON.readTree(accepted.body()).path("id").asText();
        while (true) {
            JsonNode job = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(app.url() + "/api/imports/" + id))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            String status = job.path("status").asText();
            if (List.of("DONE", "FAILED").contains(status)) {
                double seconds = (System.nanoTime() - started) / 1e9;
                if (status.equals("FAILED")) {
                    throw new IllegalStateException("the import failed: " + job);
                }
                return new Result(job, seconds, records / seconds, received);
            }
            Thread.sleep(100);
        }
    }

    /** Reads the file once in a new JVM with the app's heap, and prints the rate. */
    public static void main(String[] args) throws IOException {
        System.out.println("RATE " + rawParse(Path.of(args[0])));
    }

    private static double rawParseInFreshJvm(Path zip) throws IOException, InterruptedException {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP, "-cp", System.getProperty("java.class.path"), ImportBench.class.getName(),
                zip.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (child.waitFor() != 0) {
            throw new IllegalStateException("The raw parse failed:\n" + output);
        }
        return output.lines().filter(l -> l.startsWith("RATE ")).map(l -> Double.valueOf(l.substring(5)))
                .findFirst().orElseThrow(() -> new IllegalStateException("No rate in:\n" + output));
    }

    /** The app packaged for H2, built once beside the one for PostgreSQL. */
    private static Path packageForH2() throws IOException, InterruptedException {
        Path jar = Path.of("target/bench-h2-app/quarkus-run.jar");
        Process build = new ProcessBuilder("./mvnw", "-B", "-q", "package", "-DskipTests", "-Dformatter.skip",
                "-Dimpsort.skip", "-Dwellkeep.package.db-kind=h2", "-Dquarkus.package.output-directory=bench-h2-app")
                .inheritIO().start();
        if (build.waitFor() != 0 || !Files.exists(jar)) {
            throw new IllegalStateException("Building the app for H2 failed");
        }
        return jar;
    }

    /** Unzips and reads the export with nothing stored: the rate the import is measured against. */
    private static double rawParse(Path zip) throws IOException {
        long[] count = new long[1];
        double[] sum = new double[1];
        ReadingSink counting = new ReadingSink() {

            @Override
            public void reading(Metric metric, Instant start, Instant end, int offset, double value, String stage,
                    String source, long position) {
                count[0]++;
                sum[0] += value;
            }

            @Override
            public void rejected(long position, Rejection reason, String detail) {
                count[0]++;
            }

            @Override
            public void skipped(String type) {
                count[0]++;
            }
        };
        long started = System.nanoTime();
        try (ZipInputStream in = new ZipInputStream(new BufferedInputStream(Files.newInputStream(zip), 1 << 16))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().endsWith("/export.xml")) {
                    new AppleHealthImporter().read(new ImportContext(entry.getName(), ZoneId.of("UTC")),
                            new BufferedInputStream(in, 1 << 16), counting);
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        if (sum[0] == 0) {
            throw new IllegalStateException("nothing read");
        }
        return count[0] / seconds;
    }

    private static long generate(Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        Path count = zip.resolveSibling(zip.getFileName() + ".records");
        if (Files.exists(zip) && Files.exists(count)) {
            return Long.parseLong(Files.readString(count).strip());
        }
        long records;
        try (OutputStream out = Files.newOutputStream(zip)) {
            records = AppleHealthExportGenerator.write(out, RECORDS, 42);
        }
        Files.writeString(count, Long.toString(records));
        return records;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
