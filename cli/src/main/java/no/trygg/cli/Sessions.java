package no.trygg.cli;

import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.spark.TryggSpark;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the warehouse for a command and closes Spark when the command is done, unless the session was there before
 * the command: a process that embeds Trygg (the integration tests run commands in their own JVM) keeps its session.
 */
final class Sessions implements AutoCloseable {

    final Warehouse warehouse;
    private final boolean ownSession;

    Sessions(TryggConfig config) {
        Warehouse.prepareLocalFolders(config);
        ownSession = SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = TryggSpark.session(config, "trygg");
        this.warehouse = new Warehouse(spark, config);
    }

    @Override
    public void close() {
        if (ownSession) warehouse.spark().stop();
    }
}
