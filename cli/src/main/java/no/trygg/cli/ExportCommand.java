package no.trygg.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import no.trygg.exports.ExtractManifest;
import no.trygg.exports.ManifestVerifier;
import no.trygg.exports.NotebookKernel;
import no.trygg.exports.ResearchExport;
import no.trygg.jobs.config.TryggConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Research exports: a versioned extract of the research views (Parquet and CSV), with the data",
                "dictionary and a manifest (snapshot ids, code version, row counts, SHA-256 checksums, the",
                "suppression rules applied), so a figure in a paper can be traced back and reproduced."},
        subcommands = {ExportCommand.Research.class, ExportCommand.Verify.class, ExportCommand.Notebook.class})
final class ExportCommand extends CommandGroup {

    @Command(name = "research", mixinStandardHelpOptions = true,
            description = {"Write the research views as they are now into DIR/trygg-research-<version>-<fingerprint>/:",
                    "<view>.parquet and <view>.csv (UTF-8, header, sorted by every column), data-dictionary.md/.html",
                    "and manifest.json. The fingerprint comes from the silver snapshots and the disclosure thresholds,",
                    "so exporting the same warehouse state again finds the identical extract and writes nothing.",
                    "An existing extract is never overwritten; a crash leaves only a hidden .partial folder."})
    static final class Research implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder the extract is written into (default: <home>/exports).")
        Path out;

        @Override
        public Integer call() {
            TryggConfig config = options.load();
            Console console = new Console();
            Path dir = out != null ? out : config.home().resolve("exports");
            try (Sessions s = new Sessions(config)) {
                console.line("Exporting the research views of catalog " + config.catalogName() + " to " + dir);
                ResearchExport.Result r = new ResearchExport(s.warehouse, console::line).run(dir);
                ExtractManifest m = r.manifest();
                console.line((r.alreadyThere() ? "Unchanged research extract: " : "Research extract: ") + r.folder() + " (" + m.views().size()
                        + " views, " + m.files().size() + " files + " + ExtractManifest.FILE_NAME + ")");
                console.line("Check it any time with: bin/trygg export verify " + r.folder());
                return 0;
            }
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check an extract against its manifest.json: every file present with the same SHA-256, size,",
                    "row count and columns, and no file added. Prints every mismatch (file, expected, found).",
                    "Exit code 0 when the extract is as exported, 1 otherwise. Needs no warehouse."})
    static final class Verify implements Callable<Integer> {
        /** Accepted like every command's (scripts pass --home to all of them); verifying needs no warehouse. */
        @Mixin
        WarehouseOptions options;

        @Parameters(paramLabel = "DIR", description = "The extract's folder (the one holding manifest.json).")
        Path dir;

        @Override
        public Integer call() {
            ManifestVerifier.Report r = ManifestVerifier.verify(dir);
            if (r.ok()) {
                System.out.println("OK: " + r.extract() + " matches its manifest (" + r.views() + " views, " + r.files() + " files)");
                return 0;
            }
            System.out.println("MISMATCH: " + r.extract() + " differs from its manifest in " + r.mismatches().size() + " place(s):");
            r.mismatches().forEach(m -> System.out.println("  " + m.describe()));
            return 1;
        }
    }

    @Command(name = "notebook", mixinStandardHelpOptions = true,
            description = {"Run the headline-tables notebook headless against an extract: it checks the manifest's",
                    "checksums, writes the headline tables as CSV and the funnel plot as PNG into --out, and saves the",
                    "executed notebook there. The first run installs the notebook's pinned Python packages into the",
                    "download cache (trygg.cache.dir)."})
    static final class Notebook implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Parameters(paramLabel = "EXTRACT", description = "The extract's folder (the one holding manifest.json).")
        Path extract;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder for the tables, the plot and the executed notebook (default: EXTRACT-notebook).")
        Path out;

        @Override
        public Integer call() {
            TryggConfig config = options.load();
            Console console = new Console();
            Path dir = out != null ? out : extract.toAbsolutePath().resolveSibling(extract.getFileName() + "-notebook");
            Path executed = new NotebookKernel(config.trino().cacheDir(), console::line)
                    .execute(NotebookKernel.HEADLINE_TABLES, extract, dir, Duration.ofMinutes(10));
            console.line("Notebook run: " + executed + " (tables and funnel plot in " + dir + ")");
            return 0;
        }
    }
}
