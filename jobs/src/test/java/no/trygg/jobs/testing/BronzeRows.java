package no.trygg.jobs.testing;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.bronze.BronzeTables;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** Hand-made bronze rows for transformation tests: each record is "header=value" pairs. */
public final class BronzeRows {

    public static final Timestamp INGESTED = Timestamp.valueOf("2026-01-15 12:00:00");

    private BronzeRows() {
    }

    public static Map<String, String> record(String... headerValuePairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < headerValuePairs.length; i += 2) m.put(headerValuePairs[i], headerValuePairs[i + 1]);
        return m;
    }

    @SafeVarargs
    public static Dataset<Row> of(String file, Map<String, String>... records) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < records.length; i++) {
            rows.add(RowFactory.create(file, "sum-" + file, i + 2, records[i], null, "UTF-8", "run-test", INGESTED));
        }
        return TestWarehouse.spark().createDataFrame(rows, BronzeTables.SCHEMA);
    }
}
