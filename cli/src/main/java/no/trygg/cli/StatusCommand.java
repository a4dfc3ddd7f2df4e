package no.trygg.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.iceberg.Snapshot;
import org.apache.spark.sql.Row;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "List the warehouse's tables with their row counts and last commit.")
final class StatusCommand implements Callable<Integer> {

    @Mixin
    WarehouseOptions options;

    @Override
    public Integer call() {
        try (Sessions s = new Sessions(options.load())) {
            Warehouse w = s.warehouse;
            System.out.println("Catalog " + w.config().catalogName() + " at " + w.config().catalogUri());
            System.out.println(String.format("  %-32s %12s  %-20s  %s", "table", "rows", "snapshot", "committed (UTC)"));
            for (String ns : List.of(Warehouse.BRONZE, Warehouse.SILVER, Warehouse.QUALITY, Warehouse.GOLD,
                    no.trygg.publish.research.ResearchViews.NAMESPACE)) {
                if (!w.spark().catalog().databaseExists(w.config().catalogName() + "." + ns)) continue;
                for (Row t : w.spark().sql("SHOW TABLES IN " + w.config().catalogName() + "." + ns).collectAsList()) {
                    String table = t.getString(1);
                    Snapshot snap = w.currentSnapshot(ns, table).orElse(null);
                    System.out.println(String.format("  %-32s %12s  %-20s  %s", ns + "." + table,
                            snap == null ? "0" : snap.summary().getOrDefault("total-records", "?"),
                            snap == null ? "-" : snap.snapshotId(),
                            snap == null ? "-" : Instant.ofEpochMilli(snap.timestampMillis())));
                }
            }
        }
        return 0;
    }
}
