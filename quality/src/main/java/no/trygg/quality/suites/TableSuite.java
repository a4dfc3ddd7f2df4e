package no.trygg.quality.suites;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.quality.rules.Rule;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The checks for one dataset.
 *
 * @param dataset name in reports and in the metrics table: "source.incidents" (the newest export batch in
 *                bronze) or "silver.incidents"
 * @param load    reads the rows to check; empty when the table does not exist yet
 * @param rules   the rules, in the order the report lists them
 */
public record TableSuite(String dataset, Function<Warehouse, Optional<Dataset<Row>>> load, List<Rule> rules) {
    public TableSuite {
        rules = List.copyOf(rules);
    }
}
