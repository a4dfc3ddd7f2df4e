package no.trygg.pipelines.cluster;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.publish.server.LocalPort;
import no.trygg.publish.server.PidFile;
import no.trygg.publish.server.ProcessOutput;
import no.trygg.publish.server.ProcessStop;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A Spark standalone cluster on 127.0.0.1: one master and one worker, each a JVM of its own on this JVM's class
 * path, with a pid file and a log under {@code <home>/spark-cluster/}. Trygg's jobs run on it with
 * {@code trygg.spark.master=spark://127.0.0.1:PORT}; the worker starts their executors as its child processes,
 * so stopping the worker by its pid stops them too.
 */
public final class SparkStandaloneCluster {

    static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
    static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
    private static final Duration STARTUP = Duration.ofMinutes(3);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final TryggConfig.SparkCluster settings;
    private final Consumer<String> progress;
    private final Path dir;

    public SparkStandaloneCluster(TryggConfig config, Consumer<String> progress) {
        this.settings = config.sparkCluster();
        this.progress = progress;
        this.dir = config.home().resolve("spark-cluster");
    }

    public String masterUrl() {
        return settings.masterUrl();
    }

    /** The master's web UI (and its JSON status at {@code /json/}). */
    public String webUrl() {
        return "http://127.0.0.1:" + settings.masterWebPort();
    }

    public Path dir() {
        return dir;
    }

    /** Where the worker keeps each application's executor logs ({@code <app id>/<executor id>/stderr}). */
    public Path workDir() {
        return dir.resolve("work");
    }

    /** Starts the master and the worker unless they run; returns once the worker has registered with the master. */
    public void start() {
        boolean master = pidFile("master").alive();
        boolean worker = pidFile("worker").alive();
        if (master && worker && status().map(MasterStatus::ready).orElse(false)) {
            progress.accept("The Spark cluster is already running at " + masterUrl() + " (pid files in " + dir + ")");
            return;
        }
        if (worker && !master) stop("worker", WORKER_CLASS); // a worker without its master: start both afresh
        try {
            Files.createDirectories(workDir());
            Path sparkHome = sparkHome();
            if (!pidFile("master").alive()) {
                requireFree(settings.masterPort(), "trygg.spark.cluster.master-port");
                requireFree(settings.masterWebPort(), "trygg.spark.cluster.master-web-port");
                progress.accept("Starting the Spark master at " + masterUrl() + " (web UI " + webUrl() + ", log " + log("master") + ")");
                launch("master", sparkHome, List.of(MASTER_CLASS, "--host", "127.0.0.1", "--port", String.valueOf(settings.masterPort()),
                        "--webui-port", String.valueOf(settings.masterWebPort())));
                await("master", s -> "ALIVE".equals(s.state()), "the master did not accept workers");
            }
            if (!pidFile("worker").alive()) {
                requireFree(settings.workerWebPort(), "trygg.spark.cluster.worker-web-port");
                progress.accept("Starting a Spark worker with " + settings.workerCores() + " cores and " + settings.workerMemory()
                        + " for executors (log " + log("worker") + ")");
                launch("worker", sparkHome, List.of(WORKER_CLASS, "--host", "127.0.0.1", "--cores", String.valueOf(settings.workerCores()),
                        "--memory", settings.workerMemory(), "--webui-port", String.valueOf(settings.workerWebPort()),
                        "--work-dir", workDir().toString(), masterUrl()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the Spark cluster in " + dir + ": " + e.getMessage(), e);
        }
        long t = System.nanoTime();
        await("worker", MasterStatus::ready, "no worker registered with the master");
        progress.accept("The Spark cluster is ready at " + masterUrl() + " after " + (System.nanoTime() - t) / 1_000_000_000 + " s");
    }

    /** Stops the worker (with its executors) and the master this home started; a no-op when none runs. */
    public void stop() {
        boolean any = stop("worker", WORKER_CLASS);
        any |= stop("master", MASTER_CLASS);
        progress.accept(any ? "The Spark cluster stopped" : "No Spark cluster is running for " + dir.getParent());
    }

    private boolean stop(String role, String mainClass) {
        return ProcessStop.stop(pidFile(role), mainClass, "the Spark " + role, STOP_GRACE, progress);
    }

    /** Whether both the master and the worker named in the pid files are alive. */
    public boolean running() {
        return pidFile("master").alive() && pidFile("worker").alive();
    }

    /** The pid of "master" or "worker", if it runs. */
    public Optional<Long> pid(String role) {
        PidFile f = pidFile(role);
        return f.alive() ? f.pid() : Optional.empty();
    }

    public Optional<MasterStatus> status() {
        return MasterStatus.read(webUrl());
    }

    /**
     * Every JVM of the cluster, including the executors the worker has started: for checking that {@code stop} leaves
     * none behind.
     */
    public List<ProcessHandle> processes() {
        List<ProcessHandle> all = new ArrayList<>();
        for (String role : List.of("master", "worker")) {
            pidFile(role).pid().flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).ifPresent(p -> {
                all.add(p);
                p.descendants().forEach(all::add);
            });
        }
        return all;
    }

    public Path log(String role) {
        return dir.resolve(role + ".log");
    }

    private PidFile pidFile(String role) {
        return new PidFile(dir.resolve(role + ".pid"));
    }

    private static void requireFree(int port, String setting) {
        if (!LocalPort.free(port)) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is taken (another Spark cluster or program?): "
                    + "stop it, or choose another with --set " + setting + "=N");
        }
    }

    /**
     * The worker launches executors through Spark's launcher, which wants a Spark installation: a {@code jars}
     * folder under SPARK_HOME and a Scala version. An empty folder satisfies it; the classes come from
     * SPARK_DIST_CLASSPATH (see {@link #launch}), which unlike {@code jars} may also hold class folders.
     */
    private Path sparkHome() throws IOException {
        Path home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        return home;
    }

    private void launch(String role, Path sparkHome, List<String> mainAndArgs) throws IOException {
        String classPath = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // setsid: a session of its own, so a Ctrl-C in the shell that ran `spark start` does not reach it.
        List<String> command = new ArrayList<>(List.of("setsid", java, "-Xmx512m"));
        command.addAll(Arrays.asList(JavaModuleOptions.defaultModuleOptions().split(" ")));
        // Spark's own log settings (INFO) rather than bin/trygg's quiet ones. (Trygg's class path resolves slf4j-api 1.7,
        // which binds no logger, so today the logs hold what the JVMs print to stdout and stderr, such as a failed start.)
        command.add("-Dlog4j2.configurationFile=classpath:org/apache/spark/log4j2-defaults.properties");
        // The REST submission server would accept jobs from anyone who reaches the port: keep it off.
        command.add("-Dspark.master.rest.enabled=false");
        command.addAll(List.of("-cp", classPath));
        command.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(role).toFile()));
        Map<String, String> env = pb.environment();
        env.put("SPARK_LOCAL_IP", "127.0.0.1"); // web UIs bind to it too
        env.put("SPARK_HOME", sparkHome.toString());
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("SPARK_DIST_CLASSPATH", classPath); // executors get the same classes as the master and worker
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        pidFile(role).write(p.pid());
    }

    private void await(String role, java.util.function.Predicate<MasterStatus> done, String failure) {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!pidFile(role).alive()) {
                throw new IllegalStateException("The Spark " + role + " stopped while starting. " + ProcessOutput.tail(log(role), 40));
            }
            if (status().map(done::test).orElse(false)) return;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the Spark " + role, e);
            }
        }
        throw new IllegalStateException("The Spark cluster did not start within " + STARTUP.toSeconds() + " s: " + failure + ". "
                + ProcessOutput.tail(log(role), 40));
    }
}
