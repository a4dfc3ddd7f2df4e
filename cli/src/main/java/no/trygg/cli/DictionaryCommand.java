package no.trygg.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.publish.research.DataDictionary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "dictionary", mixinStandardHelpOptions = true,
        description = {"Write the data dictionary of the research views (Markdown and HTML): every view and column,",
                "with types from the tables and meanings in bokmål and English. The pipeline also writes it to",
                "<home>/research/ whenever the views change."})
final class DictionaryCommand implements Callable<Integer> {

    @Mixin
    WarehouseOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for data-dictionary.md and .html (default: <home>/research).")
    Path out;

    @Override
    public Integer call() {
        TryggConfig config = options.load();
        try (Sessions s = new Sessions(config)) {
            var views = DataDictionary.read(s.warehouse);
            if (views.isEmpty()) throw new IllegalStateException("No research views yet: run the pipeline first (bin/trygg run or demo)");
            Path md = DataDictionary.write(views, config.catalogName(), out != null ? out : config.home().resolve("research"));
            System.out.println("Data dictionary: " + md + " and " + md.resolveSibling("data-dictionary.html") + " (" + views.size() + " views)");
            return 0;
        }
    }
}
