package no.trygg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.trygg.generator.GenerationSummary;
import no.trygg.generator.GeneratorOptions;
import no.trygg.generator.SourceGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write realistic synthetic source exports (no real data is public): office register,",
                "security measures, monthly FTE and visitors, daily incident exports with later re-exports,",
                "yearly staff surveys, and a share of defective rows. Same seed, same files."})
final class GenerateCommand implements Callable<Integer> {

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--from", defaultValue = "2016", paramLabel = "YEAR", description = "First year (default: ${DEFAULT-VALUE}).")
    int from;

    @Option(names = "--to", defaultValue = "2025", paramLabel = "YEAR", description = "Last year (default: ${DEFAULT-VALUE}).")
    int to;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "S",
            description = "Volume as a multiple of the national one (~250 offices, ~1,700 incidents a year) (default: ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--defects", defaultValue = "0.01", paramLabel = "SHARE",
            description = "Share of extra defective rows per source (default: ${DEFAULT-VALUE}).")
    double defects;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write the sources into.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Console console = new Console();
        GenerationSummary summary = generate(new GeneratorOptions(seed, from, to, scale, defects, out), console);
        console.line(String.format("Wrote %,d files with %,d rows to %s (manifest: %s)", summary.totalFiles(),
                summary.totalRows(), out.toAbsolutePath(), summary.manifestFile()));
        return 0;
    }

    static GenerationSummary generate(GeneratorOptions options, Console console) throws Exception {
        console.line(String.format("Generating sources %d–%d at scale %s, seed %d, defects %s into %s", options.fromYear(),
                options.toYear(), options.scale(), options.seed(), options.defectShare(), options.outDir()));
        GenerationSummary s = new SourceGenerator(options).generate(console::line);
        console.line(String.format("  %,d files, %,d rows", s.totalFiles(), s.totalRows()));
        return s;
    }
}
