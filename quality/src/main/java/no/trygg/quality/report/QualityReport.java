package no.trygg.quality.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.max;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.trygg.jobs.silver.Quarantine;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.quality.history.AnomalyWatch;
import no.trygg.quality.history.QualityTables;
import org.apache.spark.sql.Row;

/**
 * What one quality-gate run found, read back from the quality tables: the verdicts, the trend of the
 * watched metrics over earlier runs, and quarantine counts by reason. Rendered by {@link ReportHtml}
 * for people and written as JSON for machines.
 */
public record QualityReport(String runId, Timestamp checkedAt, LocalDate asOf, String catalog,
                            List<Check> checks, List<Trend> trends, List<QuarantineCount> quarantine) {

    public record Check(String dataset, String kind, String rule, String level, String status, Double observed,
                        String observedText, String threshold, String message) {
    }

    public record Point(String runId, Timestamp measuredAt, double value) {
    }

    public record Trend(String dataset, String metric, List<Point> points) {
    }

    public record QuarantineCount(String source, String reason, long rows) {
    }

    /** PASSED, PASSED WITH WARNINGS, or STOPPED (an Error-level check failed). */
    public String overall() {
        if (checks.stream().anyMatch(c -> c.level().equals("ERROR") && c.status().equals("FAILED"))) return "STOPPED";
        if (checks.stream().anyMatch(c -> c.status().equals("FAILED"))) return "PASSED WITH WARNINGS";
        return "PASSED";
    }

    public long countStatus(String status) {
        return checks.stream().filter(c -> c.status().equals(status)).count();
    }

    /** The newest run's report, or {@code runId}'s; empty before the gate has ever run. */
    public static Optional<QualityReport> read(Warehouse warehouse, String runId) {
        if (!warehouse.exists(Warehouse.QUALITY, QualityTables.CHECK_RESULTS)) return Optional.empty();
        var results = warehouse.read(Warehouse.QUALITY, QualityTables.CHECK_RESULTS);
        String run = runId;
        if (run == null) {
            Row newest = results.orderBy(col("checked_at").desc(), col("run_id").desc()).select("run_id").first();
            run = newest.getString(0);
        }
        List<Row> rows = results.filter(col("run_id").equalTo(run)).collectAsList();
        if (rows.isEmpty()) return Optional.empty();
        List<Check> checks = rows.stream().map(r -> new Check(r.getAs("dataset"), r.getAs("kind"), r.getAs("rule"),
                r.getAs("level"), r.getAs("status"), r.getAs("observed"), r.getAs("observed_text"), r.getAs("threshold"),
                r.getAs("message"))).toList();
        Row first = rows.get(0);
        return Optional.of(new QualityReport(run, first.getAs("checked_at"), ((java.sql.Date) first.getAs("as_of")).toLocalDate(),
                warehouse.config().catalogName(), checks, trends(warehouse, (Timestamp) first.getAs("checked_at")),
                quarantine(warehouse)));
    }

    private static List<Trend> trends(Warehouse warehouse, Timestamp upTo) {
        if (!warehouse.exists(Warehouse.QUALITY, QualityTables.METRICS)) return List.of();
        List<Row> rows = warehouse.read(Warehouse.QUALITY, QualityTables.METRICS)
                .filter(col("instance").equalTo("*").and(col("measured_at").leq(upTo))
                        .and(col("metric").isin(AnomalyWatch.SIZE, AnomalyWatch.QUARANTINE_SHARE, AnomalyWatch.ROWS_PER_EXPORT_FILE)))
                .groupBy("dataset", "metric", "run_id").agg(max("measured_at").as("at"), max("value").as("value"))
                .orderBy("dataset", "metric", "at").collectAsList();
        Map<String, Trend> byKey = new LinkedHashMap<>();
        for (Row r : rows) {
            String key = r.getString(0) + "/" + r.getString(1);
            byKey.computeIfAbsent(key, k -> new Trend(r.getString(0), r.getString(1), new ArrayList<>()))
                    .points().add(new Point(r.getString(2), r.getTimestamp(3), r.getDouble(4)));
        }
        return List.copyOf(byKey.values());
    }

    private static List<QuarantineCount> quarantine(Warehouse warehouse) {
        if (!warehouse.exists(Warehouse.SILVER, Quarantine.TABLE)) return List.of();
        return warehouse.read(Warehouse.SILVER, Quarantine.TABLE).groupBy("source", "reason").agg(count("*"))
                .orderBy("source", "reason").collectAsList().stream()
                .map(r -> new QuarantineCount(r.getString(0), r.getString(1), r.getLong(2))).toList();
    }
}
