package no.trygg.cli;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import no.trygg.generator.GeneratorOptions;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.privacy.PseudonymKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Generate demo sources and run the whole pipeline on the embedded default:",
                "Spark local, a SQLite Iceberg catalog and files under .trygg/ (no servers needed).",
                "Running it again changes nothing: the same seed gives the same files, which are already loaded."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    WarehouseOptions options;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", defaultValue = "2016", paramLabel = "YEAR", description = "First year (default: ${DEFAULT-VALUE}).")
    int from;

    @Option(names = "--to", defaultValue = "2025", paramLabel = "YEAR", description = "Last year (default: ${DEFAULT-VALUE}).")
    int to;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "S", description = "Volume multiple of the national one (default: ${DEFAULT-VALUE}).")
    double scale;

    @Override
    public Integer call() throws Exception {
        Console console = new Console();
        TryggConfig config = options.load();
        if (config.qualityAsOf() == null) {
            // The demo's exports end on 31 December of the last year: judge freshness as of the next day.
            config = config.withQualityAsOf(LocalDate.of(to + 1, 1, 1));
        }
        GenerateCommand.generate(new GeneratorOptions(seed, from, to, scale, 0.01, config.sourcesDir()), console);
        if (System.getenv(PseudonymKey.ENV) == null && !Files.exists(config.pseudonymKeyFile())) {
            PseudonymKey.generate(config.pseudonymKeyFile());
            console.line("Created a random pseudonymisation key for the demo: " + config.pseudonymKeyFile() + " (mode 600)");
        }
        return RunCommand.runPipeline(config, console, true, true);
    }
}
