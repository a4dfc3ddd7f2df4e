package no.trygg.quality.history;

import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The quality namespace: what every run measured and decided, appended per run so it can be charted with SQL. */
public final class QualityTables {

    /** Deequ's metrics plus Trygg's own (rows per export file, quarantine share), one row per run and metric. */
    public static final String METRICS = "metrics";
    /** Every rule's verdict per run, including anomaly checks. */
    public static final String CHECK_RESULTS = "check_results";

    public static final StructType METRICS_SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType, false)
            .add("measured_at", DataTypes.TimestampType, false)
            .add("dataset", DataTypes.StringType, false)
            .add("entity", DataTypes.StringType, false)
            .add("instance", DataTypes.StringType, false)
            .add("metric", DataTypes.StringType, false)
            .add("value", DataTypes.DoubleType, false)
            // For source metrics: the ingest run whose export batch was measured, so history counts each batch once.
            .add("batch", DataTypes.StringType, true);

    public static final StructType CHECK_RESULTS_SCHEMA = new StructType()
            .add("run_id", DataTypes.StringType, false)
            .add("checked_at", DataTypes.TimestampType, false)
            .add("as_of", DataTypes.DateType, false)
            .add("dataset", DataTypes.StringType, false)
            .add("kind", DataTypes.StringType, false)
            .add("rule", DataTypes.StringType, false)
            .add("level", DataTypes.StringType, false)
            .add("status", DataTypes.StringType, false)
            .add("observed", DataTypes.DoubleType, true)
            .add("observed_text", DataTypes.StringType, true)
            .add("threshold", DataTypes.StringType, false)
            .add("message", DataTypes.StringType, true);

    private QualityTables() {
    }
}
