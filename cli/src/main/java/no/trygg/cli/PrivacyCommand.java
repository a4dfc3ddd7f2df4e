package no.trygg.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.privacy.PersonalData;
import no.trygg.jobs.privacy.PersonalDataScan;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "privacy", mixinStandardHelpOptions = true,
        description = {"Privacy checks: personal data (national ID numbers, phone numbers, e-mail addresses) belongs",
                "in bronze only."},
        subcommands = {PrivacyCommand.Scan.class})
final class PrivacyCommand extends CommandGroup {

    /** Exit code when personal data was found outside bronze. */
    static final int PERSONAL_DATA_FOUND = 5;

    @Command(name = "scan", mixinStandardHelpOptions = true,
            description = {"Scan every row of every table outside bronze (silver, gold, quality, research) and the",
                    "files written for people (reports, research, dashboard, exports, run records) for personal data.",
                    "Prints tables, files, kinds and row counts, never the values. Exit code 5 when anything is found."})
    static final class Scan implements Callable<Integer> {
        @Mixin
        WarehouseOptions options;

        @Override
        public Integer call() {
            TryggConfig config = options.load();
            try (Sessions s = new Sessions(config)) {
                List<String> tables = PersonalDataScan.tablesOutsideBronze(s.warehouse);
                Map<String, Map<String, Long>> inTables = PersonalDataScan.tables(s.warehouse);
                System.out.println("Scanned " + tables.size() + " tables outside bronze.");
                inTables.forEach((t, kinds) -> System.out.println("  " + config.catalogName() + "." + t + ": rows with " + kinds));
                int files = 0;
                int found = inTables.size();
                for (Path dir : List.of(config.home().resolve("reports"), config.home().resolve("research"),
                        config.home().resolve("dashboard"), config.home().resolve("exports"), config.runsDir())) {
                    files += PersonalDataScan.regularFiles(dir).size();
                    for (Map.Entry<Path, Set<PersonalData.Kind>> e : PersonalDataScan.files(dir, List.of()).entrySet()) {
                        System.out.println("  " + e.getKey() + ": " + e.getValue());
                        found++;
                    }
                }
                System.out.println("Scanned " + files + " output files.");
                System.out.println(found == 0 ? "No personal data outside bronze." : found + " table(s) or file(s) hold personal data.");
                return found == 0 ? 0 : PERSONAL_DATA_FOUND;
            }
        }
    }
}
