package no.trygg.jobs.warehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.testing.TestWarehouse;
import org.apache.iceberg.Table;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TableMaintenanceTest {

    @Test
    void compactsExpiresAndRemovesOldOrphansWhileDataAndLabelsStay() throws Exception {
        Warehouse w = TestWarehouse.fresh();
        // Six appends, as six daily ingests make six small files, then a replace labelled like a pipeline's.
        for (int day = 0; day < 6; day++) {
            Dataset<Row> rows = w.spark().range(day * 10L, day * 10L + 10).selectExpr("id", "concat('row ', id) AS text").coalesce(1);
            if (day == 0) {
                w.createOrReplace(rows, Warehouse.BRONZE, "daily", "test table", Map.of(Warehouse.BUILT_FROM, "day0"));
            } else {
                w.append(rows, Warehouse.BRONZE, "daily", Map.of(Warehouse.BUILT_FROM, "day" + day));
            }
        }
        List<Row> before = w.read(Warehouse.BRONZE, "daily").orderBy("id").collectAsList();
        String dataBefore = w.snapshotId(Warehouse.BRONZE, "daily");
        Table table = w.icebergTable(Warehouse.BRONZE, "daily");
        Path data = Path.of(java.net.URI.create(table.location().startsWith("/") ? "file:" + table.location() : table.location()))
                .resolve("data");
        Path oldOrphan = Files.writeString(data.resolve("crashed-write-old.parquet"), "not referenced");
        Files.setLastModifiedTime(oldOrphan, FileTime.from(Instant.now().minus(Duration.ofDays(4))));
        // Every file of the table as if written days ago: the orphan scan must tell referenced files from orphans by
        // reference, not by age (a scheme mismatch between listed and referenced paths would delete them all).
        try (var files = Files.walk(data.getParent())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(f, FileTime.from(Instant.now().minus(Duration.ofDays(10))));
            }
        }
        Path newOrphan = Files.writeString(data.resolve("write-in-progress.parquet"), "not referenced yet");

        List<TableMaintenance.TableResult> results = new TableMaintenance(w, line -> { })
                .run(List.of(Warehouse.BRONZE), new TryggConfig.Maintenance(Duration.ZERO, Duration.ofHours(72)));

        TableMaintenance.TableResult r = results.get(0);
        assertEquals(6, r.rewrittenDataFiles(), r.toString());
        assertEquals(1, r.addedDataFiles(), r.toString());
        assertEquals(6, r.liveDataFilesBefore(), r.toString());
        assertEquals(1, r.liveDataFilesAfter(), r.toString());
        assertEquals(1, r.orphanFiles(), "the old orphan goes, the new one stays, referenced files stay: " + r);
        assertTrue(r.filesAfter() < r.filesBefore() && r.bytesAfter() < r.bytesBefore(), r.toString());
        assertFalse(Files.exists(oldOrphan));
        assertTrue(Files.exists(newOrphan));

        table.refresh();
        assertEquals(1, StreamSupport.stream(table.snapshots().spliterator(), false).count(), "older snapshots expired");
        assertEquals(before, w.read(Warehouse.BRONZE, "daily").orderBy("id").collectAsList(), "the same rows");
        assertEquals(dataBefore, w.snapshotId(Warehouse.BRONZE, "daily"), "the data's id: what was built from it stays up to date");
        assertEquals("day5", w.snapshotProperty(Warehouse.BRONZE, "daily", Warehouse.BUILT_FROM).orElseThrow(), "labels carried over");

        // Again: nothing left to compact or expire; the data's id is still the same.
        TableMaintenance.TableResult again = new TableMaintenance(w, line -> { })
                .run(List.of(Warehouse.BRONZE), new TryggConfig.Maintenance(Duration.ZERO, Duration.ofHours(72))).get(0);
        assertEquals(0, again.rewrittenDataFiles(), again.toString());
        assertEquals(dataBefore, w.snapshotId(Warehouse.BRONZE, "daily"));
    }
}
