package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import no.trygg.generator.GeneratorOptions;
import no.trygg.generator.SourceGenerator;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.publish.trino.AccessRules;
import no.trygg.publish.trino.ExampleQueries;
import no.trygg.publish.trino.TrinoDistribution;
import no.trygg.publish.trino.TrinoJdk;
import no.trygg.publish.trino.TrinoServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Researchers' SQL through a real Trino, started by `trygg trino start` on the PostgreSQL catalog: Spark-written
 * research views over trino-jdbc, a table Spark replaces while Trino runs, the access rules as each user meets
 * them, the Trino CLI, and suppressed cells that stay suppressed through every view.
 */
@Tag("integration")
class TrinoIT {

    private static final String KEY = "trino-it-key-0123456789abcdefghijklmnopq";
    private static final String CATALOG = "trinoit";

    @TempDir
    Path dir;

    @Test
    void researchersQueryTheWarehouseWithExactlyTheAccessTheyShouldHave() throws Exception {
        String pg = System.getenv("TRYGG_TEST_PG_URL");
        if (System.getenv("CI") != null) assertTrue(pg != null, "CI runs bin/test, which sets TRYGG_TEST_PG_URL");
        assumeTrue(pg != null, "TRYGG_TEST_PG_URL not set: run bin/test to start PostgreSQL");
        int port = TryggProcess.freePort();
        Path home = dir.resolve("home");
        Path sources = dir.resolve("sources");
        new SourceGenerator(new GeneratorOptions(9, 2024, 2024, 0.1, 0.01, sources)).generate(x -> { });
        String[] common = {"--catalog-uri", pg, "--set", "trygg.catalog.name=" + CATALOG + Long.toHexString(System.nanoTime() % 4096),
                "--set", "trygg.trino.port=" + port, "--set", "trygg.quality.as-of=2025-01-01"};
        String catalog = common[3].substring("trygg.catalog.name=".length());
        assertEquals(0, TryggProcess.run(home, KEY, TryggProcess.concat(new String[] {"run", "--sources", sources.toString()}, common)));
        assertEquals(0, TryggProcess.run(home, KEY, TryggProcess.concat(new String[] {"trino", "start"}, common)), "trino start");
        TryggConfig config = TryggConfig.load(Map.of("trygg.home", home.toString(), "trygg.catalog.name", catalog,
                "trygg.catalog.uri", pg, "trygg.trino.port", String.valueOf(port)));
        TrinoServer server = new TrinoServer(config, x -> { });
        try {
            assertTrue(server.answering());
            assertTrue(TryggProcess.log(home).contains("jdbc:trino://127.0.0.1:" + port + "/" + catalog + "/research?user=researcher"));
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
            assertTrue(text(researcher, "SELECT comment FROM information_schema.columns WHERE table_schema = 'research'"
                    + " AND table_name = 'incident_rates' AND column_name = 'rate_per_100_fte'").startsWith("Hendelser per 100 årsverk"),
                    "column comments in Norwegian and English");

            // Access: each grant and each denial, as the user.
            assertDenied(researcher, "SELECT count(*) FROM silver.incidents");
            assertDenied(researcher, "SELECT count(*) FROM bronze.incidents");
            assertDenied(researcher, "INSERT INTO research.national_monthly SELECT * FROM research.national_monthly");
            assertDenied(researcher, "CREATE TABLE research.mine (a integer)");
            assertDenied(researcher, "DELETE FROM gold.incident_rates");
            assertTrue(single(researcher, "SELECT count(*) FROM gold.incident_rates") > 0, "researchers may read gold");
            assertTrue(single(analyst, "SELECT count(*) FROM silver.incidents") > 0, "analysts read pseudonymised silver");
            assertTrue(single(analyst, "SELECT count(*) FROM quality.check_results") > 0, "analysts read the quality log");
            assertDenied(analyst, "SELECT count(*) FROM bronze.incidents");
            assertDenied(analyst, "DELETE FROM silver.incidents");
            assertDenied(analyst, "INSERT INTO silver.quarantine SELECT * FROM silver.quarantine");
            assertDenied(server.jdbcUrl("mallory"), "SELECT count(*) FROM research.incident_rates");

            // Spark replaces a research view while Trino runs: Trino sees the new snapshot.
            LateIncident.write(sources, "2025-01-01", "HLATE-1", "2024-12-30", text(analyst, "SELECT office_id FROM silver.incidents LIMIT 1"));
            assertEquals(0, TryggProcess.run(home, KEY, TryggProcess.concat(new String[] {"run", "--sources", sources.toString()}, common)));
            assertEquals(year2024 + 1, single(researcher, "SELECT incidents FROM research.incident_rates WHERE period_grain = 'YEAR'"
                    + " AND breakdown = 'national' AND period = '2024'"), "the running Trino sees Spark's new snapshot");

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
            assertEquals(0, TryggProcess.run(home, KEY, TryggProcess.concat(new String[] {"trino", "stop"}, common)));
        }
        assertFalse(server.running(), "stopped by its pid file");
        assertEquals(3, TryggProcess.run(home, KEY, TryggProcess.concat(new String[] {"trino", "status"}, common)));
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
