package no.trygg.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import no.trygg.jobs.testing.TestWarehouse;

/**
 * `trygg` run inside the test JVM: the same {@link Trygg#execute} a user's `bin/trygg` calls, on the JVM's one shared
 * SparkSession (warm, so a pipeline run costs seconds, not a JVM and a Spark start-up). Its output is captured for the
 * test and appended to {@code <home>/out.log}, as {@link TryggProcess} does. The key goes where a user puts it, in the
 * home's key file, since a test cannot set its own environment. Commands that must be a process of their own (a run
 * that is killed, a run on a cluster, a command that reads a secret from the environment) use {@link TryggProcess}.
 */
final class InProcessTrygg {

    private InProcessTrygg() {
    }

    record Result(int exitCode, String output) {
    }

    /** Runs {@code args} against {@code home} with {@code key} and returns the exit code and what it printed. */
    static synchronized Result run(Path home, String key, String... args) throws IOException {
        TestWarehouse.spark(); // the shared session exists first, so no command stops it when it is done
        writeKey(home, key);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--home", home.toString()));
        all.addAll(TryggProcess.sparkSettings());
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream out = System.out;
        PrintStream err = System.err;
        int code;
        try (OutputStream log = Files.newOutputStream(home.resolve("out.log"), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
             PrintStream both = new PrintStream(new Tee(captured, log), true, StandardCharsets.UTF_8)) {
            System.setOut(both);
            System.setErr(both);
            try {
                code = Trygg.execute(all.toArray(String[]::new));
            } finally {
                both.flush();
                System.setOut(out);
                System.setErr(err);
            }
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        if (code != 0) System.err.println("trygg " + String.join(" ", args) + " → exit " + code + "\n" + output);
        return new Result(code, output);
    }

    /** The exit code only, like {@link TryggProcess#run(Path, String, String...)}. */
    static int exit(Path home, String key, String... args) throws IOException {
        return run(home, key, args).exitCode();
    }

    private static void writeKey(Path home, String key) throws IOException {
        Path file = home.resolve("secrets").resolve("pseudonym.key");
        if (Files.exists(file)) return;
        Files.createDirectories(file.getParent());
        Files.writeString(file, key, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
