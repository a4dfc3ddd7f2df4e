package no.trygg.jobs.spark;

import no.trygg.jobs.config.TryggConfig;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession with the Iceberg catalog Trygg's tables live in. */
public final class TryggSpark {

    private TryggSpark() {
    }

    /** Spark settings that register the config's Iceberg catalog; a session can hold several. */
    public static Map<String, String> catalogSettings(TryggConfig config) {
        String c = "spark.sql.catalog." + config.catalogName();
        Map<String, String> m = new LinkedHashMap<>();
        m.put(c, "org.apache.iceberg.spark.SparkCatalog");
        m.put(c + ".type", "jdbc");
        m.put(c + ".uri", config.catalogUri());
        // Trino expects the V1 catalog schema and would otherwise alter it (shared/notes/stack.md).
        m.put(c + ".jdbc.schema-version", "V1");
        m.put(c + ".warehouse", config.warehouseDir().toUri().toString());
        // Each read sees the newest commit, also one made by another process.
        m.put(c + ".cache-enabled", "false");
        if (config.usesSqliteCatalog()) {
            // SQLite has one writer: one pooled connection, and wait for another process's lock instead of failing.
            m.put(c + ".clients", "1");
            m.put(c + ".jdbc.busy_timeout", "60000");
            // WAL: readers never block the writer (a lingering read otherwise fails the commit with SQLITE_BUSY).
            m.put(c + ".jdbc.journal_mode", "WAL");
        }
        if (!config.catalogUser().isEmpty()) m.put(c + ".jdbc.user", config.catalogUser());
        if (!config.catalogPassword().isEmpty()) m.put(c + ".jdbc.password", config.catalogPassword());
        return m;
    }

    public static SparkSession session(TryggConfig config, String appName) {
        SparkSession.Builder b = SparkSession.builder()
                .appName(appName)
                .master(config.sparkMaster())
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()))
                .config("spark.sql.adaptive.enabled", String.valueOf(config.adaptiveExecution()))
                .config("spark.sql.session.timeZone", config.timeZone())
                // An unparseable date becomes null (and the row goes to quarantine) instead of failing the job.
                .config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
                .config("spark.sql.ansi.enabled", "false")
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.sql.defaultCatalog", config.catalogName());
        if (onThisMachine(config.sparkMaster())) {
            // Servers we start listen on loopback only; executors of a cluster on 127.0.0.1 reach the driver there too.
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        // On a cluster, Spark itself gives executors Java 17's --add-opens flags (JavaModuleOptions, as for the driver),
        // and the pseudonymisation key travels in the tasks: executors need no Trygg settings of their own.
        catalogSettings(config).forEach(b::config);
        return b.getOrCreate();
    }

    /**
     * Whether driver and executors all run on this machine: local mode, or a standalone master on loopback
     * ({@code bin/trygg spark start}). Elsewhere (YARN, Kubernetes, a remote master) executors must reach the
     * driver at an address of the network, which Spark picks or spark-submit sets.
     */
    static boolean onThisMachine(String master) {
        return master.startsWith("local") || master.startsWith("spark://127.0.0.1:") || master.startsWith("spark://localhost:");
    }
}
