package no.trygg.quality;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.sum;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import no.trygg.jobs.bronze.BronzeTables;
import no.trygg.jobs.silver.HeldBack;
import no.trygg.jobs.silver.Quarantine;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.quality.deequ.DeequAdapter;
import no.trygg.quality.history.AnomalyWatch;
import no.trygg.quality.history.ExportDates;
import no.trygg.quality.history.MetricsHistory;
import no.trygg.quality.history.QualityTables;
import no.trygg.quality.rules.AnomalyRule;
import no.trygg.quality.rules.Level;
import no.trygg.quality.rules.QualityContext;
import no.trygg.quality.rules.Rule;
import no.trygg.quality.suites.SilverSuites;
import no.trygg.quality.suites.SourceSuites;
import no.trygg.quality.suites.TableSuite;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The quality gate between silver and gold: runs every suite with Deequ, watches metrics across runs for
 * anomalies, appends metrics and verdicts to the quality tables, and says whether the run may go on.
 */
public final class QualityGate {

    public enum Status { PASSED, FAILED, SKIPPED }

    /** One verdict, as stored in quality.check_results and shown in the report. */
    public record CheckRecord(String dataset, Rule.Kind kind, String rule, Level level, Status status, Double observed,
                              String observedText, String threshold, String message) {
        public boolean blocks() {
            return level == Level.ERROR && status == Status.FAILED;
        }

        /** "silver.incidents: sick_leave_days >= 0 [RANGE] observed 99.90 % of rows, required all rows". */
        public String line() {
            return dataset + ": " + rule + " [" + kind + "] observed " + (observedText != null ? observedText : "nothing")
                    + ", required " + threshold + (message != null && observed == null ? " (" + message + ")" : "");
        }
    }

    public record Result(String runId, LocalDate asOf, List<CheckRecord> checks, int metricsRecorded) {
        public List<CheckRecord> errors() {
            return checks.stream().filter(CheckRecord::blocks).toList();
        }

        public List<CheckRecord> warnings() {
            return checks.stream().filter(c -> c.level() == Level.WARNING && c.status() == Status.FAILED).toList();
        }

        public boolean passed() {
            return errors().isEmpty();
        }
    }

    /** A metric row before it is written: see {@link QualityTables#METRICS_SCHEMA}. */
    record MetricRow(String dataset, String entity, String instance, String metric, double value, String batch) {
    }

    private final Warehouse warehouse;
    private final Consumer<String> progress;
    private final List<TableSuite> suites;
    private final List<AnomalyRule> watches;

    public QualityGate(Warehouse warehouse, Consumer<String> progress) {
        this(warehouse, progress, defaultSuites(), AnomalyWatch.defaults());
    }

    public QualityGate(Warehouse warehouse, Consumer<String> progress, List<TableSuite> suites, List<AnomalyRule> watches) {
        this.warehouse = warehouse;
        this.progress = progress;
        this.suites = List.copyOf(suites);
        this.watches = List.copyOf(watches);
    }

    public static List<TableSuite> defaultSuites() {
        List<TableSuite> all = new ArrayList<>(SourceSuites.all());
        all.addAll(SilverSuites.all());
        return all;
    }

    /** Checks, records and returns the verdicts; the caller decides what a failed Error means (the pipeline stops). */
    public Result run(String runId) {
        Instant now = Instant.now();
        LocalDate asOf = warehouse.config().asOfDate();
        ExportDates exportDates = ExportDates.read(warehouse);
        QualityContext context = new QualityContext(asOf,
                () -> warehouse.read(Warehouse.SILVER, SilverTables.OFFICE_HISTORY), exportDates::newest);
        List<CheckRecord> checks = new ArrayList<>();
        List<MetricRow> metrics = new ArrayList<>();
        for (TableSuite suite : suites) {
            checkSuite(suite, context, checks, metrics);
        }
        metrics.addAll(batchMetrics());
        checks.addAll(anomalies(metrics));
        checks.addAll(heldBack());
        write(runId, now, asOf, checks, metrics);
        Result result = new Result(runId, asOf, checks, metrics.size());
        progress.accept(String.format("  %d checks: %d passed, %d warnings, %d errors, %d skipped (as of %s)", checks.size(),
                checks.stream().filter(c -> c.status() == Status.PASSED).count(), result.warnings().size(),
                result.errors().size(), checks.stream().filter(c -> c.status() == Status.SKIPPED).count(), asOf));
        result.warnings().forEach(c -> progress.accept("  warning: " + c.line()));
        result.errors().forEach(c -> progress.accept("  ERROR:   " + c.line()));
        return result;
    }

    private void checkSuite(TableSuite suite, QualityContext context, List<CheckRecord> checks, List<MetricRow> metrics) {
        Optional<Dataset<Row>> loaded = suite.load().apply(warehouse);
        if (loaded.isEmpty()) {
            for (Rule r : suite.rules()) {
                checks.add(new CheckRecord(suite.dataset(), r.kind(), r.describe(), r.level(), Status.SKIPPED, null, null,
                        r.threshold(), "no data yet"));
            }
            return;
        }
        Dataset<Row> data = loaded.get();
        for (Rule r : suite.rules()) {
            data = r.prepare(data, context);
        }
        String batch = suite.dataset().startsWith("source.") && java.util.Arrays.asList(data.columns()).contains("ingest_run_id")
                ? data.select("ingest_run_id").first().getString(0) : null;
        DeequAdapter.Verification v = DeequAdapter.verify(data, suite.rules());
        for (DeequAdapter.Outcome o : v.outcomes()) {
            Rule r = o.rule();
            checks.add(new CheckRecord(suite.dataset(), r.kind(), r.describe(), r.level(), o.passed() ? Status.PASSED : Status.FAILED,
                    o.observed(), o.observed() == null ? null : r.formatObserved(o.observed()), r.threshold(), o.message()));
        }
        for (DeequAdapter.MetricValue m : v.metrics()) {
            if (m.instance().startsWith("_")) continue; // helper columns are means, not measures
            metrics.add(new MetricRow(suite.dataset(), m.entity(), m.instance(), m.name(), m.value(), batch));
        }
    }

    /** Per source, for its newest batch: rows per export file and the share of rows quarantined. */
    private List<MetricRow> batchMetrics() {
        List<MetricRow> out = new ArrayList<>();
        if (!warehouse.exists(Warehouse.BRONZE, BronzeTables.INGESTED_FILES)) return out;
        Map<String, Long> quarantined = new HashMap<>();
        if (warehouse.exists(Warehouse.SILVER, Quarantine.TABLE)) {
            for (Row r : warehouse.read(Warehouse.SILVER, Quarantine.TABLE).groupBy("source", "ingest_run_id").agg(count("*")).collectAsList()) {
                quarantined.put(r.getString(0) + "/" + r.getString(1), r.getLong(2));
            }
        }
        Dataset<Row> files = warehouse.read(Warehouse.BRONZE, BronzeTables.INGESTED_FILES);
        for (SourceFormat s : SourceFormat.values()) {
            Optional<String> batch = SourceSuites.newestBatchId(warehouse, s);
            if (batch.isEmpty()) continue;
            Row r = files.filter(col("source").equalTo(s.folder).and(col("ingest_run_id").equalTo(batch.get())))
                    .agg(sum("rows"), countDistinct("source_file")).first();
            long rows = r.isNullAt(0) ? 0 : r.getLong(0);
            long fileCount = r.getLong(1);
            String dataset = SourceSuites.dataset(s);
            if (fileCount > 0) {
                out.add(new MetricRow(dataset, "Dataset", "*", AnomalyWatch.ROWS_PER_EXPORT_FILE, (double) rows / fileCount, batch.get()));
            }
            if (rows > 0) {
                long q = quarantined.getOrDefault(s.folder + "/" + batch.get(), 0L);
                out.add(new MetricRow(dataset, "Dataset", "*", AnomalyWatch.QUARANTINE_SHARE, (double) q / rows, batch.get()));
            }
        }
        return out;
    }

    /** Input silver quarantined but that would still make a number wrong ({@link HeldBack}): each one stops the run. */
    private List<CheckRecord> heldBack() {
        if (!warehouse.exists(Warehouse.SILVER, Quarantine.TABLE)) return List.of();
        List<String> reasons = HeldBack.decode(warehouse.snapshotProperty(Warehouse.SILVER, Quarantine.TABLE, HeldBack.PROPERTY).orElse(null));
        List<CheckRecord> out = new ArrayList<>();
        out.add(new CheckRecord(SilverSuites.dataset(Quarantine.TABLE), Rule.Kind.PLAUSIBILITY, "nothing held back as implausible",
                Level.ERROR, reasons.isEmpty() ? Status.PASSED : Status.FAILED, null, // no number: the line shows the reasons
                reasons.size() + " held back", "none held back", reasons.isEmpty() ? null : String.join("; ", reasons)));
        return out;
    }

    private List<CheckRecord> anomalies(List<MetricRow> current) {
        MetricsHistory history = MetricsHistory.read(warehouse);
        List<CheckRecord> out = new ArrayList<>();
        for (AnomalyRule watch : watches) {
            Optional<MetricRow> now = current.stream()
                    .filter(m -> m.dataset().equals(watch.dataset()) && m.metric().equals(watch.metric()) && m.instance().equals("*"))
                    .findFirst();
            String rule = watch.metric() + " " + watch.strategy().describe();
            if (now.isEmpty()) {
                out.add(new CheckRecord(watch.dataset(), Rule.Kind.ANOMALY, rule, watch.level(), Status.SKIPPED, null, null,
                        "no sudden change", "not measured this run"));
                continue;
            }
            List<Double> earlier = history.series(watch.dataset(), watch.metric(), now.get().batch());
            if (earlier.size() > AnomalyWatch.RECENT) earlier = earlier.subList(earlier.size() - AnomalyWatch.RECENT, earlier.size());
            int needed = watch.strategy() instanceof AnomalyRule.NormalRange ? AnomalyWatch.MIN_HISTORY_FOR_NORMAL_RANGE : 1;
            double value = now.get().value();
            String observed = String.format(java.util.Locale.ROOT, "%.4g", value);
            if (earlier.size() < needed) {
                out.add(new CheckRecord(watch.dataset(), Rule.Kind.ANOMALY, rule, watch.level(), Status.SKIPPED, value, observed,
                        "no sudden change", "not enough history yet (" + earlier.size() + " of " + needed + " earlier values)"));
                continue;
            }
            Optional<String> anomaly = DeequAdapter.anomaly(watch.strategy(), earlier, value);
            out.add(new CheckRecord(watch.dataset(), Rule.Kind.ANOMALY, rule, watch.level(),
                    anomaly.isPresent() ? Status.FAILED : Status.PASSED, value, observed, "no sudden change",
                    anomaly.map(a -> a + "; " + watch.why()).orElse(null)));
        }
        return out;
    }

    private void write(String runId, Instant now, LocalDate asOf, List<CheckRecord> checks, List<MetricRow> metrics) {
        Timestamp at = Timestamp.from(now);
        Map<String, String> props = Map.of(Warehouse.RUN_ID, runId);
        List<Row> metricRows = metrics.stream().map(m -> RowFactory.create(runId, at, m.dataset(), m.entity(), m.instance(),
                m.metric(), m.value(), m.batch())).toList();
        List<Row> checkRows = checks.stream().map(c -> RowFactory.create(runId, at, Date.valueOf(asOf), c.dataset(),
                c.kind().name(), c.rule(), c.level().name(), c.status().name(), c.observed(), c.observedText(), c.threshold(),
                c.message())).toList();
        // Verdicts first: a crash in between leaves a run's verdicts without its metrics, never metrics without verdicts.
        warehouse.append(warehouse.spark().createDataFrame(checkRows, QualityTables.CHECK_RESULTS_SCHEMA), Warehouse.QUALITY,
                QualityTables.CHECK_RESULTS, props);
        if (!metricRows.isEmpty()) {
            warehouse.append(warehouse.spark().createDataFrame(metricRows, QualityTables.METRICS_SCHEMA), Warehouse.QUALITY,
                    QualityTables.METRICS, props);
        }
    }
}
