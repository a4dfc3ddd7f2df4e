package no.trygg.jobs.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import no.trygg.jobs.config.TryggConfig;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.actions.RewriteDataFiles;
import org.apache.iceberg.spark.actions.SparkActions;
import org.apache.spark.sql.Row;

/**
 * Iceberg housekeeping for every table of the warehouse (a monthly task, {@code trygg maintain}): every run adds
 * snapshots and keeps the files it replaced, so without it the warehouse only grows.
 * <ol>
 *   <li>small data files are compacted (bin-packing; a table with few files is left as it is). The new snapshot
 *   carries the old one's {@code trygg.*} properties and the id of the data it holds
 *   ({@link Warehouse#DATA_SNAPSHOT}): what was built from the table stays up to date and nothing is rebuilt;</li>
 *   <li>snapshots older than the retention are expired, except the newest and those a tag or branch holds (a
 *   release), and the files only they referenced are deleted;</li>
 *   <li>files no snapshot references (left by a crashed write) are deleted once older than the minimum age.</li>
 * </ol>
 * Reported per table: the live data files (what a query reads; compaction lowers it at once) and the files and bytes
 * under the table's location. On disk a compaction first adds files: the files it replaced stay with the snapshots
 * that reference them until those are older than the retention, so the disk shrinks on a later run (or at once
 * with a retention of 0). Not to be run while a pipeline
 * writes the same home (the command takes the home's lock).
 */
public final class TableMaintenance {

    /** One table's files before and after, and what each action did. */
    public record TableResult(String table, long liveDataFilesBefore, long liveDataFilesAfter, long filesBefore, long bytesBefore,
                              long filesAfter, long bytesAfter, int rewrittenDataFiles, int addedDataFiles, long expiredFiles,
                              int orphanFiles) {
    }

    private final Warehouse warehouse;
    private final Consumer<String> progress;

    public TableMaintenance(Warehouse warehouse, Consumer<String> progress) {
        this.warehouse = warehouse;
        this.progress = progress;
    }

    /** Maintains every table of {@code namespaces} that exists, with the home's settings. */
    public List<TableResult> run(List<String> namespaces) {
        return run(namespaces, warehouse.config().maintenance());
    }

    public List<TableResult> run(List<String> namespaces, TryggConfig.Maintenance settings) {
        long now = System.currentTimeMillis();
        List<TableResult> out = new ArrayList<>();
        for (String ns : namespaces) {
            String qualified = warehouse.config().catalogName() + "." + ns;
            if (!warehouse.spark().catalog().databaseExists(qualified)) continue;
            for (Row t : warehouse.spark().sql("SHOW TABLES IN " + qualified).collectAsList()) {
                TableResult r = maintain(ns, t.getString(1), now - settings.snapshotRetention().toMillis(),
                        now - settings.orphanMinAge().toMillis());
                progress.accept(String.format("  %-34s live data files %,5d → %,5d   on disk: files %,6d → %,6d, bytes %,13d → %,13d   (compacted %d into %d, expired %d, orphans %d)",
                        r.table(), r.liveDataFilesBefore(), r.liveDataFilesAfter(), r.filesBefore(), r.filesAfter(),
                        r.bytesBefore(), r.bytesAfter(), r.rewrittenDataFiles(),
                        r.addedDataFiles(), r.expiredFiles(), r.orphanFiles()));
                out.add(r);
            }
        }
        return out;
    }

    private TableResult maintain(String namespace, String name, long expireBefore, long orphansBefore) {
        Table table = warehouse.icebergTable(namespace, name);
        long[] before = filesAndBytes(table);
        long liveBefore = liveDataFiles(table);
        SparkActions actions = SparkActions.get(warehouse.spark());
        int rewritten = 0;
        int added = 0;
        Snapshot current = table.currentSnapshot();
        if (current != null) {
            RewriteDataFiles rewrite = actions.rewriteDataFiles(table);
            for (Map.Entry<String, String> p : current.summary().entrySet()) {
                if (p.getKey().startsWith("trygg.")) rewrite = rewrite.snapshotProperty(p.getKey(), p.getValue());
            }
            String data = current.summary().getOrDefault(Warehouse.DATA_SNAPSHOT, Long.toString(current.snapshotId()));
            RewriteDataFiles.Result r = rewrite.snapshotProperty(Warehouse.DATA_SNAPSHOT, data).execute();
            rewritten = r.rewrittenDataFilesCount();
            added = r.addedDataFilesCount();
            table.refresh();
        }
        var expired = actions.expireSnapshots(table).expireOlderThan(expireBefore).retainLast(1).execute();
        long expiredFiles = expired.deletedDataFilesCount() + expired.deletedManifestsCount() + expired.deletedManifestListsCount()
                + expired.deletedPositionDeleteFilesCount() + expired.deletedEqualityDeleteFilesCount();
        table.refresh();
        int orphans = 0;
        for (var ignored : actions.deleteOrphanFiles(table).olderThan(orphansBefore).execute().orphanFileLocations()) orphans++;
        long[] after = filesAndBytes(table);
        return new TableResult(namespace + "." + name, liveBefore, liveDataFiles(table), before[0], before[1], after[0], after[1],
                rewritten, added, expiredFiles, orphans);
    }

    /** The data files a query of the current snapshot reads. */
    private static long liveDataFiles(Table table) {
        Snapshot s = table.currentSnapshot();
        return s == null ? 0 : Long.parseLong(s.summary().getOrDefault("total-data-files", "0"));
    }

    /** Every file under the table's location (data and metadata), on whatever file system holds it. */
    private long[] filesAndBytes(Table table) {
        try {
            org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(table.location());
            FileSystem fs = root.getFileSystem(warehouse.spark().sparkContext().hadoopConfiguration());
            if (!fs.exists(root)) return new long[] {0, 0};
            long files = 0;
            long bytes = 0;
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(root, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                files++;
                bytes += f.getLen();
            }
            return new long[] {files, bytes};
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the files of " + table.name(), e);
        }
    }
}
