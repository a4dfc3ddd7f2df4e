package no.trygg.publish.superset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import no.trygg.publish.dashboards.ChartSpec;
import no.trygg.publish.dashboards.DashboardSpec;
import no.trygg.publish.research.Glossary;

/**
 * Superset's asset bundle (a ZIP of YAML, format v1) for Trygg's dashboards: the Trino database connection,
 * one dataset per published table (plus a "latest" dataset where a chart shows only the newest year), the
 * charts and the dashboards. UUIDs derive from names, so importing the bundle again updates in place.
 * Pure: the caller supplies the published tables' columns, read from Trino.
 */
public final class SupersetBundle {

    /** Folder inside the ZIP; Superset strips the first path part of every entry. */
    static final String ROOT = "trygg_dashboards";
    static final String DATABASE_FILE = "databases/trygg_trino.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)); // quoted strings: PyYAML would turn an unquoted timestamp into a datetime
    private static final ObjectMapper JSON = new ObjectMapper();
    // Python's isoformat: marshmallow in Superset refuses the "Z" of Instant.toString().
    private static final java.time.format.DateTimeFormatter TIMESTAMP = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'+00:00'").withZone(java.time.ZoneOffset.UTC);

    /**
     * @param databaseName  the connection's name in Superset
     * @param sqlalchemyUri e.g. trino://superset@127.0.0.1:18080/trygg (no password in it)
     */
    public record Connection(String databaseName, String sqlalchemyUri) {
    }

    /** What the bundle holds, for checking a Superset after import. */
    public record Contents(Set<String> dashboardSlugs, Set<String> chartNames, Set<String> datasetNames, byte[] zip) {
    }

    private SupersetBundle() {
    }

    public static UUID uuid(String kind, String key) {
        return UUID.nameUUIDFromBytes(("trygg:" + kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A chart's dataset: its table, or a view of the newest rows a chart selects where it shows only the latest
     * value (named after the chart, as the selection is the chart's own).
     */
    public static String datasetName(ChartSpec chart) {
        return chart.latest() == null ? chart.table() : chart.table() + "__" + chart.name().replace('-', '_');
    }

    /**
     * @param columns every published table a chart reads ({@code schema.table}) → its columns in order
     */
    public static Contents build(List<DashboardSpec> dashboards, Map<String, List<PublishedColumn>> columns, Connection connection,
                                 Instant createdAt) {
        UUID databaseUuid = uuid("database", connection.databaseName());
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("metadata.yaml", yaml(Map.of("version", "1.0.0", "type", "assets", "timestamp", TIMESTAMP.format(createdAt))));
        files.put(DATABASE_FILE, yaml(database(connection, databaseUuid)));

        Map<String, ChartSpec> datasetCharts = new LinkedHashMap<>();
        Map<String, Set<String>> metricsByDataset = new LinkedHashMap<>();
        for (DashboardSpec d : dashboards) {
            for (ChartSpec c : d.charts()) {
                String key = c.schema() + "." + datasetName(c);
                datasetCharts.putIfAbsent(key, c);
                metricsByDataset.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(ChartForms.plotted(c));
            }
        }
        for (Map.Entry<String, ChartSpec> e : datasetCharts.entrySet()) {
            ChartSpec c = e.getValue();
            files.put("datasets/trygg_trino/" + c.schema() + "_" + datasetName(c) + ".yaml",
                    yaml(dataset(c, columnsOf(c, columns), metricsByDataset.get(e.getKey()), databaseUuid)));
        }
        Set<String> chartNames = new LinkedHashSet<>();
        for (DashboardSpec d : dashboards) {
            for (ChartSpec c : d.charts()) {
                chartNames.add(c.title());
                files.put("charts/" + d.slug() + "_" + c.name() + ".yaml", yaml(chart(d, c, columnsOf(c, columns))));
            }
            files.put("dashboards/" + d.slug() + ".yaml", yaml(dashboard(d)));
        }
        Set<String> slugs = new LinkedHashSet<>(dashboards.stream().map(DashboardSpec::slug).toList());
        Set<String> datasets = new LinkedHashSet<>(datasetCharts.values().stream().map(SupersetBundle::datasetName).toList());
        return new Contents(slugs, chartNames, datasets, zip(files));
    }

    private static Map<String, PublishedColumn> columnsOf(ChartSpec c, Map<String, List<PublishedColumn>> columns) {
        List<PublishedColumn> cols = columns.get(c.dataset());
        if (cols == null || cols.isEmpty()) {
            throw new IllegalStateException("Chart '" + c.title() + "' reads " + c.dataset() + ", which Trino does not show: run the pipeline first");
        }
        Map<String, PublishedColumn> byName = new LinkedHashMap<>();
        cols.forEach(p -> byName.put(p.name(), p));
        for (String needed : c.readColumns()) {
            if (!byName.containsKey(needed)) throw new IllegalStateException("Chart '" + c.title() + "' needs column " + needed + " of " + c.dataset()
                    + ", which has " + byName.keySet());
        }
        for (String f : c.filters().keySet()) {
            if (!byName.containsKey(f)) throw new IllegalStateException("Chart '" + c.title() + "' filters on unknown column " + f + " of " + c.dataset());
        }
        return byName;
    }

    private static Map<String, Object> database(Connection connection, UUID uuid) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database_name", connection.databaseName());
        m.put("sqlalchemy_uri", connection.sqlalchemyUri());
        m.put("cache_timeout", null);
        m.put("expose_in_sqllab", true);
        m.put("allow_run_async", false);
        m.put("allow_ctas", false);
        m.put("allow_cvas", false);
        m.put("allow_dml", false); // the Trino user is read-only anyway; say so here too
        m.put("extra", Map.of("allows_virtual_table_explore", true, "engine_params", Map.of(), "metadata_params", Map.of(),
                "schemas_allowed_for_file_upload", List.of()));
        m.put("uuid", uuid.toString());
        m.put("version", "1.0.0");
        return m;
    }

    private static Map<String, Object> dataset(ChartSpec c, Map<String, PublishedColumn> columns, Set<String> plotted, UUID databaseUuid) {
        String name = datasetName(c);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("table_name", name);
        m.put("schema", c.schema());
        m.put("main_dttm_col", columns.values().stream().filter(PublishedColumn::temporal).map(PublishedColumn::name).findFirst().orElse(null));
        m.put("description", c.latest() == null ? "Publisert tabell " + c.dataset()
                : "Nyeste " + c.latest() + " i " + c.dataset() + " for diagrammet «" + c.title() + "» (følger med når et nytt år publiseres)");
        m.put("sql", c.latest() == null ? null : latestRows(c, columns));
        m.put("params", null);
        m.put("filter_select_enabled", true);
        m.put("uuid", uuid("dataset", c.schema() + "." + name).toString());
        m.put("database_uuid", databaseUuid.toString());
        m.put("version", "1.0.0");
        List<Map<String, Object>> cols = new ArrayList<>();
        for (PublishedColumn p : columns.values()) {
            Map<String, Object> col = new LinkedHashMap<>();
            col.put("column_name", p.name());
            col.put("verbose_name", label(p.name()));
            col.put("is_dttm", p.temporal());
            col.put("is_active", true);
            col.put("type", p.trinoType().toUpperCase(java.util.Locale.ROOT));
            col.put("groupby", true);
            col.put("filterable", true);
            col.put("expression", null);
            col.put("description", Glossary.find(p.name()).map(Glossary.Term::comment).orElse(null));
            cols.add(col);
        }
        m.put("columns", cols);
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (String p : plotted) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("metric_name", ChartForms.metricName(p));
            metric.put("verbose_name", label(p));
            metric.put("metric_type", "max");
            metric.put("expression", "MAX(" + ChartForms.quoted(p) + ")");
            metric.put("description", "Verdien i én publisert celle (grupper på alle inndelingskolonner); tom når prikket");
            metric.put("d3format", null);
            metrics.add(metric);
        }
        m.put("metrics", metrics);
        return m;
    }

    /**
     * The chart's rows of the newest {@code latest}: a view instead of a sub-query in a chart filter, since Superset
     * refuses sub-queries in ad-hoc filters unless ALLOW_ADHOC_SUBQUERY is on; this way the dashboard moves on by itself.
     */
    static String latestRows(ChartSpec c, Map<String, PublishedColumn> columns) {
        String where = ChartForms.whereClause(c, columns);
        String latest = ChartForms.quoted(c.latest());
        return "SELECT * FROM " + c.dataset() + " WHERE " + (where.isEmpty() ? "" : where + " AND ") + latest
                + " = (SELECT max(" + latest + ") FROM " + c.dataset() + (where.isEmpty() ? "" : " WHERE " + where) + ")";
    }

    private static Map<String, Object> chart(DashboardSpec d, ChartSpec c, Map<String, PublishedColumn> columns) {
        Map<String, Object> form = ChartForms.formData(c, columns);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("slice_name", c.title());
        m.put("description", c.description().isBlank() ? null : c.description());
        m.put("viz_type", ChartForms.vizType(c.kind()));
        m.put("params", form);
        m.put("query_context", json(ChartForms.queryContext(c, columns, form)));
        m.put("cache_timeout", null);
        m.put("uuid", chartUuid(d, c).toString());
        m.put("version", "1.0.0");
        m.put("dataset_uuid", uuid("dataset", c.schema() + "." + datasetName(c)).toString());
        return m;
    }

    static UUID chartUuid(DashboardSpec d, ChartSpec c) {
        return uuid("chart", d.slug() + "/" + c.name());
    }

    private static Map<String, Object> dashboard(DashboardSpec d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dashboard_title", d.title());
        m.put("description", null);
        m.put("css", "");
        m.put("slug", d.slug());
        m.put("uuid", uuid("dashboard", d.slug()).toString());
        m.put("position", DashboardLayout.position(d));
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("refresh_frequency", 0);
        meta.put("expanded_slices", Map.of());
        meta.put("label_colors", Map.of());
        meta.put("timed_refresh_immune_slices", List.of());
        meta.put("default_filters", "{}");
        meta.put("chart_configuration", Map.of());
        meta.put("native_filter_configuration", List.of());
        meta.put("cross_filters_enabled", false);
        m.put("metadata", meta);
        m.put("version", "1.0.0");
        m.put("published", true);
        return m;
    }

    /** A short label: the glossary's bokmål text up to its first ';' (the rest explains suppression). */
    static String label(String column) {
        return Glossary.find(column).map(t -> t.nb().split(";")[0].trim()).orElse(column);
    }

    private static byte[] yaml(Object value) {
        try {
            return YAML.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(ROOT + "/" + f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
