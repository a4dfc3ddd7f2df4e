package no.trygg.publish.trino;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import no.trygg.jobs.config.TryggConfig;

/**
 * Trino's etc/ for the current warehouse, written from Trygg's own configuration: loopback only, one node,
 * the Iceberg catalog under the Spark catalog's name (it keys every catalog row), local files, and the
 * access rules. The catalog password is never written: Trino reads it from the environment.
 */
final class TrinoEtc {

    static final String PASSWORD_ENV = "TRYGG_CATALOG_PASSWORD";

    private TrinoEtc() {
    }

    static void write(TryggConfig config, Path etc, Path data, Path server) throws IOException {
        Files.createDirectories(etc.resolve("catalog"));
        int port = config.trino().port();
        props(etc.resolve("node.properties"), Map.of("node.environment", "trygg", "node.id", "trygg-" + config.catalogName(),
                "node.data-dir", data.toString(), "node.bind-ip", "127.0.0.1", "node.internal-address", "127.0.0.1"));
        Files.writeString(etc.resolve("jvm.config"), String.join("\n", "-server", "-Xmx" + config.trino().heap(),
                "-XX:+ExitOnOutOfMemoryError", "-XX:-OmitStackTraceInFastThrow", "-XX:ReservedCodeCacheSize=256M",
                "-Djdk.attach.allowAttachSelf=true", "-Dfile.encoding=UTF-8", "-XX:+EnableDynamicAgentLoading") + "\n");
        props(etc.resolve("config.properties"), Map.of("coordinator", "true", "node-scheduler.include-coordinator", "true",
                "http-server.http.port", String.valueOf(port), "discovery.uri", "http://127.0.0.1:" + port,
                "query.max-memory", "1GB", "query.max-memory-per-node", "1GB"));
        props(etc.resolve("log.properties"), Map.of("io.trino", "INFO"));
        props(etc.resolve("access-control.properties"), Map.of("access-control.name", "file",
                "security.config-file", etc.resolve("rules.json").toString()));
        Files.writeString(etc.resolve("rules.json"), AccessRules.json(config.catalogName()));

        Map<String, String> catalog = new LinkedHashMap<>();
        catalog.put("connector.name", "iceberg");
        catalog.put("iceberg.catalog.type", "jdbc");
        catalog.put("iceberg.jdbc-catalog.driver-class", config.usesSqliteCatalog() ? "org.sqlite.JDBC" : "org.postgresql.Driver");
        catalog.put("iceberg.jdbc-catalog.connection-url", config.catalogUri());
        if (!config.catalogUser().isBlank()) catalog.put("iceberg.jdbc-catalog.connection-user", config.catalogUser());
        if (!config.catalogPassword().isBlank()) catalog.put("iceberg.jdbc-catalog.connection-password", "${ENV:" + PASSWORD_ENV + "}");
        catalog.put("iceberg.jdbc-catalog.catalog-name", config.catalogName());
        catalog.put("iceberg.jdbc-catalog.default-warehouse-dir", config.warehouseDir().toUri().toString());
        // Local files: the native local file system rooted at "/", so table paths resolve as written by Spark.
        catalog.put("fs.native-local.enabled", "true");
        catalog.put("local.location", "/");
        props(etc.resolve("catalog").resolve(config.catalogName() + ".properties"), catalog);
        if (config.usesSqliteCatalog()) {
            // Trino's Iceberg plugin bundles the PostgreSQL driver but not SQLite's: add the one Trygg uses.
            Path jar = Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().getPath());
            Files.copy(jar, server.resolve("plugin").resolve("iceberg").resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void props(Path file, Map<String, String> values) throws IOException {
        Files.writeString(file, values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("\n", "", "\n")));
    }
}
