package no.trygg.cli;

import java.util.concurrent.Callable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "sql", mixinStandardHelpOptions = true,
        description = {"Run Spark SQL against the warehouse and print the result as a table.",
                "Tables are <layer>.<table>, e.g. silver.incidents, bronze.incidents, silver.quarantine.",
                "Example: bin/trygg sql \"SELECT reason, count(*) FROM silver.quarantine GROUP BY reason\""})
final class SqlCommand implements Callable<Integer> {

    @Mixin
    WarehouseOptions options;

    @Option(names = "--max-rows", defaultValue = "50", description = "Rows to print at most (default: ${DEFAULT-VALUE}).")
    int maxRows;

    @Option(names = "--wide", description = "Do not shorten long values.")
    boolean wide;

    @Parameters(paramLabel = "QUERY", description = "The SQL statement (quote it).")
    String query;

    @Override
    public Integer call() {
        try (Sessions s = new Sessions(options.load())) {
            Dataset<Row> result = s.warehouse.spark().sql(query);
            if (result.columns().length == 0) {
                System.out.println("OK");
            } else {
                result.show(maxRows, wide ? 0 : 40, false);
            }
        }
        return 0;
    }
}
