package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import no.trygg.generator.GeneratorOptions;
import no.trygg.generator.SourceGenerator;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.trino.TrinoServer;

/**
 * One finished warehouse for every integration test that only reads one (Trino, Superset, the research export): built
 * once per test JVM by `trygg run` on the PostgreSQL catalog, from two generated years, and one Trino over it, started
 * when the first test needs it and stopped by its pid when the JVM ends (also after a failed test). Each reader calls
 * {@link #assertUnchanged()} when it is done, so a test that wrote to the shared tables fails instead of misleading
 * the next one. Tests that change data build a small warehouse of their own.
 */
final class SharedWarehouse {

    static final String KEY = "shared-it-key-0123456789abcdefghijklmnopq";
    private static SharedWarehouse instance;

    final Path home;
    final Path sources;
    final String catalog;
    final String catalogUri;
    final int trinoPort;
    private final Map<String, String> snapshots;
    private String trinoStartOutput;

    private SharedWarehouse(Path root, String catalogUri) throws Exception {
        this.home = root.resolve("home");
        this.sources = root.resolve("sources");
        this.catalogUri = catalogUri;
        this.catalog = "shared" + Long.toHexString(System.nanoTime() % 65536);
        this.trinoPort = TryggProcess.freePort();
        long t = System.nanoTime();
        new SourceGenerator(new GeneratorOptions(11, 2023, 2024, 0.2, 0.01, sources)).generate(s -> { });
        InProcessTrygg.Result run = InProcessTrygg.run(home, KEY, TryggProcess.concat(new String[] {"run", "--sources", sources.toString()}, args()));
        assertEquals(0, run.exitCode(), "the shared warehouse builds:\n" + run.output());
        System.out.printf("shared warehouse %s built in %.0f s%n", catalog, (System.nanoTime() - t) / 1e9);
        this.snapshots = no.trygg.pipelines.Pipeline.tableSnapshots(warehouse());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            TrinoServer trino = new TrinoServer(config(), x -> { });
            if (trino.running()) trino.stop();
        }));
    }

    /** The shared warehouse, built on first use; skips (and on CI fails) without the PostgreSQL that bin/test starts. */
    static synchronized SharedWarehouse get() throws Exception {
        String pg = System.getenv("TRYGG_TEST_PG_URL");
        if (System.getenv("CI") != null) assertTrue(pg != null, "CI runs bin/test, which sets TRYGG_TEST_PG_URL");
        assumeTrue(pg != null, "TRYGG_TEST_PG_URL not set: run bin/test to start PostgreSQL");
        if (instance == null) instance = new SharedWarehouse(TestWarehouse.root().resolve("shared-warehouse"), pg);
        return instance;
    }

    /** The options every command against this warehouse takes. */
    String[] args() {
        return new String[] {"--catalog-uri", catalogUri, "--set", "trygg.catalog.name=" + catalog, "--set", "trygg.trino.port=" + trinoPort,
                "--set", "trygg.quality.as-of=2025-01-01"};
    }

    /** {@link #args()} after {@code command}. */
    String[] command(String... command) {
        return TryggProcess.concat(command, args());
    }

    TryggConfig config(Map<String, String> extra) {
        Map<String, String> o = new LinkedHashMap<>(Map.of("trygg.home", home.toString(), "trygg.catalog.name", catalog,
                "trygg.catalog.uri", catalogUri, "trygg.trino.port", String.valueOf(trinoPort), "trygg.sources.dir", sources.toString()));
        o.putAll(extra);
        return TryggConfig.load(o);
    }

    TryggConfig config() {
        return config(Map.of());
    }

    Warehouse warehouse() {
        return TestWarehouse.attach(config());
    }

    /** Trino over the shared warehouse, started by `trygg trino start` unless it runs; a test that stops it gets a new one. */
    synchronized TrinoServer trino() throws Exception {
        TrinoServer server = new TrinoServer(config(), x -> { });
        if (!server.running()) {
            InProcessTrygg.Result start = InProcessTrygg.run(home, KEY, command("trino", "start"));
            assertEquals(0, start.exitCode(), "trino start:\n" + start.output());
            if (trinoStartOutput == null) trinoStartOutput = start.output();
        }
        return server;
    }

    /** What the first `trygg trino start` printed. */
    String trinoStartOutput() {
        return trinoStartOutput;
    }

    /** No table of the shared warehouse has a snapshot other than the one its build left. */
    void assertUnchanged() {
        assertEquals(snapshots, no.trygg.pipelines.Pipeline.tableSnapshots(warehouse()), "a test changed the shared warehouse");
    }

}
