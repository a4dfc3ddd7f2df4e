package no.trygg.jobs.spark;

import no.trygg.jobs.config.TryggConfig;
import org.apache.spark.sql.SparkSession;

/** Builds the SparkSession with the Iceberg catalog Trygg's tables live in. */
public final class TryggSpark {

    private TryggSpark() {
    }

    public static SparkSession session(TryggConfig config, String appName) {
        String c = "spark.sql.catalog." + config.catalogName();
        SparkSession.Builder b = SparkSession.builder()
                .appName(appName)
                .master(config.sparkMaster())
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                // Servers we start listen on loopback only.
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.shuffle.partitions", String.valueOf(config.shufflePartitions()))
                .config("spark.sql.session.timeZone", config.timeZone())
                // An unparseable date becomes null (and the row goes to quarantine) instead of failing the job.
                .config("spark.sql.legacy.timeParserPolicy", "CORRECTED")
                .config("spark.sql.ansi.enabled", "false")
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.sql.defaultCatalog", config.catalogName())
                .config(c, "org.apache.iceberg.spark.SparkCatalog")
                .config(c + ".type", "jdbc")
                .config(c + ".uri", config.catalogUri())
                // Trino expects the V1 catalog schema and would otherwise alter it (shared/notes/stack.md).
                .config(c + ".jdbc.schema-version", "V1")
                .config(c + ".warehouse", config.warehouseDir().toUri().toString())
                .config(c + ".cache-enabled", "false");
        if (!config.catalogUser().isEmpty()) {
            b.config(c + ".jdbc.user", config.catalogUser());
        }
        if (!config.catalogPassword().isEmpty()) {
            b.config(c + ".jdbc.password", config.catalogPassword());
        }
        return b.getOrCreate();
    }
}
