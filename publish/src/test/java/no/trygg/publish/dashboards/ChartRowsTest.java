package no.trygg.publish.dashboards;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import no.trygg.jobs.testing.TestWarehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ChartRowsTest {

    static Dataset<Row> rates() {
        StructType schema = new StructType().add("period_grain", DataTypes.StringType).add("period", DataTypes.StringType)
                .add("breakdown", DataTypes.StringType).add("size_class", DataTypes.StringType).add("incidents", DataTypes.LongType)
                .add("rate_per_100_fte", DataTypes.DoubleType).add("flag", DataTypes.StringType);
        return TestWarehouse.spark().createDataFrame(List.of(
                RowFactory.create("YEAR", "2025", "size_class", "SMALL", null, null, ":"),
                RowFactory.create("YEAR", "2024", "size_class", "SMALL", 12L, 3.1, ""),
                RowFactory.create("YEAR", "2025", "size_class", "LARGE", 80L, 6.0, ""),
                RowFactory.create("YEAR", "2024", "size_class", "LARGE", 70L, 5.5, ""),
                RowFactory.create("YEAR", "2025", "national", "ALL", 300L, 4.4, ""),
                RowFactory.create("QUARTER", "2025Q1", "size_class", "SMALL", 5L, 2.0, "")), schema);
    }

    static ChartSpec spec(ChartKind kind, String latest, List<String> columns) {
        return new ChartSpec("c", "t", "", "research.incident_rates", kind, kind == ChartKind.TABLE ? null : "period",
                kind == ChartKind.TABLE ? null : List.of("rate_per_100_fte"), kind == ChartKind.TREND ? "size_class" : null, null, null,
                List.of(), columns, Map.of("period_grain", "YEAR", "breakdown", "size_class"), latest, 6);
    }

    @Test
    void filtersThenOrdersBySeriesAndPeriodKeepingTheFlag() {
        Dataset<Row> rows = ChartRows.select(rates(), spec(ChartKind.TREND, null, List.of()));
        assertEquals(List.of("period", "size_class", "rate_per_100_fte", "flag"), List.of(rows.columns()));
        assertEquals(List.of("LARGE 2024", "LARGE 2025", "SMALL 2024", "SMALL 2025"),
                rows.collectAsList().stream().map(r -> r.getString(1) + " " + r.getString(0)).toList());
        assertEquals(":", rows.collectAsList().get(3).getString(3), "the suppressed cell keeps its flag and NULL");
        assertEquals(null, rows.collectAsList().get(3).get(2));
    }

    @Test
    void latestKeepsOnlyTheNewestPeriodAfterFiltering() {
        Dataset<Row> rows = ChartRows.select(rates(), spec(ChartKind.TABLE, "period", List.of("size_class", "period", "incidents")));
        assertEquals(List.of("LARGE 2025 80", "SMALL 2025 null"),
                rows.collectAsList().stream().map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).toList());
    }

    @Test
    void theLoaderGivesPlainJavaValuesWithNullsKept() {
        List<Map<String, Object>> rows = StaticDashboardJob.rows(ChartRows.select(rates(), spec(ChartKind.TREND, null, List.of())));
        assertEquals(4, rows.size());
        assertEquals(3.1, rows.get(2).get("rate_per_100_fte"));
        assertEquals(true, rows.get(3).containsKey("rate_per_100_fte") && rows.get(3).get("rate_per_100_fte") == null);
        assertEquals(java.time.LocalDate.of(2024, 3, 1), StaticDashboardJob.plain(java.sql.Date.valueOf("2024-03-01")));
    }
}
