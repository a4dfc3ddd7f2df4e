package no.trygg.publish.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads every chart's rows through Spark ({@link ChartRows#select}) and writes the static dashboard page,
 * {@code <home>/dashboard/index.html} by default. A table that is not published yet gives "Ingen data ennå".
 */
public final class StaticDashboardJob {

    public static final String FILE = "index.html";

    private StaticDashboardJob() {
    }

    /** Writes the page into {@code outDir} and returns its path; {@code progress} hears one line per dashboard. */
    public static Path write(Warehouse warehouse, Path outDir, Consumer<String> progress) {
        List<DashboardSpec> dashboards = DashboardDefinitions.load();
        Map<ChartSpec, ChartData> data = new LinkedHashMap<>();
        for (DashboardSpec d : dashboards) {
            long empty = 0;
            for (ChartSpec c : d.charts()) {
                ChartData cd = read(warehouse, c);
                data.put(c, cd);
                if (cd.isEmpty()) empty++;
            }
            progress.accept(d.title() + ": " + d.charts().size() + " figurer" + (empty > 0 ? " (" + empty + " uten data ennå)" : ""));
        }
        String html = StaticDashboard.html(dashboards, data, provenance(warehouse, Instant.now()));
        try {
            Files.createDirectories(outDir);
            Path page = outDir.resolve(FILE);
            Files.writeString(page, html, StandardCharsets.UTF_8);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the static dashboard to " + outDir, e);
        }
    }

    /** The chart's rows from its published table, or a chart without data when the table does not exist yet. */
    public static ChartData read(Warehouse warehouse, ChartSpec chart) {
        if (!warehouse.exists(chart.schema(), chart.table())) return ChartData.notPublished(chart);
        return new ChartData(chart, true, rows(ChartRows.select(warehouse.read(chart.schema(), chart.table()), chart)));
    }

    /** Spark rows as column → plain Java value (dates as java.time, decimals as double). */
    public static List<Map<String, Object>> rows(Dataset<Row> selected) {
        String[] columns = selected.columns();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row r : selected.collectAsList()) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) row.put(columns[i], plain(r.get(i)));
            out.add(row);
        }
        return out;
    }

    static Object plain(Object v) {
        if (v instanceof java.sql.Date d) return d.toLocalDate();
        if (v instanceof java.sql.Timestamp t) return t.toLocalDateTime();
        if (v instanceof Instant i) return java.time.LocalDateTime.ofInstant(i, java.time.ZoneId.systemDefault());
        if (v instanceof BigDecimal b) return b.doubleValue();
        return v;
    }

    /** Code version and silver snapshot of the gold behind the main research view, when it carries them. */
    static StaticDashboard.Provenance provenance(Warehouse warehouse, Instant now) {
        String namespace = "research", table = "incident_rates";
        if (!warehouse.exists(namespace, table)) return new StaticDashboard.Provenance(now, null, null);
        Dataset<Row> rates = warehouse.read(namespace, table);
        List<String> columns = List.of(rates.columns());
        String code = columns.contains("code_version") ? first(rates, "code_version") : null;
        String silver = columns.contains("silver_snapshot") ? first(rates, "silver_snapshot") : null;
        return new StaticDashboard.Provenance(now, code, silver);
    }

    private static String first(Dataset<Row> table, String column) {
        List<Row> rows = table.select(column).where(table.col(column).isNotNull()).limit(1).collectAsList();
        return rows.isEmpty() ? null : String.valueOf(rows.get(0).get(0));
    }
}
