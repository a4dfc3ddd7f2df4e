package no.trygg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.report.Quarter;
import no.trygg.publish.report.QuarterlyReportJob;
import no.trygg.publish.report.ReportLanguage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Write the leadership's quarterly trend report as PDF and HTML from the gold marts:",
                "key figures against the same quarter last year and the rolling 12 months, plain-language statements",
                "that say whether a change is beyond normal variation, charts, and a methods box.",
                "bin/trygg demo and the quarterly Airflow DAG also write it."})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    WarehouseOptions options;

    @Option(names = "--quarter", paramLabel = "YYYYQn", description = "The quarter, e.g. 2025Q3 (default: the latest complete quarter in the marts).")
    String quarter;

    @Option(names = "--lang", paramLabel = "nb|en", defaultValue = "nb", description = "Language: nb (bokmål, default) or en (English).")
    String language;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the PDF and HTML (default: <home>/reports).")
    Path out;

    @Override
    public Integer call() {
        Quarter q = quarter == null ? null : Quarter.parse(quarter);
        ReportLanguage l = ReportLanguage.parse(language);
        TryggConfig config = options.load();
        try (Sessions s = new Sessions(config)) {
            print(write(s.warehouse, q, l, out));
            return 0;
        }
    }

    static QuarterlyReportJob.Written write(Warehouse warehouse, Quarter quarter, ReportLanguage language, Path out) {
        Path dir = out != null ? out : warehouse.config().home().resolve("reports");
        return QuarterlyReportJob.write(warehouse, quarter, language, dir, line -> System.out.println("  " + line));
    }

    static void print(QuarterlyReportJob.Written w) {
        System.out.println("Quarterly report " + w.quarter() + ": " + w.pdf().toAbsolutePath() + " (" + w.pages() + " pages)");
        System.out.println("  and as HTML: " + w.html().toAbsolutePath().toUri());
    }
}
