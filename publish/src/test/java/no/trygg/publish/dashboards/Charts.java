package no.trygg.publish.dashboards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small hand-made charts and rows for the tests. */
final class Charts {

    private Charts() {
    }

    static Map<String, Object> row(Object... columnsAndValues) {
        Map<String, Object> r = new LinkedHashMap<>();
        for (int i = 0; i < columnsAndValues.length; i += 2) r.put((String) columnsAndValues[i], columnsAndValues[i + 1]);
        return r;
    }

    static ChartSpec chart(String name, ChartKind kind, String x, List<String> values, String series, List<String> columns) {
        return new ChartSpec(name, "Tittel " + name, "", "research.incident_rates", kind, x, values, series, null, null, List.of(),
                columns, Map.of(), null, 6);
    }

    /** A yearly rate with 2023 suppressed (NULL, flag ":"). */
    static ChartData trendWithSuppressedYear() {
        ChartSpec c = new ChartSpec("national-yearly-rate", "Rate per år", "", "research.incident_rates", ChartKind.TREND, "period",
                List.of("rate_per_100_fte"), null, "rate_ci95_lower", "rate_ci95_upper", List.of(), List.of(), Map.of(), null, 6);
        return new ChartData(c, true, List.of(
                row("period", "2021", "rate_per_100_fte", 4.2, "rate_ci95_lower", 3.9, "rate_ci95_upper", 4.5, "flag", ""),
                row("period", "2022", "rate_per_100_fte", 4.8, "rate_ci95_lower", 4.4, "rate_ci95_upper", 5.2, "flag", ""),
                row("period", "2023", "rate_per_100_fte", null, "rate_ci95_lower", null, "rate_ci95_upper", null, "flag", ":"),
                row("period", "2024", "rate_per_100_fte", 5.1, "rate_ci95_lower", 4.7, "rate_ci95_upper", 5.5, "flag", ""),
                row("period", "2025", "rate_per_100_fte", 5.3, "rate_ci95_lower", 4.9, "rate_ci95_upper", 5.7, "flag", "")));
    }
}
