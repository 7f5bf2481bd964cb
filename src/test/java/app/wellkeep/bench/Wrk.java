package app.wellkeep.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The wrk load tool (Debian's package), run against one URL with a session cookie; its figures parsed. */
final class Wrk {

    /** What one run measured: requests per second, latency percentiles in ms, mean response size in bytes. */
    record Result(double requestsPerSecond, double p50, double p95, double p99, long meanBytes, long errors) {
    }

    private Wrk() {
    }

    static String binary() throws IOException, InterruptedException {
        for (String dir : System.getenv("PATH").split(":")) {
            if (Files.isExecutable(Path.of(dir, "wrk"))) {
                return Path.of(dir, "wrk").toString();
            }
        }
        if ("root".equals(System.getProperty("user.name"))) {
            new ProcessBuilder("apt-get", "install", "-y", "wrk").inheritIO().start().waitFor();
            if (Files.isExecutable(Path.of("/usr/bin/wrk"))) {
                return "/usr/bin/wrk";
            }
        }
        throw new IllegalStateException("The page benchmark needs wrk: install Debian's package 'wrk'");
    }

    static Result run(String url, String cookie, int connections, int seconds)
            throws IOException, InterruptedException {
        Path script = Path.of("target/test-classes/bench/report.lua");
        Process process = new ProcessBuilder(binary(), "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout",
                "10s", "-s", script.toString(), "-H", "Cookie: " + cookie, url).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        Map<String, Double> figures = new HashMap<>();
        for (String line : output.lines().toList()) {
            List<String> parts = List.of(line.split(" "));
            if (parts.size() == 3 && parts.get(0).equals("WK")) {
                figures.put(parts.get(1), Double.valueOf(parts.get(2)));
            }
        }
        double requests = figures.get("requests");
        return new Result(requests / (figures.get("duration_us") / 1e6), figures.get("p50_us") / 1000,
                figures.get("p95_us") / 1000, figures.get("p99_us") / 1000, Math.round(figures.get("bytes") / requests),
                Math.round(figures.get("errors")));
    }
}
