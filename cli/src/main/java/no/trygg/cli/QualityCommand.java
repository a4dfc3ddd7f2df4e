package no.trygg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.pipelines.Pipeline;
import no.trygg.quality.QualityGate;
import no.trygg.quality.QualityGateException;
import no.trygg.quality.deequ.DeequAdapter;
import no.trygg.quality.report.QualityReport;
import no.trygg.quality.report.ReportWriter;
import no.trygg.quality.suites.SourceSuites;
import no.trygg.quality.suites.Suggestions;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "quality", mixinStandardHelpOptions = true,
        description = {"Data quality: the Deequ gate between silver and gold, its report, and check suggestions.",
                "Every run of the pipeline runs the gate; its verdicts and metrics are kept in the warehouse",
                "(quality.check_results, quality.metrics) so they can be queried and charted."},
        subcommands = {QualityCommand.Check.class, QualityCommand.Report.class, QualityCommand.Suggest.class})
final class QualityCommand extends CommandGroup {

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Run the quality gate on the current warehouse without loading anything new.",
                    "Exit code 4 when an Error-level check fails."})
    static final class Check implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            Console console = new Console();
            try (Sessions s = new Sessions(options.load())) {
                QualityGate.Result r = new QualityGate(s.warehouse, console::line).run(Pipeline.newRunId(java.time.Instant.now()));
                if (!r.passed()) throw new QualityGateException(r);
                return 0;
            }
        }
    }

    @Command(name = "report", mixinStandardHelpOptions = true,
            description = {"Write a self-contained HTML report (and JSON beside it) of a quality-gate run:",
                    "per dataset the checks, their status and observed values; the trend of key metrics",
                    "over earlier runs; quarantine counts by reason. Open the HTML file in any browser."})
    static final class Report implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder for quality.html and quality.json (default: <home>/reports).")
        Path out;

        @Option(names = "--run", paramLabel = "RUN_ID", description = "Report on this run (default: the newest).")
        String runId;

        @Override
        public Integer call() {
            var config = options.load();
            try (Sessions s = new Sessions(config)) {
                Path html = write(s.warehouse, out != null ? out : config.home().resolve("reports"), runId);
                System.out.println("Quality report: " + html);
                System.out.println("           and " + html.resolveSibling("quality.json"));
                return 0;
            }
        }

        static Path write(Warehouse warehouse, Path dir, String runId) {
            QualityReport report = QualityReport.read(warehouse, runId).orElseThrow(() -> new IllegalStateException(
                    runId == null ? "No quality results yet: run the pipeline first (bin/trygg run or bin/trygg demo)"
                            : "No quality results for run " + runId));
            return ReportWriter.write(report, dir);
        }
    }

    @Command(name = "suggest", mixinStandardHelpOptions = true,
            description = {"Profile a table with Deequ's constraint suggestion and print the suggested checks",
                    "as rule declarations in Trygg's own format, for onboarding a new source.",
                    "TABLE is <layer>.<table>, e.g. silver.incidents; a bronze source table (bronze.incidents)",
                    "is profiled as its newest export batch, one text column per source column."})
    static final class Suggest implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Option(names = "--table", required = true, paramLabel = "TABLE", description = "The table to profile.")
        String table;

        @Override
        public Integer call() {
            Console console = new Console();
            try (Sessions s = new Sessions(options.load())) {
                Dataset<Row> data = load(s.warehouse, table);
                long rows = data.count();
                console.line("Profiling " + table + " (" + String.format("%,d", rows) + " rows) with Deequ's constraint suggestion");
                List<String> lines = Suggestions.asRules(DeequAdapter.suggest(data));
                System.out.println();
                System.out.println("// Suggested rules for " + table + ". Paste into a suite under");
                System.out.println("// quality/src/main/java/no/trygg/quality/suites/ and review each level and threshold.");
                lines.forEach(System.out::println);
                return 0;
            }
        }

        static Dataset<Row> load(Warehouse warehouse, String table) {
            String[] parts = table.split("\\.");
            if (parts.length != 2) throw new IllegalArgumentException("--table must be <layer>.<table>, e.g. silver.incidents; was " + table);
            if (!warehouse.exists(parts[0], parts[1])) {
                throw new IllegalArgumentException("No table " + table + " in catalog " + warehouse.config().catalogName()
                        + " (try: bin/trygg sql \"SHOW TABLES IN " + parts[0] + "\")");
            }
            if (parts[0].equals(Warehouse.BRONZE)) {
                for (SourceFormat f : SourceFormat.values()) {
                    if (f.folder.equals(parts[1])) {
                        return SourceSuites.newestBatch(warehouse, f).orElseThrow().drop("ingest_run_id");
                    }
                }
            }
            return warehouse.read(parts[0], parts[1]);
        }
    }
}
