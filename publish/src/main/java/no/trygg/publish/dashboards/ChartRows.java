package no.trygg.publish.dashboards;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The rows a chart shows, from its published table: the same selection Superset's query makes (equality
 * filters, then only the latest value of {@link ChartSpec#latest()} among those rows), with the chart's columns, ordered along
 * the x axis (tables: by their columns). Pure: the caller reads the table.
 */
public final class ChartRows {

    private ChartRows() {
    }

    public static Dataset<Row> select(Dataset<Row> table, ChartSpec chart) {
        Dataset<Row> rows = table;
        for (Map.Entry<String, String> f : chart.filters().entrySet()) {
            rows = rows.filter(col(f.getKey()).cast("string").equalTo(lit(f.getValue())));
        }
        if (chart.latest() != null) {
            Object newest = rows.agg(max(col(chart.latest()))).first().get(0);
            rows = newest == null ? rows.limit(0) : rows.filter(col(chart.latest()).equalTo(lit(newest)));
        }
        List<String> read = new ArrayList<>(chart.readColumns());
        if (!read.contains("flag") && List.of(table.columns()).contains("flag")) read.add("flag");
        Dataset<Row> out = rows.select(read.stream().map(c -> col(c)).toArray(Column[]::new));
        List<String> order = chart.kind() == ChartKind.TABLE ? chart.columns()
                : chart.series() == null ? List.of(chart.x()) : List.of(chart.series(), chart.x());
        return out.orderBy(order.stream().map(c -> col(c).asc_nulls_last()).toArray(Column[]::new));
    }
}
