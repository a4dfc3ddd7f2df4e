package no.trygg.jobs.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import no.trygg.jobs.gold.disclosure.DisclosureRules;

/**
 * Every setting Trygg reads, in one typed place. Values come from, lowest priority first: built-in
 * defaults (the embedded setup: Spark local, SQLite catalog, files under {@code .trygg/}), a properties
 * file ({@code trygg.properties} in the home folder, or {@code --config}), environment variables
 * ({@code TRYGG_CATALOG_URI} for {@code trygg.catalog.uri}) and command-line overrides.
 * Secrets (catalog password, pseudonymisation key) are read from the environment or files only.
 *
 * @param home             folder for everything Trygg keeps locally (git-ignored)
 * @param sourcesDir       where source exports arrive, one sub-folder per source
 * @param warehouseDir     where Iceberg writes table data and metadata
 * @param catalogName      Spark (and later Trino) catalog name
 * @param catalogUri       JDBC URL of the Iceberg catalog database: SQLite file or PostgreSQL
 * @param catalogUser      catalog database user (PostgreSQL), may be empty
 * @param catalogPassword  catalog database password, from {@code TRYGG_CATALOG_PASSWORD} only
 * @param sparkMaster      Spark master URL
 * @param shufflePartitions Spark shuffle partitions: small data, small number
 * @param adaptiveExecution Spark's adaptive query execution ({@code trygg.spark.adaptive}, default true); it re-plans
 *                         each query at run time, which costs more than it saves on the tiny warehouses of the tests
 * @param timeZone         zone of the local times in the exports
 * @param pseudonymKeyFile file holding the pseudonymisation key unless {@code TRYGG_PSEUDONYM_KEY} is set
 * @param runsDir          where each run writes its JSON summary
 * @param qualityAsOf      the day the quality gate judges freshness and "not in the future" against
 *                         ({@code trygg.quality.as-of}, yyyy-MM-dd); null means today in {@code timeZone}
 * @param disclosure       small-cell thresholds of the gold layer ({@code trygg.disclosure.*}; defaults: SSB and ONS practice)
 * @param plausibility     when silver holds input back as implausible ({@code trygg.quality.*})
 * @param maintenance      how long table snapshots and unreferenced files are kept ({@code trygg.maintenance.*})
 * @param trino            the local Trino server ({@code trygg.trino.*}) and the download cache it is provisioned from
 * @param superset         the local Apache Superset ({@code trygg.superset.*}); its Python environment lives in the download cache
 * @param airflow          the local Apache Airflow ({@code trygg.airflow.*}); its Python environment lives in the download cache
 * @param sparkCluster     the local Spark standalone master and worker ({@code trygg.spark.cluster.*})
 */
public record TryggConfig(Path home, Path sourcesDir, Path warehouseDir, String catalogName, String catalogUri,
                          String catalogUser, String catalogPassword, String sparkMaster, int shufflePartitions,
                          boolean adaptiveExecution, String timeZone, Path pseudonymKeyFile, Path runsDir, LocalDate qualityAsOf,
                          DisclosureRules disclosure, Plausibility plausibility, Maintenance maintenance, Trino trino, Superset superset,
                          Airflow airflow, SparkCluster sparkCluster) {

    /**
     * @param snapshotRetention table snapshots older than this are expired, except the newest and those a tag or
     *                          branch holds ({@code trygg.maintenance.snapshot-retention-days}, default 7)
     * @param orphanMinAge      files no snapshot references are deleted only when older than this, so a write in
     *                          progress keeps its new files ({@code trygg.maintenance.orphan-min-age-hours}, default 72)
     */
    public record Maintenance(java.time.Duration snapshotRetention, java.time.Duration orphanMinAge) {
        public static final Maintenance DEFAULT = new Maintenance(java.time.Duration.ofDays(7), java.time.Duration.ofHours(72));

        public Maintenance {
            if (snapshotRetention.isNegative() || orphanMinAge.isNegative()) {
                throw new ConfigException("trygg.maintenance.*: ages cannot be negative");
            }
        }
    }

    /**
     * @param maxVanishedShare share of the previous register snapshot's offices that may be missing from the next one
     *                         before it is held back as cut off rather than read as closures
     *                         ({@code trygg.quality.max-vanished-share}, default 0.05)
     * @param maxFteFactor     how many times above (or below) an office's median month its FTE or headcount may be
     *                         before the row is implausible ({@code trygg.quality.max-fte-factor}, default 10)
     */
    public record Plausibility(double maxVanishedShare, double maxFteFactor) {
        public static final Plausibility DEFAULT = new Plausibility(0.05, 10);

        public Plausibility {
            if (!(maxVanishedShare >= 0 && maxVanishedShare <= 1)) {
                throw new ConfigException("trygg.quality.max-vanished-share must be between 0 and 1, was " + maxVanishedShare);
            }
            if (!(maxFteFactor > 1)) throw new ConfigException("trygg.quality.max-fte-factor must be above 1, was " + maxFteFactor);
        }
    }

    /**
     * @param port     HTTP port on 127.0.0.1 ({@code trygg.trino.port})
     * @param javaHome a JDK new enough for Trino, or null to search the machine ({@code trygg.trino.java-home})
     * @param heap     Trino's JVM heap ({@code trygg.trino.heap})
     * @param cacheDir downloads (Trino server, plugin, CLI), shared by every home ({@code trygg.cache.dir})
     */
    public record Trino(int port, Path javaHome, String heap, Path cacheDir) {
    }

    /**
     * @param port   HTTP port on 127.0.0.1 ({@code trygg.superset.port})
     * @param python the Python (3.10+) its virtual environment is created with ({@code trygg.superset.python})
     */
    public record Superset(int port, String python) {
    }

    /**
     * @param port        HTTP port of its API server on 127.0.0.1 ({@code trygg.airflow.port})
     * @param python      the Python its virtual environment is created with ({@code trygg.airflow.python}); the
     *                    committed constraints are for Python 3.11
     * @param dagsFolder  the DAG files it runs ({@code trygg.airflow.dags-folder}; default {@code pipelines/airflow/dags}
     *                    of the checkout bin/trygg runs from, {@code TRYGG_ROOT})
     * @param constraints null for the constraints committed with Trygg, else a constraints URL or file for pip
     *                    ({@code trygg.airflow.constraints}), e.g. Airflow's published one
     */
    public record Airflow(int port, String python, Path dagsFolder, String constraints) {
    }

    /**
     * A Spark standalone cluster of one master and one worker on 127.0.0.1 ({@code bin/trygg spark start}).
     *
     * @param masterPort      the master's port, the one in {@code spark://127.0.0.1:PORT} ({@code trygg.spark.cluster.master-port})
     * @param masterWebPort   the master's web UI and JSON status ({@code trygg.spark.cluster.master-web-port})
     * @param workerWebPort   the worker's web UI ({@code trygg.spark.cluster.worker-web-port})
     * @param workerCores     cores the worker offers to executors ({@code trygg.spark.cluster.worker-cores})
     * @param workerMemory    memory the worker offers to executors, e.g. 2g ({@code trygg.spark.cluster.worker-memory})
     */
    public record SparkCluster(int masterPort, int masterWebPort, int workerWebPort, int workerCores, String workerMemory) {

        public String masterUrl() {
            return "spark://127.0.0.1:" + masterPort;
        }
    }

    public static final String ENV_PREFIX = "TRYGG_";

    /** Loads from defaults, the properties file, the environment, then {@code overrides} (keys like "trygg.catalog.uri"). */
    public static TryggConfig load(Map<String, String> overrides) {
        return load(overrides, System.getenv());
    }

    static TryggConfig load(Map<String, String> overrides, Map<String, String> env) {
        Map<String, String> v = new LinkedHashMap<>();
        String homeSetting = firstNonBlank(overrides.get("trygg.home"), env.get("TRYGG_HOME"), ".trygg");
        Path home = Path.of(homeSetting).toAbsolutePath().normalize();
        Path file = Path.of(firstNonBlank(overrides.get("trygg.config"), env.get("TRYGG_CONFIG"),
                home.resolve("trygg.properties").toString()));
        if (Files.isRegularFile(file)) {
            v.putAll(readProperties(file));
        } else if (overrides.containsKey("trygg.config") || env.containsKey("TRYGG_CONFIG")) {
            throw new ConfigException("Configuration file " + file + " does not exist");
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getKey().startsWith(ENV_PREFIX)) {
                v.put("trygg." + e.getKey().substring(ENV_PREFIX.length()).toLowerCase().replace('_', '.'), e.getValue());
            }
        }
        v.putAll(overrides);
        v.remove("trygg.catalog.password"); // never from files or flags
        v.put("trygg.home", home.toString());

        Path warehouse = path(v, "trygg.warehouse.dir", home.resolve("warehouse"));
        String uri = v.getOrDefault("trygg.catalog.uri", "jdbc:sqlite:" + home.resolve("catalog.db"));
        if (!uri.startsWith("jdbc:sqlite:") && !uri.startsWith("jdbc:postgresql:")) {
            throw new ConfigException("trygg.catalog.uri must be a jdbc:sqlite: or jdbc:postgresql: URL, was " + uri);
        }
        int partitions;
        try {
            partitions = Integer.parseInt(v.getOrDefault("trygg.spark.shuffle.partitions", "4"));
        } catch (NumberFormatException e) {
            throw new ConfigException("trygg.spark.shuffle.partitions must be a whole number");
        }
        return new TryggConfig(
                home,
                path(v, "trygg.sources.dir", home.resolve("sources")),
                warehouse,
                v.getOrDefault("trygg.catalog.name", "trygg"),
                uri,
                v.getOrDefault("trygg.catalog.user", ""),
                env.getOrDefault("TRYGG_CATALOG_PASSWORD", ""),
                // Under spark-submit the driver JVM has spark.master from its --master.
                v.getOrDefault("trygg.spark.master", System.getProperty("spark.master", "local[2]")),
                partitions,
                bool(v, "trygg.spark.adaptive", true),
                v.getOrDefault("trygg.timezone", "Europe/Oslo"),
                path(v, "trygg.pseudonym.key.file", home.resolve("secrets").resolve("pseudonym.key")),
                path(v, "trygg.runs.dir", home.resolve("runs")),
                date(v, "trygg.quality.as-of"),
                disclosure(v),
                plausibility(v),
                maintenance(v),
                new Trino(Integer.parseInt(setting(v, "trygg.trino.port", 18080)),
                        v.containsKey("trygg.trino.java-home") || v.containsKey("trygg.trino.java.home")
                                ? Path.of(setting(v, "trygg.trino.java-home", "")) : null,
                        setting(v, "trygg.trino.heap", "2G"),
                        path(v, "trygg.cache.dir", Path.of(System.getProperty("user.home"), ".cache", "trygg"))),
                new Superset(Integer.parseInt(setting(v, "trygg.superset.port", 18088)),
                        setting(v, "trygg.superset.python", "python3")),
                new Airflow(Integer.parseInt(setting(v, "trygg.airflow.port", 18089)),
                        setting(v, "trygg.airflow.python", "python3"),
                        Path.of(setting(v, "trygg.airflow.dags-folder",
                                Path.of(setting(v, "trygg.root", ".")).resolve("pipelines/airflow/dags"))).toAbsolutePath().normalize(),
                        v.getOrDefault("trygg.airflow.constraints", "").isBlank() ? null : v.get("trygg.airflow.constraints").trim()),
                sparkCluster(v));
    }

    /** Fully qualified name of a table in the catalog, e.g. {@code trygg.silver.incidents}. */
    public String table(String namespace, String table) {
        return catalogName + "." + namespace + "." + table;
    }

    public boolean usesSqliteCatalog() {
        return catalogUri.startsWith("jdbc:sqlite:");
    }

    /** A copy with other sources, for jobs and tests that read exports from elsewhere. */
    public TryggConfig withSourcesDir(Path dir) {
        return new TryggConfig(home, dir.toAbsolutePath().normalize(), warehouseDir, catalogName, catalogUri, catalogUser,
                catalogPassword, sparkMaster, shufflePartitions, adaptiveExecution, timeZone, pseudonymKeyFile, runsDir, qualityAsOf, disclosure, plausibility, maintenance, trino, superset, airflow, sparkCluster);
    }

    /** A copy judged as of another day: for tests and for demo data that ends in the past. */
    public TryggConfig withQualityAsOf(LocalDate day) {
        return new TryggConfig(home, sourcesDir, warehouseDir, catalogName, catalogUri, catalogUser, catalogPassword,
                sparkMaster, shufflePartitions, adaptiveExecution, timeZone, pseudonymKeyFile, runsDir, day, disclosure, plausibility, maintenance, trino, superset, airflow, sparkCluster);
    }

    /** The quality gate's reference day: {@link #qualityAsOf} or today where the exports are made. */
    public LocalDate asOfDate() {
        return qualityAsOf != null ? qualityAsOf : LocalDate.now(ZoneId.of(timeZone));
    }

    /** For logs: every setting except secrets. */
    public String describe() {
        return "catalog " + catalogName + " at " + catalogUri + ", warehouse " + warehouseDir + ", sources " + sourcesDir
                + ", Spark " + sparkMaster;
    }

    private static SparkCluster sparkCluster(Map<String, String> v) {
        try {
            return new SparkCluster(Integer.parseInt(setting(v, "trygg.spark.cluster.master-port", 17077)),
                    Integer.parseInt(setting(v, "trygg.spark.cluster.master-web-port", 18090)),
                    Integer.parseInt(setting(v, "trygg.spark.cluster.worker-web-port", 18091)),
                    Integer.parseInt(setting(v, "trygg.spark.cluster.worker-cores", 2)),
                    setting(v, "trygg.spark.cluster.worker-memory", "2g"));
        } catch (NumberFormatException e) {
            throw new ConfigException("trygg.spark.cluster.*: ports and cores must be whole numbers (" + e.getMessage() + ")");
        }
    }

    private static Maintenance maintenance(Map<String, String> v) {
        Maintenance d = Maintenance.DEFAULT;
        try {
            return new Maintenance(java.time.Duration.ofDays(Long.parseLong(setting(v, "trygg.maintenance.snapshot-retention-days",
                    d.snapshotRetention().toDays()))), java.time.Duration.ofHours(Long.parseLong(setting(v,
                    "trygg.maintenance.orphan-min-age-hours", d.orphanMinAge().toHours()))));
        } catch (NumberFormatException e) {
            throw new ConfigException("trygg.maintenance.*: days and hours must be whole numbers (" + e.getMessage() + ")");
        }
    }

    private static Plausibility plausibility(Map<String, String> v) {
        Plausibility d = Plausibility.DEFAULT;
        try {
            return new Plausibility(Double.parseDouble(setting(v, "trygg.quality.max-vanished-share", d.maxVanishedShare())),
                    Double.parseDouble(setting(v, "trygg.quality.max-fte-factor", d.maxFteFactor())));
        } catch (NumberFormatException e) {
            throw new ConfigException("trygg.quality.*: " + e.getMessage());
        }
    }

    private static DisclosureRules disclosure(Map<String, String> v) {
        DisclosureRules d = DisclosureRules.DEFAULT;
        try {
            return new DisclosureRules(
                    Integer.parseInt(setting(v, "trygg.disclosure.min-count", d.minCount())),
                    Integer.parseInt(setting(v, "trygg.disclosure.min-rate-numerator", d.minRateNumerator())),
                    Integer.parseInt(setting(v, "trygg.disclosure.reliable-rate-numerator", d.reliableRateNumerator())),
                    Integer.parseInt(setting(v, "trygg.disclosure.min-survey-group", d.minSurveyGroup())),
                    Integer.parseInt(setting(v, "trygg.disclosure.min-sensitive-survey-group", d.minSensitiveSurveyGroup())),
                    Double.parseDouble(setting(v, "trygg.disclosure.min-office-fte", d.minOfficeFte())),
                    Integer.parseInt(setting(v, "trygg.disclosure.protection-width", d.protectionWidth())));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("trygg.disclosure.*: " + e.getMessage());
        }
    }

    /** A hyphenated key, also as the environment spells it (TRYGG_DISCLOSURE_MIN_COUNT → trygg.disclosure.min.count). */
    private static String setting(Map<String, String> v, String key, Object dflt) {
        String s = v.getOrDefault(key, v.get(key.replace('-', '.')));
        return s == null || s.isBlank() ? String.valueOf(dflt) : s.trim();
    }

    private static Path path(Map<String, String> v, String key, Path dflt) {
        String s = v.get(key);
        return s == null || s.isBlank() ? dflt : Path.of(s).toAbsolutePath().normalize();
    }

    private static boolean bool(Map<String, String> v, String key, boolean dflt) {
        String s = v.get(key);
        if (s == null || s.isBlank()) return dflt;
        return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key + " must be true or false, was " + s);
        };
    }

    private static LocalDate date(Map<String, String> v, String key) {
        String s = v.get(key);
        if (s == null || s.isBlank()) return null;
        try {
            return LocalDate.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new ConfigException(key + " must be a date like 2026-01-31, was " + s);
        }
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException("Cannot read configuration file " + file + ": " + e.getMessage());
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
        return m;
    }

    private static String firstNonBlank(String... values) {
        for (String s : values) {
            if (s != null && !s.isBlank()) return s;
        }
        return null;
    }
}
