package no.trygg.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import no.trygg.jobs.config.TryggConfig;
import picocli.CommandLine.Option;

/** Options every command that touches the warehouse shares. */
final class WarehouseOptions {

    @Option(names = "--home", paramLabel = "DIR", description = "Trygg's local folder (default: .trygg, or TRYGG_HOME).")
    Path home;

    @Option(names = "--config", paramLabel = "FILE", description = "Properties file with settings (default: <home>/trygg.properties).")
    Path config;

    @Option(names = "--catalog-uri", paramLabel = "URL",
            description = "Iceberg catalog database: jdbc:sqlite:FILE (default, embedded) or jdbc:postgresql://127.0.0.1:PORT/DB.")
    String catalogUri;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Any setting, e.g. --set trygg.spark.master=local[4].")
    Map<String, String> settings = new LinkedHashMap<>();

    TryggConfig load(Map<String, String> extra) {
        Map<String, String> o = new LinkedHashMap<>(settings);
        if (home != null) o.put("trygg.home", home.toString());
        if (config != null) o.put("trygg.config", config.toString());
        if (catalogUri != null) o.put("trygg.catalog.uri", catalogUri);
        o.putAll(extra);
        return TryggConfig.load(o);
    }

    TryggConfig load() {
        return load(Map.of());
    }
}
