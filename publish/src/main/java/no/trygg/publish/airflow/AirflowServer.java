package no.trygg.publish.airflow;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.publish.server.LocalPort;
import no.trygg.publish.server.PidFile;
import no.trygg.publish.server.ProcessOutput;
import no.trygg.publish.server.ProcessStop;
import no.trygg.publish.server.PythonVenv;
import no.trygg.publish.server.SecretFile;

/**
 * Apache Airflow 3 on 127.0.0.1 for one Trygg home: installed into the download cache, its metadata database
 * (SQLite) migrated once per home, then four processes started detached from this JVM, each in a session of
 * its own with its own pid file: scheduler (LocalExecutor: tasks run as its children, with its environment),
 * triggerer, DAG processor and API server. {@code stop} stops only what those pid files name, children included.
 */
public final class AirflowServer {

    public static final String ADMIN = "admin";
    public static final String PASSWORD_ENV = "TRYGG_AIRFLOW_PASSWORD";
    static final String VERSION = "3.1.8";
    private static final PythonVenv.Spec VENV = new PythonVenv.Spec("Apache Airflow", "airflow", VERSION,
            "/airflow/constraints-3.11.txt", List.of("apache-airflow==" + VERSION, "--constraint", "{file}"), "airflow",
            "trygg.airflow.python", null);
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration PARSING = Duration.ofSeconds(90);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TryggConfig config;
    private final Consumer<String> progress;
    private final AirflowHome home;
    private final PythonVenv venv;

    public AirflowServer(TryggConfig config, Consumer<String> progress) {
        this.config = config;
        this.progress = progress;
        this.home = new AirflowHome(config.home());
        String constraints = config.airflow().constraints();
        this.venv = new PythonVenv(constraints == null ? VENV : VENV.withPinnedUrl(constraints), config.trino().cacheDir(),
                config.airflow().python(), progress);
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + config.airflow().port();
    }

    /** The admin's password: {@value #PASSWORD_ENV} if set, else the one generated at the first start. */
    public String adminPassword() {
        String env = System.getenv(PASSWORD_ENV);
        if (env != null && !env.isBlank()) return env;
        if (!Files.exists(home.adminPasswordFile())) {
            throw new IllegalStateException("No Airflow admin password yet for " + config.home() + ": start Airflow once");
        }
        return SecretFile.readOrCreate(home.adminPasswordFile(), 18);
    }

    public Path adminPasswordFile() {
        return home.adminPasswordFile();
    }

    /** Where the components' logs and the task logs are. */
    public Path logDir() {
        return home.logs();
    }

    public Path dagsFolder() {
        return config.airflow().dagsFolder();
    }

    /** A client logged in as the admin. */
    public AirflowClient client() {
        return AirflowClient.login(httpUrl(), ADMIN, adminPassword());
    }

    /**
     * Installs (first time), migrates the metadata database (first time per home and version) and starts the
     * components not running yet; returns once the API answers, every component reports healthy and the DAG
     * processor has parsed the DAG folder.
     */
    public void start() {
        List<String> missing = AirflowHome.COMPONENTS.stream().filter(c -> !pidFile(c).alive()).toList();
        if (missing.isEmpty() && answering()) {
            progress.accept("Airflow is already running at " + httpUrl() + " (pid files in " + home.dir() + ")");
            return;
        }
        if (!Files.isDirectory(dagsFolder())) {
            throw new IllegalStateException("No DAG folder " + dagsFolder() + ": set trygg.airflow.dags-folder to the folder with the DAG files");
        }
        venv.ensure();
        try {
            Files.createDirectories(home.logs());
            String password = passwordToApply();
            home.writePasswords(ADMIN, password);
            if (!Files.exists(home.migratedMarker()) || !Files.readString(home.migratedMarker()).trim().equals(VERSION)) {
                migrate();
            }
            if (missing.contains("api-server") && !LocalPort.free(config.airflow().port())) {
                throw new IllegalStateException("Port " + config.airflow().port() + " on 127.0.0.1 is taken (another Airflow or program?): "
                        + "stop it, or choose another with --set trygg.airflow.port=N");
            }
            progress.accept("Starting Airflow " + VERSION + " (" + String.join(", ", missing) + ") on " + httpUrl()
                    + " with DAGs from " + dagsFolder() + " (logs " + home.logs() + ")");
            for (String component : missing) launch(component);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start Airflow: " + e.getMessage(), e);
        }
        waitUntilReady();
    }

    /** Stops every component this home started, with their children (running tasks, workers); a no-op when none runs. */
    public void stop() {
        boolean any = false;
        for (String component : AirflowHome.COMPONENTS) {
            any |= ProcessStop.stop(pidFile(component), "airflow", "Airflow's " + component, STOP_GRACE, progress);
        }
        progress.accept(any ? "Airflow stopped" : "Airflow is not running for " + config.home());
    }

    /** Whether every component named in our pid files is alive. */
    public boolean running() {
        return AirflowHome.COMPONENTS.stream().allMatch(c -> pidFile(c).alive());
    }

    /** Pid per component, for those that run. */
    public Map<String, Long> pids() {
        Map<String, Long> pids = new java.util.LinkedHashMap<>();
        for (String c : AirflowHome.COMPONENTS) {
            if (pidFile(c).alive()) pidFile(c).pid().ifPresent(p -> pids.put(c, p));
        }
        return pids;
    }

    /** The API server answers its health check (no login needed). */
    public boolean answering() {
        return health().isPresent();
    }

    /** Health per part ("metadatabase", "scheduler", "triggerer", "dag_processor" → "healthy"/"unhealthy"), if the API answers. */
    public Optional<Map<String, String>> health() {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(3)).build().send(
                    HttpRequest.newBuilder(URI.create(httpUrl() + "/api/v2/monitor/health")).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) return Optional.empty();
            Map<String, String> parts = new java.util.LinkedHashMap<>();
            JSON.readTree(r.body()).fields().forEachRemaining(f -> parts.put(f.getKey(), f.getValue().path("status").asText("unknown")));
            return Optional.of(parts);
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private void migrate() throws IOException {
        progress.accept("Creating Airflow's metadata database " + home.metadataDb() + " (airflow db migrate)...");
        Files.writeString(home.setupLog(), "$ airflow db migrate\n", StandardCharsets.UTF_8);
        ProcessBuilder pb = processBuilder(List.of(venv.bin("airflow").toString(), "db", "migrate"))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.setupLog().toFile()));
        int code = ProcessOutput.waitFor(pb.start());
        if (code != 0) throw new IllegalStateException("airflow db migrate failed (exit " + code + "). " + ProcessOutput.tail(home.setupLog(), 30));
        Files.writeString(home.migratedMarker(), VERSION + "\n");
    }

    private void launch(String component) throws IOException {
        Path log = home.componentLog(component);
        // setsid: a session of its own, so a Ctrl-C or closed terminal of the shell that started it does not reach it.
        List<String> command = new ArrayList<>(List.of("setsid", venv.bin("airflow").toString(), component));
        if (component.equals("api-server")) {
            command.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(config.airflow().port())));
        }
        ProcessBuilder pb = processBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process p = pb.start();
        pidFile(component).write(p.pid());
    }

    private void waitUntilReady() {
        long t = System.nanoTime();
        long deadline = t + STARTUP.toNanos();
        Set<String> parts = Set.of("metadatabase", "scheduler", "triggerer", "dag_processor");
        Map<String, String> last = Map.of();
        while (System.nanoTime() < deadline) {
            for (String c : AirflowHome.COMPONENTS) {
                if (!pidFile(c).alive()) {
                    throw new IllegalStateException("Airflow's " + c + " stopped while starting. " + ProcessOutput.tail(home.componentLog(c), 40));
                }
            }
            Map<String, String> health = health().orElse(Map.of());
            last = health;
            if (parts.stream().allMatch(p -> "healthy".equals(health.get(p)))) {
                progress.accept("Airflow answers at " + httpUrl() + " after " + (System.nanoTime() - t) / 1_000_000_000 + " s");
                waitUntilParsed();
                return;
            }
            sleep(1000);
        }
        throw new IllegalStateException("Airflow was not healthy within " + STARTUP.toSeconds() + " s (" + last + "). Logs in " + home.logs());
    }

    /** Waits until every DAG file (Airflow's own test: a .py file mentioning "airflow" and "dag") has been parsed. */
    private void waitUntilParsed() {
        Set<String> files = dagFiles();
        AirflowClient client = client();
        long t = System.nanoTime();
        long deadline = t + PARSING.toNanos();
        while (true) {
            Set<String> parsed = client.parsedFiles().stream().map(f -> dagsFolder().resolve(f).normalize().toString())
                    .collect(Collectors.toSet());
            List<String> waiting = files.stream().filter(f -> !parsed.contains(f)).toList();
            if (waiting.isEmpty()) {
                List<String> errors = client.importErrors();
                progress.accept("Airflow is ready: " + client.dags().size() + " DAGs from " + dagsFolder()
                        + (errors.isEmpty() ? "" : "; DAG files that failed to load:\n  " + String.join("\n  ", errors)));
                return;
            }
            if (System.nanoTime() > deadline) {
                progress.accept("Airflow runs, but has not parsed these DAG files within " + PARSING.toSeconds() + " s: " + waiting
                        + " (see " + home.componentLog("dag-processor") + ")");
                return;
            }
            sleep(2000);
        }
    }

    private Set<String> dagFiles() {
        try (Stream<Path> all = Files.walk(dagsFolder())) {
            return all.filter(p -> p.toString().endsWith(".py") && Files.isRegularFile(p)).filter(p -> {
                try {
                    String s = Files.readString(p, StandardCharsets.ISO_8859_1).toLowerCase();
                    return s.contains("airflow") && s.contains("dag");
                } catch (IOException e) {
                    return false;
                }
            }).map(p -> p.toAbsolutePath().normalize().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dagsFolder() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Airflow's settings, all through the environment (the airflow.cfg it writes itself into AIRFLOW_HOME keeps its
     * defaults). Everything else of our environment is passed on: LocalExecutor tasks inherit the scheduler's, so
     * JAVA_HOME, PATH, TRYGG_HOME, TRYGG_CACHE_DIR, TRYGG_PSEUDONYM_KEY... reach the bin/trygg commands they run.
     */
    private ProcessBuilder processBuilder(List<String> command) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(home.dir().toFile());
        Map<String, String> env = pb.environment();
        String url = httpUrl();
        env.put("AIRFLOW_HOME", home.dir().toString());
        env.put("AIRFLOW__CORE__DAGS_FOLDER", dagsFolder().toString());
        env.put("AIRFLOW__CORE__LOAD_EXAMPLES", "False");
        env.put("AIRFLOW__CORE__EXECUTOR", "LocalExecutor");
        env.put("AIRFLOW__CORE__AUTH_MANAGER", "airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager");
        env.put("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS", ADMIN + ":admin");
        env.put("AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE", home.passwordsFile().toString());
        env.put("AIRFLOW__CORE__EXECUTION_API_SERVER_URL", url + "/execution/");
        env.put("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "sqlite:///" + home.metadataDb());
        env.put("AIRFLOW__API__HOST", "127.0.0.1");
        env.put("AIRFLOW__API__PORT", String.valueOf(config.airflow().port()));
        env.put("AIRFLOW__API__BASE_URL", url);
        // Shared by every component: the scheduler signs the tokens its tasks show the API server.
        env.put("AIRFLOW__API_AUTH__JWT_SECRET", home.jwtSecret());
        env.put("AIRFLOW__API__SECRET_KEY", home.apiSecretKey());
        env.put("AIRFLOW__LOGGING__BASE_LOG_FOLDER", home.logs().toString());
        // New DAG files are noticed within seconds (Airflow's default looks every 5 minutes).
        env.put("AIRFLOW__DAG_PROCESSOR__REFRESH_INTERVAL", "10");
        env.put("PATH", venv.dir().resolve("bin") + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("PYTHONUNBUFFERED", "1");
        env.remove(PASSWORD_ENV);
        env.remove("PYTHONPATH");
        return pb;
    }

    private String passwordToApply() {
        String env = System.getenv(PASSWORD_ENV);
        return env != null && !env.isBlank() ? env : SecretFile.readOrCreate(home.adminPasswordFile(), 18);
    }

    private PidFile pidFile(String component) {
        return new PidFile(home.pidFile(component));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
