package no.trygg.jobs.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import no.trygg.jobs.config.TryggConfig;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.spark.sql.DataFrameWriterV2;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/**
 * The Iceberg warehouse as the jobs see it: namespaces per layer, tables created on first use, and writes
 * that are one atomic Iceberg commit each, labelled with snapshot properties so a later run can tell what
 * a table was built from.
 */
public final class Warehouse {

    public static final String BRONZE = "bronze";
    public static final String SILVER = "silver";
    /** Marts: aggregates only, disclosure-controlled, what every channel publishes. */
    public static final String GOLD = "gold";
    /** Data-quality metrics and check results, one row per run and measurement. */
    public static final String QUALITY = "quality";
    /** Snapshot property naming the inputs a table's current content was computed from. */
    public static final String BUILT_FROM = "trygg.built-from";
    public static final String RUN_ID = "trygg.run-id";
    /** On a snapshot that only compacted files: the id of the snapshot whose data it holds. */
    public static final String DATA_SNAPSHOT = "trygg.data-snapshot";

    private final SparkSession spark;
    private final TryggConfig config;

    public Warehouse(SparkSession spark, TryggConfig config) {
        this.spark = spark;
        this.config = config;
    }

    /** Creates the local folders an embedded setup needs; harmless for a PostgreSQL catalog. */
    public static void prepareLocalFolders(TryggConfig config) {
        try {
            Files.createDirectories(config.warehouseDir());
            if (config.usesSqliteCatalog()) {
                String file = config.catalogUri().substring("jdbc:sqlite:".length());
                java.nio.file.Path parent = java.nio.file.Path.of(file).toAbsolutePath().getParent();
                if (parent != null) Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create warehouse folders under " + config.home(), e);
        }
    }

    public SparkSession spark() {
        return spark;
    }

    public TryggConfig config() {
        return config;
    }

    public String name(String namespace, String table) {
        return config.table(namespace, table);
    }

    public boolean exists(String namespace, String table) {
        return spark.catalog().tableExists(name(namespace, table));
    }

    /** Creates the table (and its namespace) unless it exists. */
    public void createIfMissing(String namespace, String table, StructType schema) {
        if (exists(namespace, table)) return;
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + config.catalogName() + "." + namespace);
        spark.sql("CREATE TABLE IF NOT EXISTS " + name(namespace, table) + " (" + schema.toDDL() + ") USING iceberg"
                + " TBLPROPERTIES ('format-version'='2', 'write.parquet.compression-codec'='zstd')");
    }

    public Dataset<Row> read(String namespace, String table) {
        return spark.table(name(namespace, table));
    }

    /** Appends rows in one commit. */
    public void append(Dataset<Row> rows, String namespace, String table, Map<String, String> snapshotProperties) {
        createIfMissing(namespace, table, rows.schema());
        try {
            withProperties(rows.writeTo(name(namespace, table)), snapshotProperties).append();
        } catch (NoSuchTableException e) {
            throw new IllegalStateException("Table " + name(namespace, table) + " vanished during the run", e);
        }
    }

    /** Replaces the whole content in one commit: readers see the old rows or the new, never a mix. */
    public void replace(Dataset<Row> rows, String namespace, String table, Map<String, String> snapshotProperties) {
        createIfMissing(namespace, table, rows.schema());
        try {
            withProperties(rows.writeTo(name(namespace, table)), snapshotProperties).overwrite(functions.lit(true));
        } catch (NoSuchTableException e) {
            throw new IllegalStateException("Table " + name(namespace, table) + " vanished during the run", e);
        }
    }

    /**
     * Creates or atomically replaces the table with these rows and their schema (column comments included):
     * for published tables whose columns may change between code versions.
     */
    public void createOrReplace(Dataset<Row> rows, String namespace, String table, String comment, Map<String, String> snapshotProperties) {
        spark.sql("CREATE NAMESPACE IF NOT EXISTS " + config.catalogName() + "." + namespace);
        withProperties(rows.writeTo(name(namespace, table)), snapshotProperties).using("iceberg")
                .tableProperty("format-version", "2").tableProperty("comment", comment).createOrReplace();
    }

    public Optional<Snapshot> currentSnapshot(String namespace, String table) {
        if (!exists(namespace, table)) return Optional.empty();
        return Optional.ofNullable(icebergTable(namespace, table).currentSnapshot());
    }

    /**
     * The id of the snapshot whose data the table holds now, or "empty" for a missing or never-written table: the
     * current snapshot's, unless it only rewrote files ({@link TableMaintenance}), which keeps the data's id in
     * {@link #DATA_SNAPSHOT} so that what was built from the table stays up to date.
     */
    public String snapshotId(String namespace, String table) {
        return currentSnapshot(namespace, table)
                .map(s -> s.summary().getOrDefault(DATA_SNAPSHOT, Long.toString(s.snapshotId()))).orElse("empty");
    }

    public Optional<String> snapshotProperty(String namespace, String table, String key) {
        return currentSnapshot(namespace, table).map(s -> s.summary().get(key));
    }

    /** Whether every one of {@code tables} was last written from exactly {@code inputs} (its built-from label). */
    public boolean allBuiltFrom(String namespace, java.util.List<String> tables, String inputs) {
        return tables.stream().allMatch(t -> snapshotProperty(namespace, t, BUILT_FROM).map(inputs::equals).orElse(false));
    }

    public Table icebergTable(String namespace, String table) {
        try {
            return Spark3Util.loadIcebergTable(spark, name(namespace, table));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot load table " + name(namespace, table) + ": " + e.getMessage(), e);
        }
    }

    private static DataFrameWriterV2<Row> withProperties(DataFrameWriterV2<Row> w, Map<String, String> props) {
        props.forEach((k, v) -> w.option("snapshot-property." + k, v));
        return w;
    }
}
