package no.trygg.jobs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TryggConfigTest {

    @TempDir
    Path home;

    @Test
    void embeddedDefaultsLiveUnderHome() {
        TryggConfig c = TryggConfig.load(Map.of("trygg.home", home.toString()), Map.of());
        assertEquals("jdbc:sqlite:" + home.resolve("catalog.db"), c.catalogUri());
        assertEquals(home.resolve("warehouse"), c.warehouseDir());
        assertEquals("trygg", c.catalogName());
        assertEquals("local[2]", c.sparkMaster());
        assertEquals("trygg.silver.incidents", c.table("silver", "incidents"));
    }

    @Test
    void fileThenEnvironmentThenOverridesWin() throws Exception {
        Files.writeString(home.resolve("trygg.properties"),
                "trygg.spark.master=local[1]\ntrygg.catalog.name=fromfile\ntrygg.catalog.password=leak\n");
        TryggConfig c = TryggConfig.load(Map.of("trygg.home", home.toString(), "trygg.catalog.name", "fromflag"),
                Map.of("TRYGG_SPARK_MASTER", "local[3]", "TRYGG_CATALOG_PASSWORD", "secret"));
        assertEquals("local[3]", c.sparkMaster());
        assertEquals("fromflag", c.catalogName());
        assertEquals("secret", c.catalogPassword(), "passwords come from the environment only");
        assertTrue(!c.describe().contains("secret"));
    }

    @Test
    void wrongCatalogUrlIsExplained() {
        var e = assertThrows(ConfigException.class, () -> TryggConfig.load(
                Map.of("trygg.home", home.toString(), "trygg.catalog.uri", "jdbc:mysql://x"), Map.of()));
        assertTrue(e.getMessage().contains("jdbc:sqlite: or jdbc:postgresql:"));
    }

    @Test
    void sparkClusterDefaultsAndEnvironment() {
        TryggConfig c = TryggConfig.load(Map.of("trygg.home", home.toString()), Map.of());
        assertEquals(new TryggConfig.SparkCluster(17077, 18090, 18091, 2, "2g"), c.sparkCluster());
        assertEquals("spark://127.0.0.1:17077", c.sparkCluster().masterUrl());
        TryggConfig e = TryggConfig.load(Map.of("trygg.home", home.toString(), "trygg.spark.cluster.master-port", "7077"),
                Map.of("TRYGG_SPARK_CLUSTER_WORKER_CORES", "1", "TRYGG_SPARK_CLUSTER_WORKER_MEMORY", "1g"));
        assertEquals(new TryggConfig.SparkCluster(7077, 18090, 18091, 1, "1g"), e.sparkCluster());
        assertThrows(ConfigException.class, () -> TryggConfig.load(
                Map.of("trygg.home", home.toString(), "trygg.spark.cluster.worker-cores", "two"), Map.of()));
    }

    @Test
    void supersetDefaultsAndEnvironment() {
        TryggConfig c = TryggConfig.load(Map.of("trygg.home", home.toString()), Map.of());
        assertEquals(new TryggConfig.Superset(18088, "python3"), c.superset());
        TryggConfig set = TryggConfig.load(Map.of("trygg.home", home.toString(), "trygg.superset.port", "18099"),
                Map.of("TRYGG_SUPERSET_PYTHON", "/usr/bin/python3.11"));
        assertEquals(new TryggConfig.Superset(18099, "/usr/bin/python3.11"), set.superset());
        assertEquals(set.superset(), set.withQualityAsOf(java.time.LocalDate.of(2026, 1, 31)).superset());
    }

    @Test
    void airflowDefaultsAndEnvironment() {
        TryggConfig c = TryggConfig.load(Map.of("trygg.home", home.toString()), Map.of("TRYGG_ROOT", "/repo"));
        assertEquals(new TryggConfig.Airflow(18089, "python3", java.nio.file.Path.of("/repo/pipelines/airflow/dags"), null), c.airflow());
        TryggConfig set = TryggConfig.load(Map.of("trygg.home", home.toString(), "trygg.airflow.port", "18100",
                        "trygg.airflow.dags-folder", "/tmp/dags"),
                Map.of("TRYGG_AIRFLOW_PYTHON", "/usr/bin/python3.11", "TRYGG_AIRFLOW_CONSTRAINTS", "https://example.org/c.txt"));
        assertEquals(new TryggConfig.Airflow(18100, "/usr/bin/python3.11", java.nio.file.Path.of("/tmp/dags"), "https://example.org/c.txt"),
                set.airflow());
        assertEquals(set.airflow(), set.withSourcesDir(home).airflow());
        TryggConfig fromEnv = TryggConfig.load(Map.of("trygg.home", home.toString()), Map.of("TRYGG_AIRFLOW_DAGS_FOLDER", "/x/dags"));
        assertEquals(java.nio.file.Path.of("/x/dags"), fromEnv.airflow().dagsFolder());
    }
}
