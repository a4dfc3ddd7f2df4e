package no.trygg.exports;

import java.nio.file.Path;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.research.ResearchViews;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** A tiny warehouse with one research view (rows out of order, one suppressed, a quote and a comma in a name) and its extract. */
final class TestExtracts {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC);
    static final String SILVER = "incidents@11,office_month@22";

    private TestExtracts() {
    }

    static Warehouse warehouseWithOneView() {
        Warehouse w = TestWarehouse.fresh();
        StructType schema = new StructType()
                .add("period_grain", DataTypes.StringType).add("period", DataTypes.StringType).add("period_start", DataTypes.DateType)
                .add("breakdown", DataTypes.StringType).add("county_name", DataTypes.StringType)
                .add("incidents", DataTypes.LongType).add("fte_years", DataTypes.DoubleType).add("rate_per_100_fte", DataTypes.DoubleType)
                .add("flag", DataTypes.StringType).add("silver_snapshot", DataTypes.StringType).add("code_version", DataTypes.StringType);
        List<Row> rows = List.of(
                RowFactory.create("YEAR", "2024", Date.valueOf("2024-01-01"), "national", "ALL", 40L, 2000.5, 2.0, "", SILVER, "0.1.0"),
                RowFactory.create("YEAR", "2023", Date.valueOf("2023-01-01"), "county", "Troms, \"Romsa\"", null, 12.25, null, ":", SILVER, "0.1.0"),
                RowFactory.create("YEAR", "2023", Date.valueOf("2023-01-01"), "national", "ALL", 3L, 1999.0, 0.15, "u", SILVER, "0.1.0"));
        Dataset<Row> mart = w.spark().createDataFrame(rows, schema);
        w.replace(mart, Warehouse.GOLD, GoldTables.INCIDENT_RATES, Map.of());
        String gold = w.snapshotId(Warehouse.GOLD, GoldTables.INCIDENT_RATES);
        w.createOrReplace(mart, ResearchViews.NAMESPACE, "incident_rates", "test view",
                Map.of(Warehouse.BUILT_FROM, "code=0.1.0;incident_rates@" + gold + ",office_funnel@7"));
        return w;
    }

    static ResearchExport.Result export(Warehouse w, Path out) {
        return new ResearchExport(w, s -> { }, CLOCK).run(out);
    }
}
