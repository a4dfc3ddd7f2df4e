package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Two warehouses built from the same inputs hold the same rows, apart from which run wrote them. */
final class SameTables {

    private SameTables() {
    }

    static void assertSameTables(Warehouse expected, Warehouse actual) {
        for (SourceFormat s : SourceFormat.values()) {
            assertSameRows(expected.read(Warehouse.BRONZE, s.folder), actual.read(Warehouse.BRONZE, s.folder),
                    "bronze." + s.folder, "ingest_run_id", "ingested_at");
        }
        assertSameSilver(expected, actual);
        for (String t : GoldTables.ALL) {
            assertSameRows(expected.read(Warehouse.GOLD, t), actual.read(Warehouse.GOLD, t), "gold." + t, GoldTables.SILVER_SNAPSHOT);
        }
    }

    static void assertSameRows(Dataset<Row> a, Dataset<Row> b, String what, String... ignore) {
        Dataset<Row> x = comparable(a.drop(ignore));
        Dataset<Row> y = comparable(b.drop(ignore));
        long ax = x.count();
        assertEquals(ax, y.count(), what + ": row count");
        assertEquals(0, x.exceptAll(y).count(), what + ": rows differ from the uninterrupted run");
    }

    /**
     * Set operations cannot compare maps: compare their JSON (same source, same key order). Doubles are
     * rounded: a sum over differently split files may differ in the last bit.
     */
    private static Dataset<Row> comparable(Dataset<Row> d) {
        for (org.apache.spark.sql.types.StructField f : d.schema().fields()) {
            if (f.dataType() instanceof org.apache.spark.sql.types.MapType) {
                d = d.withColumn(f.name(), org.apache.spark.sql.functions.to_json(d.col(f.name())));
            } else if (f.dataType() instanceof org.apache.spark.sql.types.DoubleType) {
                d = d.withColumn(f.name(), org.apache.spark.sql.functions.round(d.col(f.name()), 9));
            }
        }
        return d;
    }

    /** Another process has committed since this session last read the table: drop the session's cached metadata. */
    static void refresh(Warehouse w, String namespace, String table) {
        w.spark().catalog().refreshTable(w.name(namespace, table));
    }

    static void assertSameSilver(Warehouse expected, Warehouse actual) {
        for (String t : SilverTables.ALL) {
            refresh(expected, Warehouse.SILVER, t);
            refresh(actual, Warehouse.SILVER, t);
            assertSameRows(expected.read(Warehouse.SILVER, t), actual.read(Warehouse.SILVER, t), "silver." + t, "ingest_run_id");
        }
    }
}
