package no.trygg.jobs.spark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TryggSparkTest {

    @Test
    void theDriverStaysOnLoopbackOnlyWhenEveryExecutorRunsOnThisMachine() {
        assertTrue(TryggSpark.onThisMachine("local[2]"));
        assertTrue(TryggSpark.onThisMachine("spark://127.0.0.1:17077"));
        assertFalse(TryggSpark.onThisMachine("yarn"));
        assertFalse(TryggSpark.onThisMachine("k8s://https://10.0.0.1:6443"));
        assertFalse(TryggSpark.onThisMachine("spark://spark-master.example:7077"));
    }
}
