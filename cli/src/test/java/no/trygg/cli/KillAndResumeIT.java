package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import no.trygg.generator.GeneratorOptions;
import no.trygg.generator.SourceGenerator;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.silver.SilverBuildJob;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.jobs.privacy.PseudonymKey;
import no.trygg.publish.research.ResearchViews;
import no.trygg.quality.Conservation;
import no.trygg.schemas.sources.SourceFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety: `trygg run` is killed with SIGKILL right after a table commit in each step of a run in turn (bronze,
 * silver, gold, research views), at points chosen from the commits of an uninterrupted reference run, so every step
 * is hit whatever the machine's speed. After each kill every table is readable and, where silver is complete,
 * conservation holds; the next run, killed a step later, gets past it, and the run after the last kill ends with
 * exactly the tables an uninterrupted run produces. Small sources, fixed seed.
 */
@Tag("integration")
class KillAndResumeIT {

    private static final String KEY = "kill-test-key-0123456789abcdefghijklmnop";
    /** The steps a kill lands in, by the namespace of the table whose commit it follows. */
    private static final List<String> STEPS = List.of(Warehouse.BRONZE, Warehouse.SILVER, Warehouse.GOLD, ResearchViews.NAMESPACE);

    @TempDir
    Path dir;

    @Test
    void killedRunsLeaveConsistentTablesAndResumeToTheSameResult() throws Exception {
        // PostgreSQL: this test also reads the tables from its own JVM while other processes write them, and a
        // long-lived SQLite connection keeps seeing the snapshot of its open read (WAL), PostgreSQL does not.
        String pg = System.getenv("TRYGG_TEST_PG_URL");
        if (System.getenv("CI") != null) assertTrue(pg != null, "CI runs bin/test, which sets TRYGG_TEST_PG_URL");
        assumeTrue(pg != null, "TRYGG_TEST_PG_URL not set: run bin/test to start PostgreSQL");
        catalogUri = pg;
        String prefix = "k" + Long.toHexString(System.nanoTime()).substring(4) + "_";
        Path sources = dir.resolve("sources");
        new SourceGenerator(new GeneratorOptions(11, 2024, 2024, 0.05, 0.02, sources)).generate(s -> { });

        // The reference: an uninterrupted run, and the tables it commits, in order.
        Path referenceHome = dir.resolve("reference");
        List<String> commits = StopAtCommit.record(() -> assertEquals(0, InProcessTrygg.exit(referenceHome, KEY, runArgs(prefix + "ref", sources))));
        Warehouse reference = TestWarehouse.attach(config(referenceHome, prefix + "ref", sources));
        System.out.println("reference run: " + commits.size() + " commits");

        // One warehouse, killed once in each step in turn: the run after a kill is the next one killed, a step later,
        // so each resumed run gets past the point where the one before died. Then one more run must complete.
        Random random = new Random(20261203L);
        Path home = dir.resolve("killed");
        String catalog = prefix + "killed";
        Warehouse w = TestWarehouse.attach(config(home, catalog, sources));
        for (String step : STEPS) {
            long inStep = commits.stream().filter(t -> StopAtCommit.namespace(t).equals(step)).count();
            assertTrue(inStep > 0, "the reference run commits in " + step + ": " + commits);
            int k = 1 + random.nextInt((int) inStep);
            String table = killAfterCommit(home, catalog, sources, step + ":" + k);
            assertEquals(step, StopAtCommit.namespace(table), "the run stopped in " + step + ": after " + table);
            boolean silverComplete = assertReadableAndConsistent(w);
            System.out.printf("SIGKILL right after commit %d of %d in %s (%s): every table readable, silver %s%n", k, inStep, step, table,
                    silverComplete ? "up to date with bronze, rows conserved" : "behind bronze, rebuilt by the next run");
        }
        assertEquals(0, InProcessTrygg.exit(home, KEY, runArgs(catalog, sources)), "the run after the kills completes");
        assertTrue(Conservation.check(w).holds(), () -> Conservation.check(w).balances().toString());
        SameTables.assertSameTables(reference, w);
        System.out.println("after four kills the next run equals the uninterrupted one, 0 rows lost");
    }

    /** Starts `trygg run` in its own JVM, SIGKILLs it right after the commit {@code point} ("silver:3"), and returns that commit's table. */
    private static String killAfterCommit(Path home, String catalog, Path sources, String point) throws Exception {
        Path marker = home.resolve("stopped-after");
        Files.deleteIfExists(marker);
        Process p = TryggProcess.start(StopAtCommit.class, home, KEY, Map.of(StopAtCommit.AFTER_ENV, point,
                StopAtCommit.MARKER_ENV, marker.toString()), runArgs(catalog, sources));
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (!Files.exists(marker) && p.isAlive() && System.nanoTime() < deadline) Thread.sleep(50);
        assertTrue(Files.exists(marker), "the run reached commit " + point + " (alive: " + p.isAlive() + ")\n" + TryggProcess.log(home));
        p.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
        assertTrue(p.waitFor(1, TimeUnit.MINUTES));
        assertEquals(137, p.exitValue(), "killed by SIGKILL, not finished");
        return Files.readString(marker);
    }

    private static boolean assertReadableAndConsistent(Warehouse w) {
        for (SourceFormat s : SourceFormat.values()) {
            if (w.exists(Warehouse.BRONZE, s.folder)) w.read(Warehouse.BRONZE, s.folder).count();
        }
        for (String t : SilverTables.ALL) {
            if (w.exists(Warehouse.SILVER, t)) w.read(Warehouse.SILVER, t).count();
        }
        for (String t : GoldTables.ALL) {
            if (w.exists(Warehouse.GOLD, t)) w.read(Warehouse.GOLD, t).count();
        }
        for (var v : ResearchViews.ALL) {
            if (w.exists(ResearchViews.NAMESPACE, v.name())) w.read(ResearchViews.NAMESPACE, v.name()).count();
        }
        SilverBuildJob job = new SilverBuildJob(w, PseudonymKey.fromSecret(KEY), s -> { });
        boolean complete = job.upToDate(job.currentInputs());
        if (complete) {
            assertTrue(Conservation.check(w).holds(), "a completed silver build conserves rows");
        }
        return complete;
    }

    private static String catalogUri;

    private static TryggConfig config(Path home, String catalog, Path sources) {
        return TryggConfig.load(Map.of("trygg.home", home.toString(), "trygg.catalog.name", catalog,
                "trygg.sources.dir", sources.toString(), "trygg.catalog.uri", catalogUri));
    }

    private static String[] runArgs(String catalog, Path sources) {
        return new String[] {"run", "--sources", sources.toString(), "--set", "trygg.catalog.name=" + catalog,
                "--catalog-uri", catalogUri};
    }
}
