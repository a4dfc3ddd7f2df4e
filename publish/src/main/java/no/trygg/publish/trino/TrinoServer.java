package no.trygg.publish.trino;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import no.trygg.jobs.config.TryggConfig;

/**
 * A single-node Trino on 127.0.0.1 serving the warehouse's Iceberg tables: provisioned from the download
 * cache, configured from Trygg's configuration under {@code <home>/trino}, started and stopped through
 * Trino's own launcher with a pid file of its own, so {@code stop} only ever stops the server it started.
 */
public final class TrinoServer {

    private static final Duration STARTUP = Duration.ofMinutes(3);

    private final TryggConfig config;
    private final Consumer<String> progress;
    private final Path dir;

    public TrinoServer(TryggConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.dir = config.home().resolve("trino");
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + config.trino().port();
    }

    /** JDBC URL for a client, e.g. researcher → jdbc:trino://127.0.0.1:18080/trygg/research?user=researcher. */
    public String jdbcUrl(String user) {
        return "jdbc:trino://127.0.0.1:" + config.trino().port() + "/" + config.catalogName() + "/research?user=" + user;
    }

    /** Starts the server unless it runs already; returns once it answers queries. */
    public void start() {
        if (running()) {
            progress.accept("Trino is already running at " + httpUrl() + " (pid file " + pidFile() + ")");
            return;
        }
        Path server = new TrinoDistribution(config.trino().cacheDir(), progress).server();
        Path jdk = TrinoJdk.find(config.trino().javaHome());
        try {
            TrinoEtc.write(config, dir.resolve("etc"), dir.resolve("data"), server);
            java.nio.file.Files.createDirectories(dir.resolve("data"));
            progress.accept("Starting Trino " + TrinoDistribution.VERSION + " on " + httpUrl() + " with " + jdk);
            int code = launcher(server, jdk, "start");
            if (code != 0) {
                throw new IllegalStateException("Trino's launcher failed (exit " + code + "): " + tail(dir.resolve("launcher-cli.log"))
                        + "\n" + tail(dir.resolve("launcher.log")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Trino: " + e.getMessage(), e);
        }
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (answering() && runsQueries()) {
                progress.accept("Trino is ready. JDBC: " + jdbcUrl(AccessRules.RESEARCHER));
                return;
            }
            if (!running()) throw new IllegalStateException("Trino stopped while starting: " + tail(dir.resolve("server.log")));
            sleep(1000);
        }
        throw new IllegalStateException("Trino did not answer within " + STARTUP.toSeconds() + " s: " + tail(dir.resolve("server.log")));
    }

    /** Stops the server this home started (by its pid file); a no-op when none runs. */
    public void stop() {
        if (!Files.exists(pidFile()) || !running()) {
            progress.accept("Trino is not running for " + config.home());
            return;
        }
        Path server = new TrinoDistribution(config.trino().cacheDir(), progress).server();
        try {
            launcher(server, TrinoJdk.find(config.trino().javaHome()), "stop");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop Trino: " + e.getMessage(), e);
        }
        progress.accept("Trino stopped");
    }

    /** Whether the process named in our pid file is alive. */
    public boolean running() {
        return pid().flatMap(ProcessHandle::of).map(ProcessHandle::isAlive).orElse(false);
    }

    public Optional<Long> pid() {
        try {
            return Files.exists(pidFile()) ? Optional.of(Long.parseLong(Files.readString(pidFile()).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Trino answers and has finished starting. */
    public boolean answering() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(httpUrl() + "/v1/info"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"starting\":false");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A query runs. "Finished starting" is not enough: until the coordinator's node manager has seen its own worker
     * (it refreshes every few seconds, slower on a loaded machine) every query fails with "No nodes available".
     */
    private boolean runsQueries() {
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl(AccessRules.PIPELINE));
             java.sql.Statement st = c.createStatement(); java.sql.ResultSet rs = st.executeQuery("SELECT 1")) {
            return rs.next();
        } catch (java.sql.SQLException e) {
            return false;
        }
    }

    private Path pidFile() {
        return dir.resolve("trino.pid");
    }

    private int launcher(Path server, Path jdk, String action) throws IOException {
        // Airlift's launcher reads its options before the command.
        List<String> cmd = new ArrayList<>(List.of(server.resolve("bin").resolve("launcher").toString(),
                "--etc-dir=" + dir.resolve("etc"), "--data-dir=" + dir.resolve("data"), "--pid-file=" + pidFile(),
                "--jvm-dir=" + jdk, "--launcher-log-file=" + dir.resolve("launcher.log"),
                "--server-log-file=" + dir.resolve("server.log"), action));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("launcher-cli.log").toFile()));
        pb.environment().put("JAVA_HOME", jdk.toString());
        pb.environment().put("PATH", jdk.resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        if (!config.catalogPassword().isBlank()) pb.environment().put(TrinoEtc.PASSWORD_ENV, config.catalogPassword());
        Files.createDirectories(dir);
        try {
            return pb.start().waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return log + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ")";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
