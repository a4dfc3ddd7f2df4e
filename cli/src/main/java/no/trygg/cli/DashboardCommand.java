package no.trygg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.dashboards.StaticDashboardJob;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Write the dashboards as one static HTML page (inline SVG, no scripts, works offline):",
                "the same definitions Superset shows, for the embedded default where no Superset runs.",
                "bin/trygg demo also writes it at the end of a run."})
final class DashboardCommand implements Callable<Integer> {

    @Mixin
    WarehouseOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for index.html (default: <home>/dashboard).")
    Path out;

    @Override
    public Integer call() {
        TryggConfig config = options.load();
        try (Sessions s = new Sessions(config)) {
            print(write(s.warehouse, out));
            return 0;
        }
    }

    static Path write(Warehouse warehouse, Path out) {
        Path dir = out != null ? out : warehouse.config().home().resolve("dashboard");
        return StaticDashboardJob.write(warehouse, dir, line -> System.out.println("  " + line));
    }

    static void print(Path page) {
        System.out.println("Static dashboard: " + page.toAbsolutePath());
        System.out.println("  Open it in a browser: " + page.toAbsolutePath().toUri() + " (e.g. xdg-open " + page.toAbsolutePath() + ")");
    }
}
