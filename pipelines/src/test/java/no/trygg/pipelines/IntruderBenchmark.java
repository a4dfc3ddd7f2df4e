package no.trygg.pipelines;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The intruder of PipelineIT against a warehouse built by hand, e.g. the demo's (a benchmark, not part of the suite):
 * {@code mvn -B -pl pipelines -am verify -Dtest=IntruderBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * -Dtrygg.intruder.home=HOME}. Prints what it attacked and how long it took, and fails on any finding.
 */
class IntruderBenchmark {

    @Test
    @EnabledIfSystemProperty(named = "trygg.intruder.home", matches = ".+")
    void nothingHiddenIsRecoveredOrPinnedInTheWarehouseGiven() {
        Map<String, String> settings = new HashMap<>(TestWarehouse.SPARK_SETTINGS);
        settings.put("trygg.home", System.getProperty("trygg.intruder.home"));
        Warehouse w = TestWarehouse.attach(TryggConfig.load(settings));
        long t0 = System.nanoTime();
        List<PublishedTablesIntruder.Finding> findings = PublishedTablesIntruder.attack(w, 3);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.println("| quantity | hidden cells | published sums | recovered | pinned or primary under 3 wide |");
        System.out.println("|---|---|---|---|---|");
        for (PublishedTablesIntruder.Finding f : findings) {
            System.out.printf("| %s | %,d | %,d | %d | %d |%n", f.quantity(), f.hiddenCells(), f.relations(), f.recovered().size(),
                    f.pinned().size());
        }
        System.out.printf("intruder: %.1f s%n", seconds);
        // Information loss: the share of cells shown as ":" per published table and breakdown.
        for (String table : List.of(GoldTables.INCIDENT_RATES, GoldTables.SURVEY_INDICATORS, GoldTables.OFFICE_FUNNEL,
                GoldTables.REPORTING_RATIO)) {
            Dataset<Row> t = w.read(Warehouse.GOLD, table);
            if (!Arrays.asList(t.columns()).contains("flag")) continue;
            Column by = Arrays.asList(t.columns()).contains("breakdown") ? col("breakdown") : lit("all");
            for (Row r : t.groupBy(by.as("b")).agg(count(lit(1)), sum(when(col("flag").equalTo(":"), 1).otherwise(0)))
                    .orderBy("b").collectAsList()) {
                System.out.printf("hidden %s %s: %d of %d (%.1f %%)%n", table, r.get(0), r.getLong(2), r.getLong(1),
                        100.0 * r.getLong(2) / r.getLong(1));
            }
        }
        for (PublishedTablesIntruder.Finding f : findings) {
            assertEquals(Map.of(), f.recovered(), f.quantity() + " recovered");
            assertEquals(Map.of(), f.pinned(), f.quantity() + " pinned");
        }
    }
}
