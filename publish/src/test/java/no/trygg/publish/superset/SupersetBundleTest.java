package no.trygg.publish.superset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import no.trygg.publish.dashboards.ChartSpec;
import no.trygg.publish.dashboards.DashboardDefinitions;
import no.trygg.publish.dashboards.DashboardSpec;
import org.junit.jupiter.api.Test;

class SupersetBundleTest {

    static final List<DashboardSpec> DASHBOARDS = DashboardDefinitions.load();
    static final SupersetBundle.Connection TRINO = new SupersetBundle.Connection("Trygg (Trino)", "trino://superset@127.0.0.1:18080/trygg");
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");

    /** Every column any chart reads, typed as the marts type them (numbers double, counts bigint, the rest text). */
    static Map<String, List<PublishedColumn>> tables() {
        Map<String, Set<String>> cols = new LinkedHashMap<>();
        for (DashboardSpec d : DASHBOARDS) {
            for (ChartSpec c : d.charts()) {
                Set<String> s = cols.computeIfAbsent(c.dataset(), k -> new java.util.LinkedHashSet<>());
                s.addAll(c.readColumns());
                s.addAll(c.filters().keySet());
                s.add("flag");
            }
        }
        Map<String, List<PublishedColumn>> out = new LinkedHashMap<>();
        cols.forEach((t, names) -> out.put(t, names.stream().map(n -> new PublishedColumn(n, type(n))).toList()));
        return out;
    }

    static String type(String column) {
        if (column.equals("period_start")) return "date";
        if (column.equals("measured_at")) return "timestamp(6) with time zone";
        if (column.equals("incidents") || column.startsWith("offices") || column.equals("observed_incidents")) return "bigint";
        if (column.equals("survey_year")) return "integer";
        if (column.contains("rate") || column.contains("share") || column.contains("limit") || column.contains("ci95")
                || column.equals("value") || column.startsWith("expected") || column.equals("fte_years") || column.contains("centre")
                || column.equals("registered_per_exposed")) return "double";
        return "varchar";
    }

    static Map<String, Map<String, Object>> unzip(byte[] zip) throws IOException {
        Map<String, Map<String, Object>> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                assertTrue(e.getName().startsWith(SupersetBundle.ROOT + "/"), e.getName());
                @SuppressWarnings("unchecked")
                Map<String, Object> doc = YAML.readValue(in.readAllBytes(), Map.class);
                files.put(e.getName().substring(SupersetBundle.ROOT.length() + 1), doc);
            }
        }
        return files;
    }

    @Test
    void theBundleLinksEveryChartToADatasetAndEveryDashboardToItsCharts() throws IOException {
        SupersetBundle.Contents bundle = SupersetBundle.build(DASHBOARDS, tables(), TRINO, AT);
        Map<String, Map<String, Object>> files = unzip(bundle.zip());
        assertEquals("assets", files.get("metadata.yaml").get("type"));
        Map<String, Object> db = files.get(SupersetBundle.DATABASE_FILE);
        assertEquals("trino://superset@127.0.0.1:18080/trygg", db.get("sqlalchemy_uri"));
        assertEquals(false, db.get("allow_dml"));

        Set<String> datasetUuids = new HashSet<>();
        Set<String> chartUuids = new HashSet<>();
        int charts = 0;
        for (var f : files.entrySet()) {
            if (f.getKey().startsWith("datasets/")) {
                assertEquals(db.get("uuid"), f.getValue().get("database_uuid"));
                assertTrue(datasetUuids.add((String) f.getValue().get("uuid")));
            }
        }
        for (var f : files.entrySet()) {
            if (f.getKey().startsWith("charts/")) {
                charts++;
                assertTrue(datasetUuids.contains((String) f.getValue().get("dataset_uuid")), f.getKey() + " points at a dataset in the bundle");
                assertTrue(chartUuids.add((String) f.getValue().get("uuid")));
                Map<?, ?> ctx = new ObjectMapper().readValue((String) f.getValue().get("query_context"), Map.class);
                assertEquals(1, ((List<?>) ctx.get("queries")).size(), "a saved query context makes the chart-data API work");
            }
        }
        assertEquals(DASHBOARDS.stream().mapToInt(d -> d.charts().size()).sum(), charts);
        assertEquals(DASHBOARDS.size(), bundle.dashboardSlugs().size());
        for (DashboardSpec d : DASHBOARDS) {
            Map<?, ?> position = (Map<?, ?>) files.get("dashboards/" + d.slug() + ".yaml").get("position");
            List<String> linked = new ArrayList<>();
            position.values().forEach(n -> {
                if (n instanceof Map<?, ?> node && "CHART".equals(node.get("type"))) linked.add((String) ((Map<?, ?>) node.get("meta")).get("uuid"));
            });
            assertEquals(d.charts().size(), linked.size(), d.slug());
            assertTrue(chartUuids.containsAll(linked), d.slug() + " links charts of the bundle by UUID");
        }
    }

    @Test
    void theSameDefinitionsGiveTheSameIdsSoAnImportUpdatesInPlace() throws IOException {
        byte[] a = SupersetBundle.build(DASHBOARDS, tables(), TRINO, AT).zip();
        byte[] b = SupersetBundle.build(DASHBOARDS, tables(), TRINO, AT).zip();
        assertArrayEquals(a, b);
        assertEquals(SupersetBundle.uuid("dashboard", "trygg-national"), SupersetBundle.uuid("dashboard", "trygg-national"));
        Set<String> titles = new HashSet<>();
        DASHBOARDS.forEach(d -> d.charts().forEach(c -> assertTrue(titles.add(c.title()), "chart titles are unique: " + c.title())));
    }

    @Test
    void chartsShowSingleCellsAndTablesShowSuppressedCellsAsColon() throws IOException {
        Map<String, Map<String, Object>> files = unzip(SupersetBundle.build(DASHBOARDS, tables(), TRINO, AT).zip());
        String all = new ObjectMapper().writeValueAsString(files);
        assertFalse(all.contains("SUM("), "no chart adds cells up");
        Map<String, Object> table = files.get("charts/trygg-national_national-quarterly.yaml");
        assertEquals("table", table.get("viz_type"));
        String cols = new ObjectMapper().writeValueAsString(((Map<?, ?>) table.get("params")).get("all_columns"));
        assertTrue(cols.contains("CASE WHEN \\\"incidents\\\" IS NULL AND flag = ':' THEN ':' ELSE CAST(\\\"incidents\\\" AS varchar) END"), cols);
        Map<String, Object> trend = files.get("charts/trygg-national_national-yearly-rate.yaml");
        String form = new ObjectMapper().writeValueAsString(trend.get("params"));
        assertTrue(form.contains("\"metrics\":[\"max_rate_per_100_fte\",\"max_rate_ci95_lower\",\"max_rate_ci95_upper\"]"), form);
        assertTrue(form.contains("\\\"breakdown\\\" = 'national'") && form.contains("\\\"period_grain\\\" = 'YEAR'"), form);
        Map<String, Object> latest = files.get("datasets/trygg_trino/research_incident_rates__groups_size_latest.yaml");
        assertEquals("SELECT * FROM research.incident_rates WHERE (\"breakdown\" = 'size_class') AND (\"period_grain\" = 'YEAR')"
                + " AND \"period\" = (SELECT max(\"period\") FROM research.incident_rates"
                + " WHERE (\"breakdown\" = 'size_class') AND (\"period_grain\" = 'YEAR'))", latest.get("sql"),
                "the newest year among the chart's own rows, not the newest period of any grain");
    }

    @Test
    void aMissingTableOrColumnIsAClearError() {
        Map<String, List<PublishedColumn>> noSurvey = new LinkedHashMap<>(tables());
        noSurvey.remove("research.survey_indicators");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> SupersetBundle.build(DASHBOARDS, noSurvey, TRINO, AT));
        assertTrue(e.getMessage().contains("research.survey_indicators, which Trino does not show: run the pipeline first"), e.getMessage());
        Map<String, List<PublishedColumn>> noShare = new LinkedHashMap<>(tables());
        noShare.put("research.survey_indicators", List.of(new PublishedColumn("survey_year", "integer")));
        e = assertThrows(IllegalStateException.class, () -> SupersetBundle.build(DASHBOARDS, noShare, TRINO, AT));
        assertTrue(e.getMessage().contains("needs column"), e.getMessage());
    }
}
