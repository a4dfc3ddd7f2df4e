package no.trygg.publish.superset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.publish.server.LocalPort;
import no.trygg.publish.server.PidFile;
import no.trygg.publish.server.ProcessOutput;
import no.trygg.publish.server.ProcessStop;
import no.trygg.publish.server.PythonVenv;
import no.trygg.publish.server.SecretFile;

/**
 * Apache Superset on 127.0.0.1 for one Trygg home: installed into the download cache, set up once per home
 * (metadata database, admin user, roles), served by gunicorn detached from this JVM with a pid file of its
 * own, so {@code stop} only ever stops the server this home started.
 */
public final class SupersetServer {

    public static final String ADMIN = "admin";
    public static final String PASSWORD_ENV = "TRYGG_SUPERSET_PASSWORD";
    static final String VERSION = "6.1.0";
    /** Installed from the pinned {@code superset/requirements.txt} into {@code <cacheDir>/superset/venv-6.1.0}. */
    private static final PythonVenv.Spec VENV = new PythonVenv.Spec("Apache Superset", "superset", VERSION,
            "/superset/requirements.txt", List.of("-r", "{file}"), "gunicorn", "trygg.superset.python", null);
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);

    private final TryggConfig config;
    private final Consumer<String> progress;
    private final SupersetHome home;
    private final PythonVenv venv;

    public SupersetServer(TryggConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.home = new SupersetHome(config.home());
        this.venv = new PythonVenv(VENV, config.trino().cacheDir(), config.superset().python(), progress);
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + config.superset().port();
    }

    /** The admin's password: {@value #PASSWORD_ENV} if set, else the one generated at the first start. */
    public String adminPassword() {
        String env = System.getenv(PASSWORD_ENV);
        if (env != null && !env.isBlank()) return env;
        if (!Files.exists(home.adminPasswordFile())) {
            throw new IllegalStateException("No Superset admin password yet for " + config.home() + ": start Superset once");
        }
        return SecretFile.readOrCreate(home.adminPasswordFile(), 18);
    }

    /** Where the generated admin password is kept (mode 600). */
    public Path adminPasswordFile() {
        return home.adminPasswordFile();
    }

    public Path logFile() {
        return home.serverLog();
    }

    /** Installs (first time), sets up (first time for this home) and starts Superset; returns once it answers. */
    public void start() {
        if (running()) {
            progress.accept("Superset is already running at " + httpUrl() + " (pid file " + home.pidFile() + ")");
            return;
        }
        venv.ensure();
        try {
            home.writeConfig();
            String password = passwordToApply();
            if (!Files.exists(home.initialisedMarker())) {
                setUp(password);
            } else if (passwordChanged(password)) {
                progress.accept("Setting the Superset admin password from " + PASSWORD_ENV);
                superset("Resetting the admin password", Map.of("FLASK_FAB_RESET_PASSWORD_PASSWORD", password),
                        "fab", "reset-password", "--username", ADMIN);
                rememberApplied(password);
            }
            launch();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Superset: " + e.getMessage(), e);
        }
        waitUntilAnswering();
    }

    /** Stops the gunicorn this home started (master and workers); a no-op when none runs. */
    public void stop() {
        // SIGTERM: gunicorn stops its workers gracefully.
        boolean stopped = ProcessStop.stop(pidFile(), "gunicorn", "Superset", STOP_GRACE, progress);
        progress.accept(stopped ? "Superset stopped" : "Superset is not running for " + config.home());
    }

    /** Whether the process named in our pid file is alive. */
    public boolean running() {
        return pidFile().alive();
    }

    /** The gunicorn master's pid, from this home's pid file. */
    public Optional<Long> pid() {
        return pidFile().pid();
    }

    private PidFile pidFile() {
        return new PidFile(home.pidFile());
    }

    /** Superset answers its health check. */
    public boolean answering() {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
                    HttpRequest.newBuilder(URI.create(httpUrl() + "/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().trim().equals("OK");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void setUp(String password) throws IOException {
        progress.accept("Setting up Superset for " + config.home() + " (metadata database " + home.metadataDb() + ")");
        Files.deleteIfExists(home.setupLog());
        superset("Creating the metadata database", Map.of(), "db", "upgrade");
        // The password goes through the environment (click reads FLASK_<GROUP>_<COMMAND>_<OPTION>), never the command line.
        superset("Creating the admin user", Map.of("FLASK_FAB_CREATE_ADMIN_PASSWORD", password), "fab", "create-admin",
                "--username", ADMIN, "--firstname", "Trygg", "--lastname", "Admin", "--email", "admin@localhost");
        superset("Setting up roles and permissions", Map.of(), "init");
        rememberApplied(password);
        Files.writeString(home.initialisedMarker(), "Superset " + VERSION + "\n");
    }

    /** Runs a {@code superset} CLI command (secrets through {@code env}, never arguments); returns its output. */
    private String superset(String what, Map<String, String> env, String... args) throws IOException {
        progress.accept(what + "...");
        List<String> command = new ArrayList<>(List.of(venv.bin("superset").toString()));
        command.addAll(List.of(args));
        Files.writeString(home.setupLog(), "$ superset " + String.join(" ", args) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        long before = Files.size(home.setupLog());
        ProcessBuilder pb = processBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.setupLog().toFile()));
        pb.environment().putAll(env);
        int code = ProcessOutput.waitFor(pb.start());
        if (code != 0) throw new IllegalStateException(what + " failed (exit " + code + "). " + ProcessOutput.tail(home.setupLog(), 30));
        byte[] log = Files.readAllBytes(home.setupLog());
        return new String(log, (int) Math.min(before, log.length), (int) Math.max(0, log.length - before), StandardCharsets.UTF_8);
    }

    /**
     * Adds a viewer ({@link ViewerRole}: sees the published dashboards, changes nothing), or sets the password of
     * one that exists. Superset must have been started once for this home. The password goes through the environment.
     */
    public void addViewer(String user, String password) {
        if (!Files.exists(home.initialisedMarker())) {
            throw new IllegalStateException("Superset is not set up for " + config.home() + " yet: run `bin/trygg superset start` first");
        }
        if (!user.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("Not a user name Superset takes: '" + user + "' (letters, digits, . _ -)");
        }
        venv.ensure();
        try {
            home.writeConfig();
            Path export = home.dir().resolve("roles-export.json");
            Path role = home.dir().resolve("viewer-role.json");
            superset("Reading Superset's roles", Map.of(), "fab", "export-roles", "--path", export.toString());
            Files.writeString(role, ViewerRole.fromExport(Files.readString(export, StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
            Files.delete(export);
            superset("Setting up the role '" + ViewerRole.NAME + "'", Map.of(), "fab", "import-roles", "--path", role.toString());
            String created = superset("Adding the viewer " + user, Map.of("FLASK_FAB_CREATE_USER_PASSWORD", password), "fab", "create-user",
                    "--role", ViewerRole.NAME, "--username", user, "--firstname", user, "--lastname", "(viewer)",
                    "--email", user + "@viewer.localhost");
            if (created.contains("already exists")) {
                superset("Setting the password of " + user, Map.of("FLASK_FAB_RESET_PASSWORD_PASSWORD", password),
                        "fab", "reset-password", "--username", user);
            } else if (!created.contains("created")) {
                throw new IllegalStateException("Superset did not add the viewer " + user + ": " + created.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add the Superset viewer " + user + ": " + e.getMessage(), e);
        }
    }

    private void launch() throws IOException {
        int port = config.superset().port();
        if (!LocalPort.free(port)) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken (another Superset or program?): stop it, "
                    + "or choose another with --set trygg.superset.port=N");
        }
        pidFile().delete(); // gunicorn refuses to start over a stale one
        progress.accept("Starting Superset " + VERSION + " on " + httpUrl() + " (log " + home.serverLog() + ")");
        List<String> command = List.of(venv.bin("gunicorn").toString(), "--workers", "2", "--bind", "127.0.0.1:" + port,
                "--timeout", "120", "--graceful-timeout", "10", "--daemon", "--pid", home.pidFile().toString(),
                "--capture-output", "--error-logfile", home.serverLog().toString(), "--access-logfile", home.accessLog().toString(),
                // Without this every gunicorn of a user shares one control socket in ~/.gunicorn.
                "--no-control-socket", "--chdir", home.dir().toString(), "superset.app:create_app()");
        ProcessBuilder pb = processBuilder(command).redirectOutput(ProcessBuilder.Redirect.appendTo(home.serverLog().toFile()));
        int code = ProcessOutput.waitFor(pb.start()); // returns once gunicorn has detached
        if (code != 0) throw new IllegalStateException("gunicorn failed to start (exit " + code + "). " + ProcessOutput.tail(home.serverLog(), 30));
    }

    private void waitUntilAnswering() {
        long t = System.nanoTime();
        long deadline = t + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (answering()) {
                progress.accept("Superset is ready at " + httpUrl() + " after " + (System.nanoTime() - t) / 1_000_000_000 + " s");
                return;
            }
            boolean pidFileLate = !Files.exists(home.pidFile()) && System.nanoTime() - t > Duration.ofSeconds(30).toNanos();
            if ((Files.exists(home.pidFile()) && !running()) || pidFileLate) {
                throw new IllegalStateException("Superset stopped while starting. " + ProcessOutput.tail(home.serverLog(), 40));
            }
            sleep(1000);
        }
        throw new IllegalStateException("Superset did not answer within " + STARTUP.toSeconds() + " s. " + ProcessOutput.tail(home.serverLog(), 40));
    }

    private ProcessBuilder processBuilder(List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(home.dir().toFile());
        Map<String, String> env = pb.environment();
        env.put("SUPERSET_CONFIG_PATH", home.configFile().toString());
        env.put("SUPERSET_HOME", home.dir().toString()); // Superset's DATA_DIR, else ~/.superset
        env.put("FLASK_APP", "superset");
        env.put("PATH", venv.dir().resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("PYTHONUNBUFFERED", "1");
        env.remove(PASSWORD_ENV);
        env.remove("PYTHONPATH");
        return pb;
    }

    /** The password the admin should have: from the environment, else this home's generated one. */
    private String passwordToApply() {
        String env = System.getenv(PASSWORD_ENV);
        return env != null && !env.isBlank() ? env : SecretFile.readOrCreate(home.adminPasswordFile(), 18);
    }

    private boolean passwordChanged(String password) throws IOException {
        Path applied = home.appliedPasswordFile();
        return !Files.exists(applied) || !Files.readString(applied).trim().equals(hash(password));
    }

    private void rememberApplied(String password) throws IOException {
        SecretFile.write(home.appliedPasswordFile(), hash(password));
    }

    private static String hash(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(password.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
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
