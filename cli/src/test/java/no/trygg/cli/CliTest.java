package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: help for every command, and clear errors before any work starts. */
class CliTest {

    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return new Result(Trygg.execute(args), out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void everyCommandHasHelp() {
        Result top = run("--help");
        assertEquals(0, top.code());
        List<String> commands = List.of("demo", "generate", "run", "quality", "sql", "status", "keygen", "trino", "superset", "dictionary", "privacy");
        commands.forEach(c -> assertTrue(top.out().contains(c), "top-level help lists " + c));
        for (String c : commands) {
            Result r = run(c, "--help");
            assertEquals(0, r.code(), c);
            assertTrue(r.out().startsWith("Usage: trygg " + c), c + ": " + r.out());
        }
    }

    @Test
    void aCommandGroupAloneShowsItsSubcommands() {
        for (String group : List.of("trino", "superset", "airflow", "spark", "bench", "export", "publish", "quality", "privacy")) {
            Result r = run(group);
            assertEquals(0, r.code(), group);
            assertTrue(r.out().startsWith("Usage: trygg " + group), group + ": " + r.out());
            assertTrue(r.out().contains("Commands:"), group + " lists its subcommands: " + r.out());
        }
    }

    @Test
    void wrongUsageExitsWithTwo() {
        Result r = run("generate", "--scale", "2");
        assertEquals(CommandLine.ExitCode.USAGE, r.code());
        assertTrue(r.err().contains("Missing required option: '--out=DIR'"), r.err());
    }

    @Test
    void runWithoutAKeyIsAClearErrorBeforeSparkStarts() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("TRYGG_PSEUDONYM_KEY") == null);
        Result r = run("run", "--home", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("No pseudonymisation key"), r.err());
        assertTrue(r.err().contains("bin/trygg keygen"), r.err());
    }

    @Test
    void runWithoutSourcesSaysHowToGetThem() {
        assertEquals(0, run("keygen", "--home", dir.toString()).code());
        Result r = run("run", "--home", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("does not exist (generate some with: bin/trygg generate --out"), r.err());
    }

    @Test
    void aSecondRunOnAHomeInUseExitsWithSixBeforeSparkStarts() throws Exception {
        assertEquals(0, run("keygen", "--home", dir.toString()).code());
        java.nio.file.Files.createDirectories(dir.resolve("sources"));
        try (no.trygg.jobs.warehouse.HomeLock held = no.trygg.jobs.warehouse.HomeLock.acquire(dir, "the first run")) {
            Result r = run("run", "--home", dir.toString());
            assertEquals(Trygg.HOME_LOCKED, r.code(), r.err());
            assertTrue(r.err().contains("another run is writing to " + dir), r.err());
            assertTrue(!r.out().contains("Starting Spark"), r.out());
        }
    }

    @Test
    void badGeneratorOptionsAreExplained() {
        Result r = run("generate", "--from", "2025", "--to", "2020", "--out", dir.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("fromYear must not be after toYear"), r.err());
    }
}
