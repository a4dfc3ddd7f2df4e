package no.trygg.pipelines.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import no.trygg.jobs.testing.TestWarehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** The baseline query gives the hand-computed answer, in Spark and in DuckDB alike, over the same Parquet files. */
class GoldBaselinesTest {

    @Test
    void sparkAndDuckDbComputeTheHandComputedCells() throws Exception {
        SparkSession spark = TestWarehouse.spark();
        Path dir = Files.createTempDirectory(TestWarehouse.root(), "baselines");
        // Office A (small, county 03, implemented) had 2 incidents in January 2024; office B (large, 46, not started) 1 in May.
        Map<String, List<String>> files = new LinkedHashMap<>();
        files.put("incidents", write(spark, dir.resolve("incidents"), new StructType().add("occurred_date", DataTypes.DateType)
                .add("office_version_key", DataTypes.StringType).add("incident_type", DataTypes.StringType)
                .add("channel", DataTypes.StringType).add("severity", DataTypes.IntegerType), List.of(
                RowFactory.create(Date.valueOf("2024-01-10"), "A1", "THREAT", "PHONE", 2),
                RowFactory.create(Date.valueOf("2024-01-20"), "A1", "THREAT", "PHONE", 2),
                RowFactory.create(Date.valueOf("2024-05-03"), "B1", "VERBAL", "RECEPTION", 1))));
        files.put("office_history", write(spark, dir.resolve("office_history"), new StructType().add("office_version_key", DataTypes.StringType)
                .add("size_class", DataTypes.StringType).add("county_no", DataTypes.StringType).add("channel_strategy_stage", DataTypes.StringType),
                List.of(RowFactory.create("A1", "SMALL", "03", "IMPLEMENTED"), RowFactory.create("B1", "LARGE", "46", "NOT_STARTED"))));
        // FTE: A 12 and B 24 in January and in May.
        files.put("office_month", write(spark, dir.resolve("office_month"), new StructType().add("office_version_key", DataTypes.StringType)
                .add("month", DataTypes.DateType).add("fte", DataTypes.DoubleType), List.of(
                RowFactory.create("A1", Date.valueOf("2024-01-01"), 12.0), RowFactory.create("A1", Date.valueOf("2024-05-01"), 12.0),
                RowFactory.create("B1", Date.valueOf("2024-01-01"), 24.0), RowFactory.create("B1", Date.valueOf("2024-05-01"), 24.0))));

        // By hand: 21 grouping sets. Year: 1 national row + 2 per dimension = 13; quarter and month: 2 + 12 = 14 each → 41 rows.
        // Every set counts all 3 incidents → 63. FTE-years: year 6 (national) + 3 office dims × (2 + 4) + 3 incident dims × 2 rows × 6
        // = 60; quarter 2 × 3 + 3 × (1 + 2) + 3 × 2 × 3 = 33; month the same, 33 → 126.
        GoldBaselines.Checksum expected = new GoldBaselines.Checksum(41, 63, 126.0);
        GoldBaselines.Timing spark1 = GoldBaselines.plainSpark(spark, files, 1, line -> { });
        GoldBaselines.Timing duck = GoldBaselines.duckDb(files, 1, line -> { });
        assertEquals(expected, spark1.result());
        assertEquals(expected, duck.result());
        GoldBaselines.assertSameWork(List.of(spark1, duck));
    }

    private static List<String> write(SparkSession spark, Path dir, StructType schema, List<Row> rows) throws Exception {
        Dataset<Row> df = spark.createDataFrame(rows, schema).coalesce(1);
        df.write().parquet(dir.toString());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".parquet")).map(Path::toString).toList();
        }
    }
}
