package no.trygg.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import no.trygg.jobs.testing.TestWarehouse;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

class SparkWorkTest {

    @Test
    void countsTheJobsAndQueriesStartedWhileCountingAndNothingAfterClose() {
        SparkSession spark = TestWarehouse.spark();
        SparkWork.Counts before;
        SparkWork.Counts after;
        try (SparkWork work = SparkWork.count(spark.sparkContext())) {
            before = work.counts();
            spark.range(100).selectExpr("id % 7 AS k").groupBy("k").count().collectAsList();
            spark.range(10).count();
            after = work.counts();
            SparkWork.Counts did = after.minus(before);
            assertTrue(did.jobs() >= 2, "two actions start at least two jobs: " + did);
            assertEquals(2, did.sqlExecutions(), "two DataFrame actions are two SQL executions: " + did);
            assertEquals(new SparkWork.Counts(0, 0), work.counts().minus(after), "nothing ran in between");
        }
    }
}
