package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.trygg.generator.GeneratorOptions;
import no.trygg.generator.SourceGenerator;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.pipelines.cluster.MasterStatus;
import no.trygg.pipelines.cluster.SparkStandaloneCluster;
import no.trygg.publish.server.ProcessStop;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster path: `trygg spark start` starts a standalone master and worker on 127.0.0.1, `trygg run` on that
 * master gives exactly the tables local mode gives from the same sources and key, its tasks really ran in executors
 * the worker started, and `trygg spark stop` leaves no process behind.
 */
@Tag("integration")
class SparkClusterIT {

    private static final String KEY = "cluster-it-key-0123456789abcdefghijklmn";
    private static final Duration LIMIT = Duration.ofMinutes(10);

    @TempDir
    Path dir;

    @Test
    void aRunOnTheStandaloneClusterEqualsALocalRun() throws Exception {
        Path sources = dir.resolve("sources");
        new SourceGenerator(new GeneratorOptions(17, 2024, 2024, 0.05, 0.01, sources)).generate(x -> { });
        String[] cluster = {"--set", "trygg.spark.cluster.master-port=" + TryggProcess.freePort(),
                "--set", "trygg.spark.cluster.master-web-port=" + TryggProcess.freePort(),
                "--set", "trygg.spark.cluster.worker-web-port=" + TryggProcess.freePort(),
                "--set", "trygg.spark.cluster.worker-memory=1500m"};
        String[] run = {"run", "--sources", sources.toString(), "--set", "trygg.quality.as-of=2025-01-01"};

        Path local = dir.resolve("local");
        long t = System.nanoTime();
        // Catalog names of their own: the test reads both warehouses in one Spark session. The local run in this JVM's
        // local session; only the cluster run needs a driver of its own.
        assertEquals(0, InProcessTrygg.exit(local, KEY, TryggProcess.concat(run, catalog("clocal"))), "local run");
        System.out.printf("local run: %.0f s%n", (System.nanoTime() - t) / 1e9);

        Path home = dir.resolve("cluster");
        TryggConfig config = TryggConfig.load(Map.of("trygg.home", home.toString(), "trygg.catalog.name", "ccluster",
                "trygg.spark.cluster.master-port", value(cluster[1]), "trygg.spark.cluster.master-web-port", value(cluster[3]),
                "trygg.spark.cluster.worker-web-port", value(cluster[5])));
        SparkStandaloneCluster spark = new SparkStandaloneCluster(config, x -> { });
        try {
            t = System.nanoTime();
            assertEquals(0, TryggProcess.run(home, KEY, LIMIT, Map.of(), TryggProcess.concat(new String[] {"spark", "start"}, cluster)), "spark start");
            System.out.printf("spark start: %.0f s%n", (System.nanoTime() - t) / 1e9);
            String url = config.sparkCluster().masterUrl();
            assertTrue(TryggProcess.log(home).contains("--set trygg.spark.master=" + url), "start tells how to use the cluster");
            assertEquals(0, TryggProcess.run(home, KEY, LIMIT, Map.of(), TryggProcess.concat(new String[] {"spark", "status"}, cluster)));

            t = System.nanoTime();
            assertEquals(0, TryggProcess.run(home, KEY, LIMIT, Map.of(),
                    TryggProcess.concat(TryggProcess.concat(run, catalog("ccluster")), new String[] {"--set", "trygg.spark.master=" + url})),
                    "run on the cluster");
            System.out.printf("run on the cluster: %.0f s%n", (System.nanoTime() - t) / 1e9);

            assertRanInExecutors(spark);
            SameTables.assertSameTables(TestWarehouse.attach(TryggConfig.load(Map.of("trygg.home", local.toString(), "trygg.catalog.name", "clocal"))),
                    TestWarehouse.attach(config));

            List<ProcessHandle> processes = spark.processes();
            assertTrue(processes.size() >= 2, "master and worker run: " + processes);
            assertEquals(0, TryggProcess.run(home, KEY, LIMIT, Map.of(), TryggProcess.concat(new String[] {"spark", "stop"}, cluster)), "spark stop");
            assertTrue(ProcessStop.awaitExit(processes, Duration.ofSeconds(10)), "no cluster process is left");
            assertTrue(spark.processes().isEmpty());
            assertFalse(Files.exists(home.resolve("spark-cluster/master.pid")));
            assertEquals(3, TryggProcess.run(home, KEY, LIMIT, Map.of(), TryggProcess.concat(new String[] {"spark", "status"}, cluster)));
        } finally {
            spark.stop();
        }
    }

    /**
     * The master ran one application, and the worker started executors for it with Java 17's module flags. In
     * standalone mode no task runs in the driver, so a run that finished on the master ran its tasks in them.
     */
    private static void assertRanInExecutors(SparkStandaloneCluster spark) throws Exception {
        MasterStatus status = spark.status().orElseThrow();
        assertEquals(1, status.completedApps().size(), "one finished application: " + status);
        String appId = status.completedApps().get(0).split(" ")[0];
        Path appDir = spark.workDir().resolve(appId);
        assertTrue(Files.isDirectory(appDir), "the worker kept the executors' logs in " + appDir);
        try (Stream<Path> executors = Files.list(appDir)) {
            List<Path> stderr = executors.map(e -> e.resolve("stderr")).filter(Files::isRegularFile).toList();
            assertFalse(stderr.isEmpty(), "an executor ran");
            String log = Files.readString(stderr.get(0));
            assertTrue(log.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED"), "executor JVM flags: " + log.lines().findFirst().orElse(""));
        }
    }

    private static String[] catalog(String name) {
        return new String[] {"--set", "trygg.catalog.name=" + name};
    }

    private static String value(String setting) {
        return setting.substring(setting.indexOf('=') + 1);
    }
}
