package no.trygg.publish.dashboards;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A chart and the rows it shows, as plain Java values (numbers, strings, {@link java.time.LocalDate},
 * {@link java.time.LocalDateTime}; NULL stays null): what the static renderers draw, with no Spark in sight.
 *
 * @param chart     the definition
 * @param published false when the chart's table does not exist yet (the chart then says "Ingen data ennå")
 * @param rows      the rows {@link ChartRows#select} gives, in its order; a row maps column name to value
 */
public record ChartData(ChartSpec chart, boolean published, List<Map<String, Object>> rows) {

    /** The flag of a suppressed cell in the published tables. */
    public static final String SUPPRESSED = ":";

    public ChartData {
        Objects.requireNonNull(chart, "chart");
        // Map.copyOf refuses nulls, and a NULL cell is exactly what a suppressed value is: keep nulls.
        List<Map<String, Object>> copy = new ArrayList<>();
        for (Map<String, Object> r : rows == null ? List.<Map<String, Object>>of() : rows) {
            copy.add(Collections.unmodifiableMap(new LinkedHashMap<>(r)));
        }
        rows = Collections.unmodifiableList(copy);
    }

    /** The chart of a table that is not there yet. */
    public static ChartData notPublished(ChartSpec chart) {
        return new ChartData(chart, false, List.of());
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** True when the row's cell was hidden by disclosure control: its values are NULL and must show as ":". */
    public static boolean suppressed(Map<String, Object> row) {
        return SUPPRESSED.equals(row.get("flag"));
    }

    /** A column's value as a number, or null when it is NULL (suppressed or not defined) or not a number. */
    public static Double number(Map<String, Object> row, String column) {
        return row.get(column) instanceof Number n ? n.doubleValue() : null;
    }
}
