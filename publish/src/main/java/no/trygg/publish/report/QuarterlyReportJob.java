package no.trygg.publish.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.dashboards.StaticDashboardJob;
import no.trygg.quality.report.QualityReport;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Reads the gold marts and writes the quarterly report as PDF and HTML ({@code trygg-report-2025Q3-nb.pdf}, ...),
 * by default into {@code <home>/reports/}. Each file is written beside its final name and moved into place, so a
 * reader never opens half a report.
 */
public final class QuarterlyReportJob {

    /** The files written. */
    public record Written(Quarter quarter, Path pdf, Path html, int pages) {
    }

    private QuarterlyReportJob() {
    }

    /**
     * @param quarter the quarter to report, or null for the latest complete quarter in the marts
     */
    public static Written write(Warehouse warehouse, Quarter quarter, ReportLanguage language, Path outDir, Consumer<String> progress) {
        if (!warehouse.exists(Warehouse.GOLD, GoldTables.INCIDENT_RATES)) {
            throw new IllegalStateException("No gold marts yet: run the pipeline first (bin/trygg run or bin/trygg demo)");
        }
        List<Map<String, Object>> national = rows(gold(warehouse, GoldTables.INCIDENT_RATES).filter(col("breakdown").equalTo("national")));
        Quarter q = quarter != null ? quarter : QuarterlyReport.latestComplete(national)
                .orElseThrow(() -> new IllegalStateException("The marts have no complete quarter yet"));
        if (national.stream().noneMatch(r -> q.id().equals(r.get("period")))) {
            throw new IllegalArgumentException("No figures for " + q + " in gold.incident_rates: the marts cover " + coverage(national));
        }
        progress.accept("Reading the marts for " + q);
        MartRows rows = new MartRows(national,
                rows(gold(warehouse, GoldTables.INCIDENT_RATES).filter(col("period_grain").equalTo("QUARTER")
                        .and(col("period").isin(q.id(), q.sameQuarterLastYear().id()))
                        .and(col("breakdown").isin(concat(MartRows.GROUP_BREAKDOWNS, MartRows.MIX_BREAKDOWNS).toArray())))),
                rows(gold(warehouse, GoldTables.NATIONAL_MONTHLY)),
                rows(gold(warehouse, GoldTables.SURVEY_INDICATORS).filter(col("breakdown").equalTo("national"))),
                rows(gold(warehouse, GoldTables.MEASURES_COVERAGE).filter(col("grouping").equalTo("ALL"))));
        QuarterlyReport report = QuarterlyReport.build(q, language, rows, methods(warehouse, national));

        progress.accept("Rendering " + report.sections().values().stream().mapToInt(List::size).sum() + " charts to PDF");
        String xhtml = ReportHtml.xhtml(report);
        byte[] pdf = ReportPdf.render(xhtml);
        String base = "trygg-report-" + q.id() + "-" + language.code();
        Path pdfFile = outDir.resolve(base + ".pdf"), htmlFile = outDir.resolve(base + ".html");
        writeAtomically(htmlFile, xhtml.getBytes(StandardCharsets.UTF_8));
        writeAtomically(pdfFile, pdf);
        return new Written(q, pdfFile, htmlFile, ReportPdf.pages(pdf));
    }

    private static Dataset<Row> gold(Warehouse warehouse, String table) {
        if (!warehouse.exists(Warehouse.GOLD, table)) throw new IllegalStateException("Gold table " + table + " is missing: rebuild the marts (bin/trygg run)");
        return warehouse.read(Warehouse.GOLD, table);
    }

    private static List<Map<String, Object>> rows(Dataset<Row> rows) {
        return StaticDashboardJob.rows(rows);
    }

    private static ReportMethods methods(Warehouse warehouse, List<Map<String, Object>> national) {
        ReportMethods.QualityStatus quality = QualityReport.read(warehouse, null).map(r -> new ReportMethods.QualityStatus(
                r.checkedAt().toInstant(), r.runId(), r.checks().size(),
                r.checks().stream().filter(c -> c.level().equals("ERROR") && c.status().equals("FAILED")).count(),
                r.checks().stream().filter(c -> !c.level().equals("ERROR") && c.status().equals("FAILED")).count())).orElse(null);
        Map<String, Object> any = national.isEmpty() ? Map.of() : national.get(0);
        return new ReportMethods(warehouse.config().disclosure(), quality, (String) any.get(GoldTables.SILVER_SNAPSHOT),
                warehouse.snapshotId(Warehouse.GOLD, GoldTables.INCIDENT_RATES), (String) any.get(GoldTables.CODE_VERSION), Instant.now());
    }

    private static String coverage(List<Map<String, Object>> national) {
        List<Quarter> quarters = national.stream().filter(r -> "QUARTER".equals(r.get("period_grain")))
                .map(r -> Quarter.parse(String.valueOf(r.get("period")))).sorted().toList();
        return quarters.isEmpty() ? "no quarter" : quarters.get(0) + "–" + quarters.get(quarters.size() - 1);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void writeAtomically(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
