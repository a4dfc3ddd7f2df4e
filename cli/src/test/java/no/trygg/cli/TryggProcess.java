package no.trygg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import no.trygg.jobs.privacy.PseudonymKey;

/** `trygg` as its own JVM, the way a user or a scheduler runs it: output appended to {@code <home>/out.log}. */
final class TryggProcess {

    private TryggProcess() {
    }

    static Process start(Path home, String key, String... args) throws Exception {
        return start(home, key, Map.of(), args);
    }

    static Process start(Path home, String key, Map<String, String> env, String... args) throws Exception {
        Files.createDirectories(home);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), Trygg.class.getName()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--home", home.toString(), "--set", "trygg.spark.shuffle.partitions=2"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("out.log").toFile()));
        pb.environment().put(PseudonymKey.ENV, key);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** Runs to the end (at most five minutes) and returns the exit code; prints the log when it is not 0. */
    static int run(Path home, String key, String... args) throws Exception {
        return run(home, key, Duration.ofMinutes(5), Map.of(), args);
    }

    /** Runs with extra environment variables (secrets go there, never on the command line), within {@code limit}. */
    static int run(Path home, String key, Duration limit, Map<String, String> env, String... args) throws Exception {
        Process p = start(home, key, env, args);
        if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("trygg " + String.join(" ", args) + " did not finish within " + limit);
        }
        if (p.exitValue() != 0) System.err.println(log(home));
        return p.exitValue();
    }

    static String log(Path home) throws java.io.IOException {
        return Files.readString(home.resolve("out.log"));
    }
}
