package no.trygg.jobs.gold.marts;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Date;
import java.util.List;
import no.trygg.jobs.testing.TestWarehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Counts and FTE-years per cell, by hand: two offices, two months, three incidents. */
class IncidentCellsTest {

    static final StructType INCIDENTS = new StructType().add("occurred_date", DataTypes.DateType).add("office_id", DataTypes.StringType)
            .add("size_class", DataTypes.StringType).add("county_no", DataTypes.StringType).add("channel_strategy_stage", DataTypes.StringType)
            .add("incident_type", DataTypes.StringType).add("channel", DataTypes.StringType).add("severity", DataTypes.StringType);
    static final StructType EXPOSURE = new StructType().add("month", DataTypes.DateType).add("office_id", DataTypes.StringType)
            .add("size_class", DataTypes.StringType).add("county_no", DataTypes.StringType).add("channel_strategy_stage", DataTypes.StringType)
            .add("fte", DataTypes.DoubleType).add("headcount", DataTypes.IntegerType);

    static Dataset<Row> cells() {
        var spark = TestWarehouse.spark();
        Dataset<Row> incidents = spark.createDataFrame(List.of(
                RowFactory.create(Date.valueOf("2024-01-10"), "A", "SMALL", "03", "IMPLEMENTED", "THREAT", "PHONE", "2"),
                RowFactory.create(Date.valueOf("2024-01-20"), "A", "SMALL", "03", "IMPLEMENTED", "VERBAL", "PHONE", "1"),
                RowFactory.create(Date.valueOf("2024-02-03"), "B", "LARGE", "03", "NOT_STARTED", "THREAT", "RECEPTION", "3")), INCIDENTS);
        Dataset<Row> exposure = spark.createDataFrame(List.of(
                RowFactory.create(Date.valueOf("2024-01-01"), "A", "SMALL", "03", "IMPLEMENTED", 12.0, 13),
                RowFactory.create(Date.valueOf("2024-02-01"), "A", "SMALL", "03", "IMPLEMENTED", 12.0, 13),
                RowFactory.create(Date.valueOf("2024-01-01"), "B", "LARGE", "03", "NOT_STARTED", 60.0, 62),
                RowFactory.create(Date.valueOf("2024-02-01"), "B", "LARGE", "03", "NOT_STARTED", 60.0, 62)), EXPOSURE);
        return IncidentCells.build(Periods.explodeByPeriod(incidents, "occurred_date"), Periods.explodeByPeriod(exposure, "month"),
                List.of(Breakdown.of(), Breakdown.of(Dimension.SIZE_CLASS), Breakdown.of(Dimension.INCIDENT_TYPE)));
    }

    static Row cell(Dataset<Row> cells, String grain, String period, String breakdown, String column, String value) {
        return cells.filter(col("period_grain").equalTo(grain).and(col("period").equalTo(period)).and(col("breakdown").equalTo(breakdown))
                .and(col(column).equalTo(value))).first();
    }

    @Test
    void countsAndFteYearsByHand() {
        Dataset<Row> c = cells().cache();
        Row national = cell(c, "MONTH", "2024-01", "national", "size_class", "ALL");
        assertEquals(2L, national.<Long>getAs("incidents"));
        assertEquals(72.0 / 12, national.<Double>getAs("fte_years"), 1e-12, "Σ monthly FTE / 12");
        Row q1Small = cell(c, "QUARTER", "2024Q1", "size_class", "size_class", "SMALL");
        assertEquals(2L, q1Small.<Long>getAs("incidents"));
        assertEquals(24.0 / 12, q1Small.<Double>getAs("fte_years"), 1e-12);
        Row yearLarge = cell(c, "YEAR", "2024", "size_class", "size_class", "LARGE");
        assertEquals(1L, yearLarge.<Long>getAs("incidents"));
        assertEquals(10.0, yearLarge.<Double>getAs("fte_years"), 1e-12);
    }

    @Test
    void everyCodeGetsACellSoTotalsAreExactSums() {
        Dataset<Row> c = cells().cache();
        Dataset<Row> byType = c.filter(col("breakdown").equalTo("incident_type").and(col("period").equalTo("2024-02")));
        assertEquals(8, byType.count(), "one cell per incident type, zeros included");
        assertEquals(1L, byType.agg(org.apache.spark.sql.functions.sum("incidents")).first().getLong(0));
        Row physical = cell(c, "MONTH", "2024-02", "incident_type", "incident_type", "PHYSICAL");
        assertEquals(0L, physical.<Long>getAs("incidents"));
        assertEquals(6.0, physical.<Double>getAs("fte_years"), 1e-12, "an event dimension does not split the denominator");
    }
}
