package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.trygg.generator.GeneratorOptions;
import no.trygg.generator.SourceGenerator;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.airflow.AirflowClient;
import no.trygg.publish.airflow.AirflowServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline on a schedule: a real Airflow 3 from PyPI, started by `trygg airflow start` with the project's DAG
 * folder, runs the daily DAG whose tasks call Trygg's own command. Driven through the Java client and the CLI:
 * DAG files load without import errors, a failed task's log reaches the operator, a triggered run changes the
 * tables, and a backfill of the next day gives the same silver tables as one run over the same exports.
 */
@Tag("integration")
class AirflowIT {

    private static final String KEY = "airflow-it-key-0123456789abcdefghijklmnop";
    private static final List<String> DAGS = List.of("trygg_daily", "trygg_monthly", "trygg_quarterly");
    // The year's last day, when its monthly and yearly exports are complete, and a day of late exports after it.
    private static final LocalDate FIRST = LocalDate.of(2024, 12, 31);
    private static final LocalDate LAST = LocalDate.of(2025, 1, 1);

    @TempDir
    Path dir;

    @Test
    void theDailyDagRunsTrygg_failuresShowTheirLog_andABackfillEqualsOneRun() throws Exception {
        Path home = dir.resolve("scheduled");
        Path sources = dir.resolve("sources"); // generated after the first, failing run
        String catalog = "airflowit" + Long.toHexString(System.nanoTime() % 4096);
        Path dags = Path.of("..", "pipelines", "airflow", "dags").toAbsolutePath().normalize();
        String[] common = {"--set", "trygg.airflow.port=" + TryggProcess.freePort(), "--set", "trygg.airflow.dags-folder=" + dags};
        // What the scheduled tasks see: Trygg's settings from the environment, never on a command line.
        Map<String, String> env = new HashMap<>(Map.of("TRYGG_COMMAND", TryggProcess.launcher(dir.resolve("trygg.sh")).toString(),
                "TRYGG_HOME", home.toString(), "TRYGG_SOURCES_DIR", sources.toString(), "TRYGG_CATALOG_NAME", catalog,
                "TRYGG_TASK_RETRIES", "0"));
        env.putAll(TryggProcess.sparkEnvironment());
        TryggConfig config = TryggConfig.load(Map.of("trygg.home", home.toString(), "trygg.catalog.name", catalog,
                "trygg.sources.dir", sources.toString(), "trygg.airflow.port", common[1].substring("trygg.airflow.port=".length()),
                "trygg.airflow.dags-folder", dags.toString()));
        AirflowServer airflow = new AirflowServer(config, x -> { });
        try {
            assertEquals(0, TryggProcess.run(home, KEY, Duration.ofMinutes(20), env, TryggProcess.concat(new String[] {"airflow", "start"}, common)),
                    "airflow start (installs Airflow into the cache the first time)");
            AirflowClient api = AirflowClient.login(airflow.httpUrl(), AirflowServer.ADMIN, airflow.adminPassword());
            waitForDags(api);
            assertEquals(List.of(), api.importErrors(), "every DAG file imports");
            assertEquals(0, TryggProcess.run(home, KEY, Duration.ofMinutes(2), env, TryggProcess.concat(new String[] {"airflow", "unpause", "trygg_daily"}, common)));

            // A failing task: no sources yet. The client fetches the failed task's log, which says why.
            String failed = api.trigger("trygg_daily", Map.of(), FIRST.minusDays(1) + "T05:00:00Z");
            assertEquals("failed", api.waitFor("trygg_daily", failed, Duration.ofMinutes(10), x -> { }).state());
            var ingest = api.taskInstances("trygg_daily", failed).stream().filter(t -> t.taskId().equals("ingest")).findFirst().orElseThrow();
            assertEquals("failed", ingest.state());
            String log = api.log("trygg_daily", failed, "ingest", ingest.tryNumber());
            assertTrue(log.contains("Sources folder " + sources + " does not exist"), log);

            // A run for a day through the CLI: its tables change.
            new SourceGenerator(new GeneratorOptions(21, 2024, 2024, 0.2, 0.01, sources)).generate(x -> { });
            assertEquals(0, TryggProcess.run(home, KEY, Duration.ofMinutes(20), env, TryggProcess.concat(new String[] {"airflow", "trigger", "trygg_daily",
                    "--logical-date", FIRST + "T12:00:00Z", "--wait", "--timeout", "15"}, common)), "the daily DAG succeeds");
            long incidentsAfterOneDay = silverRows(home, "incidents");
            assertTrue(incidentsAfterOneDay > 0 && silverRows(home, "office_history") > 0, "the scheduled run built silver");

            // A backfill of the day after it (its run at 05:00), which brings a late incident; the export of the day after
            // that is not due yet and waits. Then one run over the same exports in another home: the same silver as the
            // manual run plus the backfill.
            String office = anOffice(sources);
            LateIncident.write(sources, LAST.toString(), "HLATE-1", FIRST.toString(), office);
            LateIncident.write(sources, LAST.plusDays(1).toString(), "HLATE-2", LAST.toString(), office);
            assertEquals(0, TryggProcess.run(home, KEY, Duration.ofMinutes(40), env, TryggProcess.concat(new String[] {"airflow", "backfill", "trygg_daily",
                    "--from", LAST.toString(), "--to", LAST.toString(), "--wait", "--timeout", "35"}, common)), "the backfill succeeds");
            assertEquals(incidentsAfterOneDay + 1, silverRows(home, "incidents"), "the later day added its incident, the next day's waits");
            // Attached after the scheduled runs, so this JVM reads the catalog as they left it.
            Warehouse scheduled = TestWarehouse.attach(config);
            Path once = dir.resolve("once");
            assertEquals(0, InProcessTrygg.exit(once, KEY, "run", "--sources", sources.toString(), "--through", LAST.toString(),
                    "--until", "QUALITY", "--set", "trygg.catalog.name=" + catalog + "once"));
            Warehouse single = TestWarehouse.attach(TryggConfig.load(Map.of("trygg.home", once.toString(), "trygg.catalog.name", catalog + "once")));
            SameTables.assertSameSilver(single, scheduled);

            // No secret on the command line of any Airflow process or its children (what `ps` shows every user).
            Map<String, String> secrets = Map.of("admin password", airflow.adminPassword(), "pseudonymisation key", KEY);
            assertEquals(4, airflow.pids().size(), "scheduler, triggerer, DAG processor and API server run: " + airflow.pids());
            for (var c : airflow.pids().entrySet()) {
                CommandLines.assertNoSecret("Airflow " + c.getKey(), CommandLines.ofTree(c.getValue()), secrets);
            }

            // Wrong password: a plain error.
            assertNotEquals(0, TryggProcess.run(home, KEY, Duration.ofMinutes(2), Map.of("TRYGG_AIRFLOW_PASSWORD", "wrong"),
                    TryggProcess.concat(new String[] {"airflow", "dags"}, common)));
            assertTrue(TryggProcess.log(home).contains("wrong user name or password for Airflow"), "says why");
        } finally {
            TryggProcess.run(home, KEY, Duration.ofMinutes(2), env, TryggProcess.concat(new String[] {"airflow", "stop"}, common));
        }
        assertFalse(airflow.running(), "every Airflow process stopped by its pid");
    }

    /** The office of some generated incident, for the late ones. */
    private static String anOffice(Path sources) throws java.io.IOException {
        try (var files = Files.list(sources.resolve("incidents"))) {
            for (Path f : files.sorted().toList()) {
                List<String> lines = Files.readAllLines(f);
                if (lines.size() > 1) return lines.get(1).split(";")[4];
            }
        }
        throw new AssertionError("no generated incident in " + sources);
    }

    /** Rows of a silver table after the newest run, from its run record (what an operator reads too). */
    private static long silverRows(Path home, String table) throws java.io.IOException {
        try (var records = Files.list(home.resolve("runs"))) {
            Path newest = records.max(java.util.Comparator.comparingLong(p -> p.toFile().lastModified())).orElseThrow();
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(newest.toFile()).path("silverRows").path(table).asLong(-1);
        }
    }

    /** The DAG processor parses the folder a few seconds after start. */
    private static void waitForDags(AirflowClient api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!api.dags().containsAll(DAGS) && api.importErrors().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2000);
        }
        assertTrue(api.dags().containsAll(DAGS), "DAGs loaded: " + api.dags() + ", import errors: " + api.importErrors());
    }


}
