package no.trygg.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.pipelines.bench.GoldBaselines;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = BenchCommand.Gold.class,
        description = {"Benchmarks. The whole harness (scales, full rebuild, daily incremental runs, the quality gate, marts,",
                "Trino queries) is scripts/bench.sh; see BENCHMARKS.md. This command holds the in-process parts."})
final class BenchCommand extends CommandGroup {

    @Command(name = "gold", mixinStandardHelpOptions = true,
            description = {"Times the gold aggregations three ways over this home's silver data: Spark on the Iceberg tables,",
                    "plain Spark SQL over the same Parquet files, and DuckDB over them (the practical limit), checks that all",
                    "three computed the same cells, and prints medians and ratios, with the pipeline's own gold step from the",
                    "newest run record beside them."})
    static final class Gold implements Callable<Integer> {

        @Mixin
        WarehouseOptions options;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs per engine, after one untimed warm-up (default: ${DEFAULT-VALUE}).")
        int runs;

        @Override
        public Integer call() throws IOException {
            if (runs < 1) throw new IllegalArgumentException("--runs must be at least 1");
            TryggConfig config = options.load();
            try (Sessions s = new Sessions(config)) {
                Map<String, List<String>> files = GoldBaselines.parquetFiles(s.warehouse);
                System.out.println("Gold aggregations over " + files.values().stream().mapToInt(List::size).sum() + " Parquet files of "
                        + String.join(", ", files.keySet()) + " (" + runs + " timed runs each)");
                List<GoldBaselines.Timing> t = List.of(
                        GoldBaselines.icebergSpark(s.warehouse, runs, System.out::println),
                        GoldBaselines.plainSpark(s.warehouse.spark(), files, runs, System.out::println),
                        GoldBaselines.duckDb(files, runs, System.out::println));
                GoldBaselines.assertSameWork(t);
                System.out.println();
                System.out.println("| engine | median s | runs (s) | result |");
                System.out.println("|---|---|---|---|");
                for (GoldBaselines.Timing x : t) {
                    System.out.printf(java.util.Locale.ROOT, "| %s | %.2f | %s | %d cells, %d incidents |%n", x.engine(), x.median(),
                            x.seconds().stream().map(v -> String.format(java.util.Locale.ROOT, "%.2f", v)).toList(), x.result().rows(), x.result().incidents());
                }
                double iceberg = t.get(0).median(), plain = t.get(1).median(), duck = t.get(2).median();
                System.out.printf(java.util.Locale.ROOT, "Iceberg read overhead: Spark+Iceberg / plain Spark = %.2f%n", iceberg / plain);
                System.out.printf(java.util.Locale.ROOT, "Engine distance: plain Spark / DuckDB = %.2f%n", plain / duck);
                Optional<Double> goldStep = lastGoldStep(config.runsDir());
                goldStep.ifPresent(g -> System.out.printf(java.util.Locale.ROOT,
                        "Pipeline gold step (newest run record, all marts with disclosure control): %.1f s = %.1f × DuckDB's aggregation%n", g, g / duck));
                return 0;
            }
        }

        /** The gold step's time in the newest run record that rebuilt gold. */
        static Optional<Double> lastGoldStep(Path runsDir) throws IOException {
            if (!Files.isDirectory(runsDir)) return Optional.empty();
            ObjectMapper json = new ObjectMapper();
            try (Stream<Path> files = Files.list(runsDir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted(java.util.Comparator.reverseOrder()).toList()) {
                    JsonNode run = json.readTree(f.toFile());
                    if (run.path("goldRebuilt").asBoolean(false) && run.path("stepSeconds").has("gold")) {
                        return Optional.of(run.path("stepSeconds").path("gold").asDouble());
                    }
                }
            }
            return Optional.empty();
        }
    }
}
