package no.trygg.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.privacy.PseudonymKey;
import no.trygg.pipelines.Pipeline;
import no.trygg.jobs.warehouse.HomeLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Run the pipeline on the source exports: new files → bronze → silver → checks.",
                "Files loaded before are skipped (by checksum); with no new input nothing changes.",
                "A run killed midway leaves no partial table content; run again to complete it."})
final class RunCommand implements Callable<Integer> {

    @Mixin
    WarehouseOptions options;

    @Option(names = "--sources", paramLabel = "DIR", description = "Folder with one sub-folder per source (default: <home>/sources).")
    Path sources;

    @Override
    public Integer call() throws Exception {
        Map<String, String> extra = new LinkedHashMap<>();
        if (sources != null) extra.put("trygg.sources.dir", sources.toString());
        TryggConfig config = options.load(extra);
        if (through != null && config.qualityAsOf() == null) {
            // A run for day D (a scheduler's logical date) judges freshness as the morning after D, not as of today,
            // so a backfill of last year passes or fails exactly as the runs on those days would have.
            config = config.withQualityAsOf(through.plusDays(1));
        }
        return runPipeline(config, new Console(), report, false, through, until, rebuild);
    }

    @Option(names = "--rebuild", description = "Rebuild all of silver from all of bronze (and everything after it), as after a"
            + " changed rule. Without it a run rebuilds only the silver tables of sources with new rows; a new code version,"
            + " key or office register rebuilds everything by itself.")
    boolean rebuild;

    @Option(names = "--through", paramLabel = "DATE",
            description = "Ingest only the exports due by this day (the date in the file name; a month's or year's file on its last day),"
                    + " as a scheduler's run for that day does; later files wait for a later run. The quality gate then judges"
                    + " freshness as of the next morning (unless trygg.quality.as-of is set). Default: all files, as of today.")
    java.time.LocalDate through;

    @Option(names = "--until", paramLabel = "STEP", defaultValue = "RESEARCH",
            description = "Last step: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). QUALITY stops after the gate,"
                    + " before anything is published; earlier steps that have nothing new are no-ops.")
    Pipeline.Step until;

    @Option(names = "--quality-report", description = "Also write the quality report (HTML and JSON) under <home>/reports.")
    boolean report;

    /** Runs the pipeline; with {@code staticDashboard}, a run that published writes the static dashboard page and the quarterly report at the end. */
    static int runPipeline(TryggConfig config, Console console, boolean qualityReport, boolean staticDashboard) throws Exception {
        return runPipeline(config, console, qualityReport, staticDashboard, null, Pipeline.Step.RESEARCH, false);
    }

    private static Sessions startSpark(TryggConfig config, Console console) {
        console.line("Starting Spark (" + config.sparkMaster() + ")");
        return new Sessions(config);
    }

    static int runPipeline(TryggConfig config, Console console, boolean qualityReport, boolean staticDashboard,
                           java.time.LocalDate through, Pipeline.Step until, boolean rebuild) throws Exception {
        PseudonymKey key = PseudonymKey.load(config); // fail before Spark starts if the key is missing
        if (!java.nio.file.Files.isDirectory(config.sourcesDir())) {
            throw new IllegalArgumentException("Sources folder " + config.sourcesDir() + " does not exist "
                    + "(generate some with: bin/trygg generate --out " + config.sourcesDir() + ")");
        }
        // One writer per home, checked before Spark starts: a second run says so at once and changes nothing.
        try (HomeLock lock = HomeLock.acquire(config.home(), "started " + java.time.Instant.now());
             Sessions s = startSpark(config, console)) {
            Pipeline.Summary summary = new Pipeline(s.warehouse, key).rebuilding(rebuild).run(console::line, through, until);
            Path json = RunReport.writeJson(summary, config);
            RunReport.print(summary, config);
            System.out.println("  Run record: " + json);
            if (qualityReport) {
                System.out.println("  Quality report: " + QualityCommand.Report.write(s.warehouse, config.home().resolve("reports"), summary.runId()));
            }
            if (staticDashboard && summary.research() != null) {
                DashboardCommand.print(DashboardCommand.write(s.warehouse, null));
                ReportCommand.print(ReportCommand.write(s.warehouse, null, no.trygg.publish.report.ReportLanguage.NB, null));
            }
            return summary.rejectedFiles() > 0 ? Trygg.REJECTED_FILES : 0;
        }
    }
}
