package no.trygg.jobs.bronze;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Sources to bronze. Every file not loaded before (by content checksum) is read and its rows appended to
 * the source's bronze table in one commit per source, so a run killed midway leaves either all of a
 * source's new files or none; the next run picks up whatever is missing. Re-ingesting a loaded file is a no-op.
 */
public final class BronzeIngestJob {

    /**
     * What happened to one source's files in this run. {@code rejected} holds one line per rejected file and
     * {@code schemaDrift} one per drift note of a loaded file, each {@code "<file>: <why>"}. Drift is kept here, not
     * only logged, so the run's summary and its JSON record show it too.
     */
    public record SourceResult(SourceFormat source, int filesSeen, int filesNew, int filesAlreadyLoaded,
                               List<String> rejected, List<String> schemaDrift, long rowsIngested, long rowsWithIssues) {
    }

    private final Warehouse warehouse;
    private final Consumer<String> progress;
    private final java.time.LocalDate through;

    public BronzeIngestJob(Warehouse warehouse, Consumer<String> progress) {
        this(warehouse, progress, null);
    }

    /** @param through ingest only files due by this day ({@link ExportDate}); null: every file */
    public BronzeIngestJob(Warehouse warehouse, Consumer<String> progress, java.time.LocalDate through) {
        this.warehouse = warehouse;
        this.progress = progress;
        this.through = through;
    }

    public List<SourceResult> run(String runId, Timestamp ingestedAt) {
        List<SourceResult> results = new ArrayList<>();
        for (SourceFormat source : SourceFormat.values()) {
            results.add(ingest(source, runId, ingestedAt));
        }
        return results;
    }

    SourceResult ingest(SourceFormat source, String runId, Timestamp ingestedAt) {
        Path sourcesDir = warehouse.config().sourcesDir();
        List<Path> all = listEntries(sourcesDir.resolve(source.folder));
        List<Path> files = all.stream().filter(f -> ExportDate.due(f, through)).toList();
        String table = BronzeTables.tableOf(source);
        warehouse.createIfMissing(Warehouse.BRONZE, table, BronzeTables.SCHEMA);
        warehouse.createIfMissing(Warehouse.BRONZE, BronzeTables.INGESTED_FILES, BronzeTables.INGESTED_FILES_SCHEMA);
        // Loaded = has rows in bronze, or is in the file log. Rows are committed first, so a crash between the
        // two commits cannot load a file twice; the log adds the files that had no rows.
        Set<String> loaded = new HashSet<>(warehouse.read(Warehouse.BRONZE, table).select("file_checksum")
                .union(warehouse.read(Warehouse.BRONZE, BronzeTables.INGESTED_FILES)
                        .filter(org.apache.spark.sql.functions.col("source").equalTo(source.folder)).select("file_checksum"))
                .distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList());

        SourceFileReader reader = new SourceFileReader(source);
        List<String[]> toRead = new ArrayList<>(); // {absolute path, relative name, checksum}
        List<String> rejected = new ArrayList<>();
        List<String> drift = new ArrayList<>();
        int already = 0;
        for (Path f : files) {
            String relative = sourcesDir.relativize(f).toString();
            Optional<String> unusable = SourceEntry.whyNotAFile(f);
            if (unusable.isPresent()) {
                rejected.add(relative + ": " + unusable.get());
                continue;
            }
            String checksum;
            try {
                checksum = SourceFileReader.sha256(f);
            } catch (UncheckedIOException e) { // removed or locked between listing and reading
                rejected.add(relative + ": cannot be read (" + e.getCause().getClass().getSimpleName() + ")");
                continue;
            }
            if (loaded.contains(checksum)) {
                already++;
                continue;
            }
            try {
                reader.checkReadable(f).forEach(note -> drift.add(relative + ": " + note));
                toRead.add(new String[] {f.toString(), relative, checksum});
                loaded.add(checksum); // identical content (e.g. two header-only files) is loaded once
            } catch (SourceFileReader.RejectedFileException e) {
                rejected.add(relative + ": " + e.getMessage().substring(e.getMessage().indexOf(':') + 2));
            }
        }
        long rows = 0;
        long withIssues = 0;
        if (!toRead.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(warehouse.spark().sparkContext());
            int slices = Math.max(1, Math.min(toRead.size(), 4 * warehouse.spark().sparkContext().defaultParallelism()));
            JavaRDD<Row> parsed = jsc.parallelize(toRead, slices).flatMap(spec -> toRows(reader, spec, runId, ingestedAt));
            Dataset<Row> df = warehouse.spark().createDataFrame(parsed, BronzeTables.SCHEMA).cache();
            try {
                // One pass gives rows and rows with issues per file: the totals and the file log's counts.
                Map<String, Long> perFile = new java.util.HashMap<>();
                for (Row r : df.groupBy("source_file").agg(org.apache.spark.sql.functions.count("*"),
                        org.apache.spark.sql.functions.count("record_issue")).collectAsList()) {
                    perFile.put(r.getString(0), r.getLong(1));
                    rows += r.getLong(1);
                    withIssues += r.getLong(2);
                }
                if (rows > 0) { // an empty commit would still be a new snapshot, and silver would rebuild for nothing
                    warehouse.append(df, Warehouse.BRONZE, table, Map.of(Warehouse.RUN_ID, runId));
                }
                List<Row> log = toRead.stream().map(f -> RowFactory.create(source.folder, f[1], f[2],
                        perFile.getOrDefault(f[1], 0L), runId, ingestedAt)).toList();
                warehouse.append(warehouse.spark().createDataFrame(log, BronzeTables.INGESTED_FILES_SCHEMA),
                        Warehouse.BRONZE, BronzeTables.INGESTED_FILES, Map.of(Warehouse.RUN_ID, runId));
            } finally {
                df.unpersist();
            }
        }
        SourceResult r = new SourceResult(source, files.size(), toRead.size(), already, rejected, drift, rows, withIssues);
        progress.accept(String.format("  %-18s %,6d files: %,d new, %,d already loaded (same checksum), %,d rejected; %,d rows%s",
                source.folder, r.filesSeen, r.filesNew, r.filesAlreadyLoaded, rejected.size(), r.rowsIngested,
                all.size() > files.size() ? String.format("; %,d dated after %s left for later", all.size() - files.size(), through) : ""));
        rejected.forEach(m -> progress.accept("    REJECTED " + m + " (left in place; fix and re-run)"));
        drift.forEach(m -> progress.accept("    SCHEMA DRIFT " + m));
        return r;
    }

    private static java.util.Iterator<Row> toRows(SourceFileReader reader, String[] spec, String runId, Timestamp at) {
        SourceFileReader.ParsedFile file = reader.read(Path.of(spec[0]));
        return file.records().stream().map(r -> RowFactory.create(spec[1], spec[2], r.line(),
                // Rows built on executors need Scala maps for a MapType column.
                scala.collection.JavaConverters.mapAsScalaMapConverter(r.values()).asScala(), r.issue(),
                file.encoding(), runId, at)).iterator();
    }

    /**
     * Every entry of a source folder but hidden ones (".name"): files, and also what is not a readable file (a
     * directory, a dangling or looping link), which is rejected with its reason rather than skipped without a word.
     */
    private static List<Path> listEntries(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }
}
