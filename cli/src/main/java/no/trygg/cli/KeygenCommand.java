package no.trygg.cli;

import java.util.concurrent.Callable;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.privacy.PseudonymKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Write a random pseudonymisation key to the key file (owner-only permissions).",
                "Keep it secret and keep it: a new key gives every person a new pseudonym.",
                "Instead of a file, the key can come from the TRYGG_PSEUDONYM_KEY environment variable."})
final class KeygenCommand implements Callable<Integer> {

    @Mixin
    WarehouseOptions options;

    @Override
    public Integer call() {
        TryggConfig config = options.load();
        PseudonymKey.generate(config.pseudonymKeyFile());
        System.out.println("Wrote a new key to " + config.pseudonymKeyFile() + " (mode 600).");
        return 0;
    }
}
