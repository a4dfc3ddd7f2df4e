package no.trygg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import no.trygg.jobs.privacy.PseudonymKey;
import no.trygg.jobs.testing.TestWarehouse;

/** `trygg` as its own JVM, the way a user or a scheduler runs it: output appended to {@code <home>/out.log}. */
final class TryggProcess {

    private TryggProcess() {
    }

    static Process start(Path home, String key, String... args) throws Exception {
        return start(home, key, Map.of(), args);
    }

    static Process start(Path home, String key, Map<String, String> env, String... args) throws Exception {
        return start(Trygg.class, home, key, env, args);
    }

    /** Like {@link #start(Path, String, Map, String...)} with another main class, e.g. a test launcher around {@link Trygg}. */
    static Process start(Class<?> main, Path home, String key, Map<String, String> env, String... args) throws Exception {
        Files.createDirectories(home);
        List<String> cmd = new ArrayList<>(javaCommand(main));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--home", home.toString()));
        cmd.addAll(sparkSettings());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("out.log").toFile()));
        pb.environment().put(PseudonymKey.ENV, key);
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().putAll(env);
        return pb.start();
    }

    /** The tests' Spark settings ({@link TestWarehouse#SPARK_SETTINGS}) as {@code --set} options. */
    static List<String> sparkSettings() {
        List<String> out = new ArrayList<>();
        new java.util.TreeMap<>(TestWarehouse.SPARK_SETTINGS).forEach((k, v) -> out.addAll(List.of("--set", k + "=" + v)));
        return out;
    }

    /** The same settings as the environment variables a scheduler's tasks read (TRYGG_SPARK_ADAPTIVE, ...). */
    static Map<String, String> sparkEnvironment() {
        Map<String, String> out = new java.util.TreeMap<>();
        TestWarehouse.SPARK_SETTINGS.forEach((k, v) -> out.put(k.toUpperCase(java.util.Locale.ROOT).replace('.', '_'), v));
        return out;
    }

    /** `trygg` on this test's classpath: the JVM and its flags, before the arguments. */
    static List<String> javaCommand() {
        return javaCommand(Trygg.class);
    }

    private static List<String> javaCommand(Class<?> main) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
                "-cp", System.getProperty("java.class.path"), main.getName());
    }

    /** A shell script that runs `trygg` like {@link #start} does, for a scheduler's tasks (TRYGG_COMMAND). */
    static Path launcher(Path script) throws java.io.IOException {
        String line = javaCommand().stream().map(a -> "'" + a.replace("'", "'\\''") + "'").collect(java.util.stream.Collectors.joining(" "));
        Files.writeString(script, "#!/bin/sh\nexec " + line + " \"$@\"\n");
        script.toFile().setExecutable(true);
        return script;
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

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A free port on 127.0.0.1 for a server a test starts. */
    static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static String log(Path home) throws java.io.IOException {
        return Files.readString(home.resolve("out.log"));
    }
}
