package no.trygg.publish.dashboards;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One chart of a dashboard, as written in {@code dashboards/*.yaml}: which published table it reads, which rows
 * (equality filters, optionally only the latest value of a column) and which columns it draws. Every value is a
 * single published cell (MAX over a group of one), so a chart can never add cells up behind the suppression.
 *
 * @param name        stable id within its dashboard (its Superset UUID derives from it)
 * @param title       heading shown above the chart
 * @param description one line on how to read it
 * @param dataset     {@code schema.table}, e.g. {@code research.incident_rates}
 * @param x           the x axis: a period, a category or (funnel) the expected count
 * @param values      the plotted value columns (funnel: the observed count)
 * @param series      optional column whose values become separate lines or bar groups
 * @param lower       optional lower end of each value's interval (confidence interval)
 * @param upper       optional upper end
 * @param limits      reference lines drawn dashed: control limits, centre line, funnel limits
 * @param columns     table columns (TABLE only)
 * @param filters     column = value conditions selecting the rows
 * @param latest      optional column: of the filtered rows, keep those with its largest value (e.g. the latest year)
 * @param width       grid width of 12 (6 = half a row)
 */
public record ChartSpec(String name, String title, String description, String dataset, ChartKind kind, String x,
                        List<String> values, String series, String lower, String upper, List<String> limits,
                        List<String> columns, Map<String, String> filters, String latest, int width) {

    public ChartSpec {
        Objects.requireNonNull(name, "chart name");
        Objects.requireNonNull(title, "title of chart " + name);
        Objects.requireNonNull(dataset, "dataset of chart " + name);
        Objects.requireNonNull(kind, "kind of chart " + name);
        description = description == null ? "" : description;
        values = values == null ? List.of() : List.copyOf(values);
        limits = limits == null ? List.of() : List.copyOf(limits);
        columns = columns == null ? List.of() : List.copyOf(columns);
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        width = width == 0 ? 6 : width;
        if (!dataset.matches("[a-z_]+\\.[a-z_]+")) throw new IllegalArgumentException("chart " + name + ": dataset must be schema.table, got " + dataset);
        if (width < 1 || width > 12) throw new IllegalArgumentException("chart " + name + ": width must be 1..12, got " + width);
        if (kind == ChartKind.TABLE ? columns.isEmpty() : (x == null || values.isEmpty())) {
            throw new IllegalArgumentException("chart " + name + ": " + (kind == ChartKind.TABLE ? "a TABLE needs columns"
                    : "a " + kind + " needs x and values"));
        }
        if ((lower == null) != (upper == null)) throw new IllegalArgumentException("chart " + name + ": give both lower and upper, or neither");
    }

    public String schema() {
        return dataset.substring(0, dataset.indexOf('.'));
    }

    public String table() {
        return dataset.substring(dataset.indexOf('.') + 1);
    }

    /** Every column the chart reads, in a stable order: what a query must select. */
    public List<String> readColumns() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        if (x != null) all.add(x);
        if (series != null) all.add(series);
        all.addAll(values);
        if (lower != null) all.add(lower);
        if (upper != null) all.add(upper);
        all.addAll(limits);
        all.addAll(columns);
        return List.copyOf(all);
    }
}
