package no.trygg.cli;

import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.spark.TryggSpark;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;

/** Opens the warehouse for a command and closes Spark when the command is done. */
final class Sessions implements AutoCloseable {

    final Warehouse warehouse;

    Sessions(TryggConfig config) {
        Warehouse.prepareLocalFolders(config);
        SparkSession spark = TryggSpark.session(config, "trygg");
        this.warehouse = new Warehouse(spark, config);
    }

    @Override
    public void close() {
        warehouse.spark().stop();
    }
}
