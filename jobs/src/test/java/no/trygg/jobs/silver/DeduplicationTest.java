package no.trygg.jobs.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.util.List;
import no.trygg.jobs.testing.TestWarehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DeduplicationTest {

    private static final StructType SCHEMA = new StructType().add("id", DataTypes.StringType).add("v", DataTypes.TimestampType)
            .add("severity", DataTypes.IntegerType).add("source_file", DataTypes.StringType).add("line_number", DataTypes.IntegerType);

    private static Dataset<Row> rows(Object[]... r) {
        List<Row> list = java.util.Arrays.stream(r).map(RowFactory::create).toList();
        return Rejections.start(TestWarehouse.spark().createDataFrame(list, SCHEMA));
    }

    private static Timestamp t(String s) {
        return Timestamp.valueOf(s);
    }

    @Test
    void newestVersionWinsAndEveryBronzeRowIsCounted() {
        Deduplication.Result r = Deduplication.latest(rows(
                new Object[] {"H1", t("2024-01-01 10:00:00"), 2, "a.csv", 2},
                new Object[] {"H1", t("2024-02-01 10:00:00"), 4, "b.csv", 2},
                new Object[] {"H1", t("2024-02-01 10:00:00"), 4, "c.csv", 7}, // the same version delivered twice
                new Object[] {"H2", t("2024-01-05 10:00:00"), 1, "a.csv", 3}), List.of("id"), "v", List.of("id", "v", "severity"));
        List<Row> kept = r.kept().orderBy("id").collectAsList();
        assertEquals(2, kept.size());
        assertEquals(4, (int) kept.get(0).getAs("severity"));
        assertEquals("b.csv", kept.get(0).getAs("source_file"), "lineage points at the first delivery");
        assertEquals(3L, (long) kept.get(0).getAs(Deduplication.SOURCE_ROWS));
        assertEquals(2, (int) kept.get(0).getAs(Deduplication.VERSION_COUNT));
        assertEquals(1L, (long) kept.get(1).getAs(Deduplication.SOURCE_ROWS));
        assertEquals(0, r.conflicts().count());
    }

    @Test
    void conflictingRowsOfTheSameVersionAllGoToQuarantineAndTheOlderVersionStands() {
        Deduplication.Result r = Deduplication.latest(rows(
                new Object[] {"H1", t("2024-01-01 10:00:00"), 2, "a.csv", 2},
                new Object[] {"H1", t("2024-02-01 10:00:00"), 4, "b.csv", 2},
                new Object[] {"H1", t("2024-02-01 10:00:00"), 5, "b.csv", 3}), List.of("id"), "v", List.of("id", "v", "severity"));
        List<Row> conflicts = r.conflicts().collectAsList();
        assertEquals(2, conflicts.size());
        assertEquals("DUPLICATE_CONFLICT", conflicts.get(0).getAs(Rejections.REASON));
        Row kept = r.kept().first();
        assertEquals(2, (int) kept.getAs("severity"));
        assertEquals(1L, (long) kept.getAs(Deduplication.SOURCE_ROWS));
    }

    @Test
    void aConflictNamesAPersonKeyButNeverQuotesIt() {
        Deduplication.Result r = Deduplication.latest(rows(
                new Object[] {"R0987D9F7", t("2024-02-01 10:00:00"), 4, "s.csv", 2},
                new Object[] {"R0987D9F7", t("2024-02-01 10:00:00"), 5, "s.csv", 3}), List.of("id"), "v", List.of("id", "v", "severity"),
                java.util.Set.of("id"));
        List<Row> conflicts = r.conflicts().collectAsList();
        assertEquals(2, conflicts.size());
        for (Row c : conflicts) {
            String detail = c.getAs(Rejections.DETAIL);
            assertTrue(detail.startsWith("key id+v = [id]/") && detail.endsWith(" occurs in 2 rows with different content"), detail);
            assertFalse(detail.contains("R0987D9F7"), detail);
        }
        // The control: without the person key, the same detail quotes the value.
        String quoted = Deduplication.latest(rows(
                new Object[] {"H1", t("2024-02-01 10:00:00"), 4, "s.csv", 2},
                new Object[] {"H1", t("2024-02-01 10:00:00"), 5, "s.csv", 3}), List.of("id"), "v", List.of("id", "v", "severity"))
                .conflicts().first().getAs(Rejections.DETAIL);
        assertTrue(quoted.startsWith("key id+v = H1/"), quoted);
    }

    @Test
    void withoutVersionsExactRepeatsMerge() {
        Deduplication.Result r = Deduplication.latest(rows(
                new Object[] {"T1", null, 1, "a.csv", 2},
                new Object[] {"T1", null, 1, "a.csv", 3}), List.of("id"), null, List.of("id", "severity"));
        assertEquals(2L, (long) r.kept().first().getAs(Deduplication.SOURCE_ROWS));
    }
}
