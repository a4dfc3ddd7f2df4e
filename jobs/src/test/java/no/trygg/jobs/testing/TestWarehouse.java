package no.trygg.jobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.spark.TryggSpark;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;

/**
 * One SparkSession per test JVM (starting Spark costs seconds, reusing it milliseconds). Each test that
 * needs its own warehouse gets a fresh catalog name inside it, so tests do not see each other's tables.
 */
public final class TestWarehouse {

    /**
     * Spark settings of every Trygg the tests run, in this JVM or as a process of its own: test warehouses are tiny, so
     * one shuffle partition and no adaptive re-planning (the same results, a third less time per pipeline run).
     */
    public static final Map<String, String> SPARK_SETTINGS = Map.of("trygg.spark.shuffle.partitions", "1", "trygg.spark.adaptive", "false");

    private static final Path ROOT;
    private static final SparkSession SPARK;
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String RUN = Long.toHexString(System.currentTimeMillis()).substring(5);

    static {
        try {
            ROOT = Files.createTempDirectory("trygg-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        TryggConfig main = config("trygg", sqliteUri("trygg"));
        Warehouse.prepareLocalFolders(main);
        SPARK = TryggSpark.session(main, "trygg-tests");
        Runtime.getRuntime().addShutdownHook(new Thread(SPARK::stop));
    }

    private TestWarehouse() {
    }

    public static SparkSession spark() {
        return SPARK;
    }

    public static Path root() {
        return ROOT;
    }

    /** A warehouse with its own catalog (SQLite, or {@code catalogUri} when given), registered in the shared session. */
    public static Warehouse fresh(String catalogUri) {
        // Unique per JVM too: a shared PostgreSQL catalog may hold tables of earlier test runs.
        String name = "t" + RUN + "_" + COUNTER.incrementAndGet();
        return attach(config(name, catalogUri == null ? sqliteUri(name) : catalogUri));
    }

    /** Registers the catalog of {@code config} (e.g. one a child process wrote) in the shared session. */
    public static Warehouse attach(TryggConfig config) {
        Warehouse.prepareLocalFolders(config);
        TryggSpark.catalogSettings(config).forEach(SPARK.conf()::set);
        return new Warehouse(SPARK, config);
    }

    public static Warehouse fresh() {
        return fresh(null);
    }

    public static TryggConfig config(String catalogName, String catalogUri) {
        Path home = ROOT.resolve(catalogName);
        Map<String, String> o = new HashMap<>();
        o.put("trygg.home", home.toString());
        o.put("trygg.catalog.name", catalogName);
        o.put("trygg.catalog.uri", catalogUri);
        o.put("trygg.spark.master", "local[2]");
        o.putAll(SPARK_SETTINGS);
        return TryggConfig.load(o);
    }

    private static String sqliteUri(String name) {
        return "jdbc:sqlite:" + ROOT.resolve(name).resolve("catalog.db");
    }
}
