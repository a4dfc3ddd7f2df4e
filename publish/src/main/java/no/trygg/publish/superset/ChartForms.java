package no.trygg.publish.superset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.trygg.publish.dashboards.ChartKind;
import no.trygg.publish.dashboards.ChartSpec;

/**
 * A chart definition in Superset's terms: its visualisation, its form data (what Superset's explore view edits)
 * and a saved query context (what the chart-data API, reports and cache warm-up run). Values are the dataset's
 * MAX metrics over groups of one published cell each, so nothing is ever summed; a suppressed cell stays NULL
 * and shows as a gap in a line, and as ":" in a table.
 */
final class ChartForms {

    static final int ROW_LIMIT = 10_000;

    private ChartForms() {
    }

    static String vizType(ChartKind kind) {
        return switch (kind) {
            case TREND -> "echarts_timeseries_line";
            case BARS -> "echarts_timeseries_bar";
            case FUNNEL -> "echarts_timeseries_scatter";
            case TABLE -> "table";
        };
    }

    /** The saved metric that shows one cell's value of a column. */
    static String metricName(String column) {
        return "max_" + column;
    }

    /** Value columns a chart plots: values, then the interval, then reference lines. */
    static List<String> plotted(ChartSpec chart) {
        List<String> cols = new ArrayList<>(chart.values());
        if (chart.lower() != null) {
            cols.add(chart.lower());
            cols.add(chart.upper());
        }
        cols.addAll(chart.limits());
        return cols;
    }

    static Map<String, Object> formData(ChartSpec chart, Map<String, PublishedColumn> columns) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("viz_type", vizType(chart.kind()));
        f.put("adhoc_filters", filters(chart, columns));
        f.put("row_limit", ROW_LIMIT);
        if (chart.kind() == ChartKind.TABLE) {
            f.put("query_mode", "raw");
            f.put("all_columns", tableColumns(chart, columns));
            f.put("order_by_cols", tableOrder(chart, columns).stream().map(c -> "[\"" + c + "\", true]").toList());
            f.put("server_pagination", false);
            f.put("include_search", true);
            f.put("table_timestamp_format", "%Y-%m-%d");
        } else {
            f.put("x_axis", chart.x());
            if (columns.containsKey(chart.x()) && columns.get(chart.x()).temporal()) f.put("time_grain_sqla", null);
            f.put("x_axis_sort_asc", true);
            f.put("metrics", plotted(chart).stream().map(ChartForms::metricName).toList());
            f.put("groupby", chart.series() == null ? List.of() : List.of(chart.series()));
            f.put("order_desc", false);
            f.put("show_legend", true);
            f.put("legendType", "scroll");
            f.put("legendOrientation", "top");
            f.put("rich_tooltip", true);
            f.put("y_axis_format", "SMART_NUMBER");
            f.put("truncate_metric", true);
            f.put("markerEnabled", true);
            f.put("markerSize", 4);
        }
        return f;
    }

    /** The query Superset runs for the chart, saved with it so the chart-data API works without the browser. */
    static Map<String, Object> queryContext(ChartSpec chart, Map<String, PublishedColumn> columns, Map<String, Object> formData) {
        Map<String, Object> q = new LinkedHashMap<>();
        boolean table = chart.kind() == ChartKind.TABLE;
        List<Object> cols = new ArrayList<>();
        if (table) {
            cols.addAll(tableColumns(chart, columns));
        } else {
            cols.add(chart.x());
            if (chart.series() != null) cols.add(chart.series());
        }
        q.put("columns", cols);
        q.put("metrics", table ? List.of() : formData.get("metrics"));
        q.put("filters", List.of());
        q.put("extras", Map.of("where", whereClause(chart, columns), "having", ""));
        q.put("orderby", table ? tableOrder(chart, columns).stream().map(c -> List.of(c, true)).toList() : List.of(List.of(chart.x(), true)));
        q.put("row_limit", ROW_LIMIT);
        q.put("annotation_layers", List.of());
        q.put("url_params", Map.of());
        q.put("custom_params", Map.of());
        q.put("custom_form_data", Map.of());
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("datasource", Map.of("id", 0, "type", "table")); // the importer points it at the imported dataset
        ctx.put("force", false);
        ctx.put("queries", List.of(q));
        ctx.put("form_data", formData);
        ctx.put("result_format", "json");
        ctx.put("result_type", "full");
        return ctx;
    }

    /** Table columns; a numeric column of a table with a flag shows ":" where the cell is suppressed, not an empty 0. */
    private static List<Object> tableColumns(ChartSpec chart, Map<String, PublishedColumn> columns) {
        boolean flagged = columns.containsKey("flag");
        List<Object> out = new ArrayList<>();
        for (String c : chart.columns()) {
            PublishedColumn col = columns.get(c);
            if (!flagged || col == null || col.text() || col.temporal() || c.equals("flag")) {
                out.add(c);
                continue;
            }
            String q = quoted(c);
            String shown = col.integral() ? "CAST(" + q + " AS varchar)" : "format('%.2f', " + q + ")";
            out.add(Map.of("label", c, "expressionType", "SQL",
                    "sqlExpression", "CASE WHEN " + q + " IS NULL AND flag = ':' THEN ':' ELSE " + shown + " END"));
        }
        return out;
    }

    /** Tables read in the order of their leading label columns (period, group, name): never by a value, no ranking. */
    static List<String> tableOrder(ChartSpec chart, Map<String, PublishedColumn> columns) {
        List<String> order = new ArrayList<>();
        for (String c : chart.columns()) {
            PublishedColumn col = columns.get(c);
            if (col == null || !(col.text() || col.temporal())) break;
            order.add(c);
        }
        return order;
    }

    private static List<Map<String, Object>> filters(ChartSpec chart, Map<String, PublishedColumn> columns) {
        return chart.filters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> {
                    Map<String, Object> f = new LinkedHashMap<>();
                    f.put("clause", "WHERE");
                    f.put("expressionType", "SQL");
                    f.put("sqlExpression", condition(e.getKey(), e.getValue(), columns));
                    return f;
                }).collect(Collectors.toList());
    }

    /** A column name as a Trino identifier: some are reserved words (grouping). */
    static String quoted(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }

    static String whereClause(ChartSpec chart, Map<String, PublishedColumn> columns) {
        return chart.filters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "(" + condition(e.getKey(), e.getValue(), columns) + ")").collect(Collectors.joining(" AND "));
    }

    /** column = 'value', comparing as text where the column is not text (the YAML writes every value as text). */
    static String condition(String column, String value, Map<String, PublishedColumn> columns) {
        PublishedColumn c = columns.get(column);
        String lhs = c == null || c.text() ? quoted(column) : "CAST(" + quoted(column) + " AS varchar)";
        return lhs + " = '" + value.replace("'", "''") + "'";
    }
}
