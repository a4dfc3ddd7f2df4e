package no.trygg.pipelines;

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

/** The attacker the leak tests rely on does find what a careless publication gives away. */
class DifferencingAttackerTest {

    static final StructType SCHEMA = new StructType().add("period_grain", DataTypes.StringType).add("period", DataTypes.StringType)
            .add("breakdown", DataTypes.StringType).add("size_class", DataTypes.StringType).add("incidents", DataTypes.LongType);

    @Test
    void recoversAOnlyHiddenPartAndChainsThroughTime() {
        Dataset<Row> mart = TestWarehouse.spark().createDataFrame(List.of(
                RowFactory.create("QUARTER", "2024Q1", "national", "ALL", 30L),
                RowFactory.create("MONTH", "2024-01", "national", "ALL", 10L),
                RowFactory.create("MONTH", "2024-02", "national", "ALL", 12L),
                RowFactory.create("MONTH", "2024-03", "national", "ALL", null),      // 30 − 10 − 12 = 8
                RowFactory.create("MONTH", "2024-03", "size_class", "SMALL", null),  // then 8 − 6 = 2
                RowFactory.create("MONTH", "2024-03", "size_class", "LARGE", 6L)), SCHEMA);
        DifferencingAttacker a = new DifferencingAttacker();
        a.addCells(mart, null, "period_grain", "period", List.of("size_class"), "incidents");
        assertEquals(Map.of("|MONTH|2024-03|national|ALL", 8L, "|MONTH|2024-03|size_class|SMALL", 2L), a.attack());
    }

    @Test
    void twoHiddenPartsOfEverySumStaySafe() {
        Dataset<Row> mart = TestWarehouse.spark().createDataFrame(List.of(
                RowFactory.create("MONTH", "2024-03", "national", "ALL", 10L),
                RowFactory.create("MONTH", "2024-03", "size_class", "SMALL", null),
                RowFactory.create("MONTH", "2024-03", "size_class", "MEDIUM", null),
                RowFactory.create("MONTH", "2024-03", "size_class", "LARGE", 6L)), SCHEMA);
        DifferencingAttacker a = new DifferencingAttacker();
        a.addCells(mart, null, "period_grain", "period", List.of("size_class"), "incidents");
        assertEquals(Map.of(), a.attack());
    }

    @Test
    void theSolverBoundsWhatDifferencingCannot() {
        // national 3 = SMALL (hidden) + MEDIUM (hidden) + LARGE 0: differencing finds nothing; the solver puts SMALL in 0…3.
        Dataset<Row> mart = TestWarehouse.spark().createDataFrame(List.of(
                RowFactory.create("MONTH", "2024-03", "national", "ALL", 3L),
                RowFactory.create("MONTH", "2024-03", "size_class", "SMALL", null),
                RowFactory.create("MONTH", "2024-03", "size_class", "MEDIUM", null),
                RowFactory.create("MONTH", "2024-03", "size_class", "LARGE", 0L)), SCHEMA);
        DifferencingAttacker a = new DifferencingAttacker();
        a.addCells(mart, null, "period_grain", "period", List.of("size_class"), "incidents");
        assertEquals(Map.of(), a.attack());
        Map<String, long[]> narrow = a.narrowRanges(id -> 4);
        assertEquals(List.of(0L, 3L), java.util.Arrays.stream(narrow.get("|MONTH|2024-03|size_class|SMALL")).boxed().toList(),
                "SMALL lies in 0…3: three wide, one short of 4");
        assertEquals(Map.of(), a.narrowRanges(id -> 3), "three wide is enough for a width of 3");
    }
}
