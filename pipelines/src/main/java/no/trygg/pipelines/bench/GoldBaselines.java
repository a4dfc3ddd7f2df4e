package no.trygg.pipelines.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The gold aggregations as one SQL query, run three ways over the same silver data: Spark on the Iceberg tables (as
 * the pipeline reads them), plain Spark SQL over the tables' Parquet files (no Iceberg), and DuckDB over the same
 * files (the practical limit on one machine). The pipeline's overhead and its distance from the limit then become
 * ratios of measured times. Each engine's result is reduced to a checksum, so they are known to do the same work.
 *
 * <p>The query: incidents by month, quarter and year, nationally and by each office or incident dimension
 * (21 grouping sets), joined with FTE-years by the same periods and office dimensions, and the rate per 100 FTE-years.
 * It is the core of {@code gold.incident_rates} without the dense zero cells and the disclosure control.
 */
public final class GoldBaselines {

    /** One engine's timings and what it computed. */
    public record Timing(String engine, List<Double> seconds, Checksum result) {
        public double median() {
            List<Double> s = seconds.stream().sorted().toList();
            return s.get(s.size() / 2);
        }
    }

    /** Row count and column totals of a result: equal for every engine that did the same work. */
    public record Checksum(long rows, long incidents, double fteYears) {
        boolean sameAs(Checksum o) {
            return rows == o.rows && incidents == o.incidents && Math.abs(fteYears - o.fteYears) <= 1e-6 * Math.max(1, Math.abs(fteYears));
        }
    }

    static final List<String> OFFICE_DIMENSIONS = List.of("size_class", "county_no", "channel_strategy_stage");
    static final List<String> INCIDENT_DIMENSIONS = List.of("incident_type", "channel", "severity");
    private static final List<String> PERIODS = List.of("y", "y, q", "y, q, m");
    private static final List<String> TABLES = List.of(SilverTables.INCIDENTS, SilverTables.OFFICE_HISTORY, SilverTables.OFFICE_MONTH);

    private GoldBaselines() {
    }

    /** The query, in SQL both Spark and DuckDB accept, over views named incidents, office_history and office_month. */
    public static String query() {
        List<String> all = new ArrayList<>(OFFICE_DIMENSIONS);
        all.addAll(INCIDENT_DIMENSIONS);
        String officeCols = String.join(", ", OFFICE_DIMENSIONS);
        String allCols = String.join(", ", all);
        return "WITH inc AS (SELECT year(i.occurred_date) AS y, quarter(i.occurred_date) AS q, month(i.occurred_date) AS m, "
                + "o.size_class, o.county_no, o.channel_strategy_stage, i.incident_type, i.channel, CAST(i.severity AS STRING) AS severity "
                + "FROM incidents i JOIN office_history o ON i.office_version_key = o.office_version_key), "
                + "counts AS (SELECT y, q, m, " + allCols + ", count(*) AS incidents FROM inc GROUP BY GROUPING SETS (" + sets(all) + ")), "
                + "exposure AS (SELECT year(om.month) AS y, quarter(om.month) AS q, month(om.month) AS m, " + prefixed("o", OFFICE_DIMENSIONS)
                + ", om.fte FROM office_month om JOIN office_history o ON om.office_version_key = o.office_version_key), "
                + "fte AS (SELECT y, q, m, " + officeCols + ", sum(fte) / 12 AS fte_years FROM exposure GROUP BY GROUPING SETS ("
                + sets(OFFICE_DIMENSIONS) + ")) "
                + "SELECT c.y, c.q, c.m, " + prefixed("c", all) + ", c.incidents, f.fte_years, 100.0 * c.incidents / f.fte_years AS rate_per_100_fte "
                + "FROM counts c LEFT JOIN fte f ON c.y = f.y AND c.q IS NOT DISTINCT FROM f.q AND c.m IS NOT DISTINCT FROM f.m"
                + OFFICE_DIMENSIONS.stream().map(d -> " AND c." + d + " IS NOT DISTINCT FROM f." + d).collect(Collectors.joining());
    }

    /** Every period grain alone (national) and with each dimension alone. */
    private static String sets(List<String> dimensions) {
        List<String> sets = new ArrayList<>();
        for (String p : PERIODS) {
            sets.add("(" + p + ")");
            for (String d : dimensions) sets.add("(" + p + ", " + d + ")");
        }
        return String.join(", ", sets);
    }

    private static String prefixed(String alias, List<String> columns) {
        return columns.stream().map(c -> alias + "." + c).collect(Collectors.joining(", "));
    }

    /** Spark reading the Iceberg tables through the catalog: what the pipeline's gold step reads. */
    public static Timing icebergSpark(Warehouse w, int runs, Consumer<String> progress) {
        for (String t : TABLES) w.read(Warehouse.SILVER, t).createOrReplaceTempView(t);
        return time("Spark + Iceberg", runs, progress, () -> checksum(w.spark().sql(query()).collectAsList()));
    }

    /** Plain Spark SQL over the same Parquet files, without the Iceberg catalog. */
    public static Timing plainSpark(SparkSession spark, Map<String, List<String>> files, int runs, Consumer<String> progress) {
        for (String t : TABLES) spark.read().parquet(files.get(t).toArray(String[]::new)).createOrReplaceTempView(t);
        return time("plain Spark SQL (Parquet)", runs, progress, () -> checksum(spark.sql(query()).collectAsList()));
    }

    /** DuckDB (in memory, its default threads) over the same Parquet files. */
    public static Timing duckDb(Map<String, List<String>> files, int runs, Consumer<String> progress) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            for (String t : TABLES) {
                String list = files.get(t).stream().map(f -> "'" + f.replace("'", "''") + "'").collect(Collectors.joining(", "));
                s.execute("CREATE VIEW " + t + " AS SELECT * FROM read_parquet([" + list + "])");
            }
            return time("DuckDB (Parquet)", runs, progress, () -> {
                try (ResultSet rs = s.executeQuery(query())) {
                    long rows = 0, incidents = 0;
                    double fte = 0;
                    while (rs.next()) {
                        rows++;
                        incidents += rs.getLong("incidents");
                        fte += rs.getDouble("fte_years");
                    }
                    return new Checksum(rows, incidents, fte);
                } catch (SQLException e) {
                    throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException("DuckDB: " + e.getMessage(), e);
        }
    }

    /** The data files of the current snapshot of each silver table the query reads (local paths). */
    public static Map<String, List<String>> parquetFiles(Warehouse w) {
        Map<String, List<String>> files = new java.util.LinkedHashMap<>();
        for (String t : TABLES) {
            List<String> paths = new ArrayList<>();
            try (CloseableIterable<FileScanTask> tasks = w.icebergTable(Warehouse.SILVER, t).newScan().planFiles()) {
                for (FileScanTask task : tasks) {
                    if (!task.deletes().isEmpty()) throw new IllegalStateException(t + " has delete files: the Parquet baselines would read deleted rows");
                    paths.add(java.net.URI.create(task.file().path().toString()).getPath());
                }
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            files.put(t, paths);
        }
        return files;
    }

    /** The engines' checksums must agree, or the comparison compares different work. */
    public static void assertSameWork(List<Timing> timings) {
        Checksum first = timings.get(0).result();
        for (Timing t : timings) {
            if (!t.result().sameAs(first)) {
                throw new IllegalStateException("The engines computed different results: " + timings.get(0).engine() + " " + first + ", "
                        + t.engine() + " " + t.result());
            }
        }
    }

    private static Checksum checksum(List<Row> rows) {
        long incidents = 0;
        double fte = 0;
        for (Row r : rows) {
            incidents += r.getLong(r.fieldIndex("incidents"));
            Object f = r.get(r.fieldIndex("fte_years"));
            if (f != null) fte += ((Number) f).doubleValue();
        }
        return new Checksum(rows.size(), incidents, fte);
    }

    /** One untimed warm-up, then {@code runs} timed runs. */
    private static Timing time(String engine, int runs, Consumer<String> progress, java.util.function.Supplier<Checksum> work) {
        Checksum result = work.get();
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            Checksum again = work.get();
            seconds.add((System.nanoTime() - t) / 1e9);
            if (!again.sameAs(result)) throw new IllegalStateException(engine + " gave a different result on run " + (i + 1));
            progress.accept(String.format("  %-28s run %d: %.2f s", engine, i + 1, seconds.get(i)));
        }
        return new Timing(engine, seconds, result);
    }
}
