package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.research.ResearchViews;
import no.trygg.publish.trino.AccessRules;
import no.trygg.publish.trino.ExampleQueries;
import no.trygg.publish.trino.TrinoDistribution;
import no.trygg.publish.trino.TrinoJdk;
import no.trygg.publish.trino.TrinoServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Researchers' SQL through a real Trino, started by `trygg trino start` over the shared warehouse on the PostgreSQL
 * catalog: Spark-written research views over trino-jdbc, a table Spark replaces while Trino runs, the access rules as each user meets
 * them, the Trino CLI, and suppressed cells that stay suppressed through every view.
 */
@Tag("integration")
class TrinoIT {

    @TempDir
    Path dir;

    @Test
    void researchersQueryTheWarehouseWithExactlyTheAccessTheyShouldHave() throws Exception {
        SharedWarehouse shared = SharedWarehouse.get();
        TrinoServer server = shared.trino();
        String catalog = shared.catalog;
        TryggConfig config = shared.config();
        try {
            assertTrue(server.answering());
            assertTrue(shared.trinoStartOutput().contains("jdbc:trino://127.0.0.1:" + shared.trinoPort + "/" + catalog + "/research?user=researcher"),
                    shared.trinoStartOutput());
            assertEquals(0, InProcessTrygg.exit(shared.home, SharedWarehouse.KEY, shared.command("trino", "status")), "status of a running Trino");
            String researcher = server.jdbcUrl(AccessRules.RESEARCHER);
            String analyst = server.jdbcUrl(AccessRules.ANALYST);

            long year2024 = single(researcher, "SELECT incidents FROM research.incident_rates WHERE period_grain = 'YEAR'"
                    + " AND breakdown = 'national' AND period = '2024'");
            assertTrue(year2024 > 100, "national 2024 incidents: " + year2024);
            for (ExampleQueries.Example e : ExampleQueries.ALL) {
                single(researcher, "SELECT count(*) FROM (" + e.sql() + ")"); // every example runs
            }
            assertTrue(single(researcher, "SELECT count(*) FROM (" + ExampleQueries.RATE_BY_SIZE_CLASS.sql() + ")") >= 4);

            // Suppressed cells stay suppressed through every view.
            assertEquals(0, single(researcher, "SELECT count(*) FROM research.incident_rates WHERE incidents IN (1, 2)"
                    + " OR (flag = ':' AND (incidents IS NOT NULL OR rate_per_100_fte IS NOT NULL OR rate_ci95_upper IS NOT NULL))"));
            assertTrue(single(researcher, "SELECT count(*) FROM research.incident_rates WHERE flag = ':'") > 0, "small cells exist here");
            assertEquals(0, single(researcher, "SELECT count(*) FROM research.office_funnel WHERE observed_incidents IN (1, 2)"
                    + " OR (flag = ':' AND (observed_incidents IS NOT NULL OR position IS NOT NULL))"));
            assertEquals(0, single(researcher, "SELECT count(*) FROM research.survey_indicators WHERE respondents < 5"
                    + " OR (sensitive AND respondents < 10) OR (flag = ':' AND share IS NOT NULL)"));
            assertEquals(0, single(researcher, "SELECT count(*) FROM research.reporting_ratio WHERE flag = ':'"
                    + " AND registered_per_exposed IS NOT NULL"));
            // One public symbol: no published column says which hidden cells are the small ones.
            for (String view : List.of("incident_rates", "office_funnel", "survey_indicators", "reporting_ratio")) {
                assertEquals(0, single(researcher, "SELECT count(*) FROM research." + view + " WHERE flag = ':' AND flag_reason <> 'SUPPRESSED'"
                        + " OR flag_reason LIKE '%SMALL%' OR flag_reason LIKE '%COMPLEMENT%'"), view);
            }
            assertTrue(text(researcher, "SELECT comment FROM information_schema.columns WHERE table_schema = 'research'"
                    + " AND table_name = 'incident_rates' AND column_name = 'rate_per_100_fte'").startsWith("Hendelser per 100 årsverk"),
                    "column comments in Norwegian and English");

            // Access: each grant and each denial, as the user.
            assertDenied(researcher, "SELECT count(*) FROM silver.incidents");
            assertDenied(researcher, "SELECT count(*) FROM bronze.incidents");
            assertDenied(researcher, "INSERT INTO research.national_monthly SELECT * FROM research.national_monthly");
            assertDenied(researcher, "CREATE TABLE research.mine (a integer)");
            assertDenied(researcher, "DELETE FROM gold.incident_rates");
            assertDenied(researcher, "SELECT count(*) FROM gold.disclosure_decisions");
            assertDenied(analyst, "SELECT count(*) FROM gold.disclosure_decisions");
            assertDenied(server.jdbcUrl(AccessRules.DASHBOARDS), "SELECT count(*) FROM gold.disclosure_decisions");
            assertTrue(single(server.jdbcUrl(AccessRules.PIPELINE), "SELECT count(*) FROM gold.disclosure_decisions WHERE reason = 'PRIMARY_SMALL_COUNT'") > 0,
                    "the pipeline's administrators see why");
            assertTrue(single(researcher, "SELECT count(*) FROM gold.incident_rates") > 0, "researchers may read gold");
            assertTrue(single(analyst, "SELECT count(*) FROM silver.incidents") > 0, "analysts read pseudonymised silver");
            assertTrue(single(analyst, "SELECT count(*) FROM quality.check_results") > 0, "analysts read the quality log");
            assertDenied(analyst, "SELECT count(*) FROM bronze.incidents");
            assertDenied(analyst, "DELETE FROM silver.incidents");
            assertDenied(analyst, "INSERT INTO silver.quarantine SELECT * FROM silver.quarantine");
            assertDenied(server.jdbcUrl("mallory"), "SELECT count(*) FROM research.incident_rates");

            // Spark replaces a table while Trino runs: Trino sees the new snapshot. A probe table of its own, so the
            // shared warehouse stays as built (a second pipeline run would cost a minute and change it for every reader).
            Warehouse spark = shared.warehouse();
            String probe = "probe_" + Long.toHexString(System.nanoTime() % 65536);
            try {
                spark.createOrReplace(spark.spark().sql("SELECT 1 AS n"), ResearchViews.NAMESPACE, probe, "probe", Map.of());
                assertEquals(1, single(researcher, "SELECT n FROM research." + probe));
                spark.createOrReplace(spark.spark().sql("SELECT 2 AS n"), ResearchViews.NAMESPACE, probe, "probe", Map.of());
                assertEquals(2, single(researcher, "SELECT n FROM research." + probe), "the running Trino sees Spark's new snapshot");
            } finally {
                spark.spark().sql("DROP TABLE IF EXISTS " + spark.name(ResearchViews.NAMESPACE, probe) + " PURGE");
            }

            // The Trino CLI from Maven Central runs an example query.
            Path cli = new TrinoDistribution(config.trino().cacheDir(), x -> { }).cli();
            Path err = dir.resolve("trino-cli.err");
            Process p = new ProcessBuilder(TrinoJdk.find(null).resolve("bin/java").toString(), "--enable-native-access=ALL-UNNAMED",
                    "-jar", cli.toString(),
                    "--server", server.httpUrl(), "--user", AccessRules.RESEARCHER, "--catalog", catalog, "--schema", "research",
                    "--output-format", "CSV_HEADER", "--execute", ExampleQueries.RATE_BY_SIZE_CLASS.sql())
                    .redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(2, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue(), () -> out + readQuietly(err));
            assertTrue(out.startsWith("\"year\",\"size_class\",\"incidents\""), out);
            assertTrue(out.contains("\"2024\",\"SMALL\""), out);
        } finally {
            assertEquals(0, InProcessTrygg.exit(shared.home, SharedWarehouse.KEY, shared.command("trino", "stop")));
        }
        assertFalse(server.running(), "stopped by its pid file");
        assertEquals(3, InProcessTrygg.exit(shared.home, SharedWarehouse.KEY, shared.command("trino", "status")));
        shared.assertUnchanged();
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }


    private static long single(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getLong(1);
        }
    }

    private static String text(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            assertTrue(r.next(), sql);
            return r.getString(1);
        }
    }

    private static void assertDenied(String url, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute(sql);
            }
        }, "must be denied: " + sql);
        assertTrue(e.getMessage().contains("Access Denied"), sql + " → " + e.getMessage());
    }

}
