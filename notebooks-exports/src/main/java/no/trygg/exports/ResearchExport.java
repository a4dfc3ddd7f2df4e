package no.trygg.exports;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import no.trygg.jobs.TryggVersion;
import no.trygg.jobs.bronze.SourceFileReader;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.research.DataDictionary;
import no.trygg.publish.research.ResearchView;
import no.trygg.publish.research.ResearchViews;
import org.apache.iceberg.Snapshot;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructField;

/**
 * Writes a versioned extract of the research views for researchers: per view a Parquet and a CSV file, the data
 * dictionary, and a {@link ExtractManifest manifest} that ties every file to the Iceberg snapshots, the silver
 * snapshots and the code version it came from.
 *
 * <p>The folder is named {@code trygg-research-<code version>-<fingerprint>}, the fingerprint being the first 12 hex
 * digits of the SHA-256 of the views' silver snapshots and the disclosure thresholds: the same warehouse state exported by
 * the same code always gets the same name (a scheduled re-export is a no-op), and any change of data, code or rules a
 * new one. The extract is written into a hidden sibling folder and renamed in one step, so a crash never leaves a
 * half extract under that name, and an existing extract is never overwritten.
 */
public final class ResearchExport {

    public static final String PREFIX = "trygg-research-";

    /**
     * @param folder       the extract
     * @param alreadyThere an identical extract was already there; nothing was written
     * @param manifest     what it holds
     */
    public record Result(Path folder, boolean alreadyThere, ExtractManifest manifest) {
    }

    /** One research view pinned to the snapshot that is exported, so every file and number comes from the same rows. */
    private record Pinned(ResearchView view, Snapshot snapshot, Dataset<Row> rows, List<String> silverSnapshots) {
    }

    private final Warehouse warehouse;
    private final Consumer<String> progress;
    private final Clock clock;

    public ResearchExport(Warehouse warehouse, Consumer<String> progress, Clock clock) {
        this.warehouse = warehouse;
        this.progress = progress;
        this.clock = clock;
    }

    public ResearchExport(Warehouse warehouse, Consumer<String> progress) {
        this(warehouse, progress, Clock.systemUTC());
    }

    public Result run(Path outDir) {
        List<Pinned> views = pin();
        if (views.isEmpty()) throw new IllegalStateException("No research views yet: run the pipeline first (bin/trygg run or demo)");
        String name = PREFIX + TryggVersion.get() + "-" + fingerprint(views);
        Path target = outDir.toAbsolutePath().normalize().resolve(name);
        Path partial = target.resolveSibling("." + name + ".partial-" + UUID.randomUUID().toString().substring(0, 8));
        try {
            Files.createDirectories(partial);
            ExtractManifest manifest = write(views, name, partial);
            return publish(partial, target, manifest);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the research extract to " + outDir + ": " + e.getMessage(), e);
        } finally {
            try {
                SingleFile.deleteTree(partial);
            } catch (IOException e) {
                progress.accept("  could not remove the temporary folder " + partial + " (" + e.getMessage() + "); delete it by hand");
            }
        }
    }

    private List<Pinned> pin() {
        List<Pinned> out = new ArrayList<>();
        for (ResearchView v : ResearchViews.ALL) {
            Snapshot s = warehouse.currentSnapshot(ResearchViews.NAMESPACE, v.name()).orElse(null);
            if (s == null) continue;
            // Time travel to that snapshot: a pipeline run that rewrites the view meanwhile changes nothing here.
            Dataset<Row> rows = warehouse.spark().read().format("iceberg").option("snapshot-id", s.snapshotId())
                    .load(warehouse.name(ResearchViews.NAMESPACE, v.name()));
            out.add(new Pinned(v, s, rows, distinct(rows, GoldTables.SILVER_SNAPSHOT)));
        }
        return out;
    }

    private String fingerprint(List<Pinned> views) {
        TreeSet<String> parts = new TreeSet<>();
        views.forEach(v -> parts.addAll(v.silverSnapshots()));
        parts.add("rules=" + warehouse.config().disclosure().describe());
        return sha256(String.join("\n", parts)).substring(0, 12);
    }

    private ExtractManifest write(List<Pinned> views, String name, Path dir) throws IOException {
        List<ExtractManifest.View> entries = new ArrayList<>();
        List<ExtractManifest.FileEntry> files = new ArrayList<>();
        for (Pinned p : views) {
            String v = p.view().name();
            Dataset<Row> rows = SingleFile.ordered(p.rows()).cache();
            try {
                long n = rows.count();
                Path parquet = SingleFile.write(rows, "parquet", SingleFile.PARQUET, dir.resolve(v + ".parquet"));
                Path csv = SingleFile.write(SingleFile.csvReady(rows), "csv", SingleFile.CSV, dir.resolve(v + ".csv"));
                files.add(entry(parquet, v, n));
                files.add(entry(csv, v, n));
                Long suppressed = Arrays.asList(rows.columns()).contains("flag") ? rows.filter(col("flag").equalTo(":")).count() : null;
                entries.add(new ExtractManifest.View(v, Warehouse.GOLD + "." + p.view().goldTable(), goldSnapshot(p),
                        Long.toString(p.snapshot().snapshotId()), p.silverSnapshots(), distinct(rows, GoldTables.CODE_VERSION), n, suppressed,
                        columns(rows), List.of(parquet.getFileName().toString(), csv.getFileName().toString())));
                progress.accept(String.format("  wrote %-18s %,8d rows  %s, %s", v, n, parquet.getFileName(), csv.getFileName()));
            } finally {
                rows.unpersist();
            }
        }
        Path md = DataDictionary.write(DataDictionary.read(warehouse), warehouse.config().catalogName(), dir);
        files.add(entry(md, null, null));
        files.add(entry(md.resolveSibling("data-dictionary.html"), null, null));
        ExtractManifest manifest = new ExtractManifest(ExtractManifest.FORMAT, ExtractManifest.FORMAT_VERSION, name,
                Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString(), TryggVersion.get(), warehouse.config().catalogName(),
                ResearchViews.NAMESPACE, ExtractManifest.Disclosure.of(warehouse.config().disclosure()), entries, files);
        manifest.write(dir);
        return manifest;
    }

    /** Renames the finished extract into place, or leaves an identical existing one alone; never overwrites. */
    private Result publish(Path partial, Path target, ExtractManifest manifest) throws IOException {
        if (Files.exists(target)) {
            // Parquet files are not byte-stable between JVMs (parquet-mr writes each column chunk's set of encodings in
            // hash order), so sameness is judged by the CSV files, which hold the same rows, and the dictionary.
            List<ManifestVerifier.Mismatch> diffs = ManifestVerifier.compare(target,
                    manifest.files().stream().filter(f -> !f.name().endsWith(".parquet")).toList());
            if (diffs.isEmpty()) {
                progress.accept("  an identical extract is already there: " + target);
                return new Result(target, true, manifest);
            }
            throw new IllegalStateException("An extract named " + target.getFileName() + " already exists in " + target.getParent()
                    + " with different content, and extracts are never overwritten:\n  "
                    + String.join("\n  ", diffs.stream().map(ManifestVerifier.Mismatch::describe).toList())
                    + "\nMove the old extract away, or export with another --out.");
        }
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        return new Result(target, false, manifest);
    }

    /** The gold snapshot the view was built from, from the view's built-from label ("code=…;incident_rates@123,…"). */
    private String goldSnapshot(Pinned p) {
        String builtFrom = p.snapshot().summary().getOrDefault(Warehouse.BUILT_FROM, "");
        String key = p.view().goldTable() + "@";
        for (String part : builtFrom.split("[;,]")) {
            if (part.startsWith(key)) return part.substring(key.length());
        }
        return "unknown";
    }

    private static ExtractManifest.FileEntry entry(Path file, String view, Long rows) throws IOException {
        return new ExtractManifest.FileEntry(file.getFileName().toString(), view, Files.size(file), SourceFileReader.sha256(file), rows);
    }

    private static List<ExtractManifest.Column> columns(Dataset<Row> rows) {
        List<ExtractManifest.Column> cols = new ArrayList<>();
        for (StructField f : rows.schema().fields()) cols.add(new ExtractManifest.Column(f.name(), f.dataType().simpleString()));
        return cols;
    }

    private static List<String> distinct(Dataset<Row> rows, String column) {
        if (!Arrays.asList(rows.columns()).contains(column)) return List.of();
        return rows.select(column).distinct().collectAsList().stream().map(r -> r.getString(0)).filter(s -> s != null).sorted().toList();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
