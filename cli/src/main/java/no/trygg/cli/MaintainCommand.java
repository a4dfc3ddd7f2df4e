package no.trygg.cli;

import java.util.List;
import java.util.concurrent.Callable;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.warehouse.HomeLock;
import no.trygg.jobs.warehouse.TableMaintenance;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.research.ResearchViews;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "maintain", mixinStandardHelpOptions = true,
        description = {"Iceberg housekeeping for every table (monthly): compact small files, expire snapshots older than",
                "trygg.maintenance.snapshot-retention-days (default 7; the newest and tagged ones stay), delete files no",
                "snapshot references once older than trygg.maintenance.orphan-min-age-hours (default 72).",
                "Prints each table's files and bytes before and after. Takes the home's lock, as a run does."})
final class MaintainCommand implements Callable<Integer> {

    @Mixin
    WarehouseOptions options;

    @Override
    public Integer call() {
        TryggConfig config = options.load();
        try (HomeLock lock = HomeLock.acquire(config.home(), "maintenance started " + java.time.Instant.now());
             Sessions s = new Sessions(config)) {
            System.out.println("Maintaining the tables of " + config.catalogName() + " at " + config.catalogUri());
            List<TableMaintenance.TableResult> results = new TableMaintenance(s.warehouse, System.out::println)
                    .run(List.of(Warehouse.BRONZE, Warehouse.SILVER, Warehouse.QUALITY, Warehouse.GOLD, ResearchViews.NAMESPACE));
            long liveBefore = results.stream().mapToLong(TableMaintenance.TableResult::liveDataFilesBefore).sum();
            long liveAfter = results.stream().mapToLong(TableMaintenance.TableResult::liveDataFilesAfter).sum();
            long filesBefore = results.stream().mapToLong(TableMaintenance.TableResult::filesBefore).sum();
            long filesAfter = results.stream().mapToLong(TableMaintenance.TableResult::filesAfter).sum();
            long bytesBefore = results.stream().mapToLong(TableMaintenance.TableResult::bytesBefore).sum();
            long bytesAfter = results.stream().mapToLong(TableMaintenance.TableResult::bytesAfter).sum();
            System.out.printf("%d tables: live data files %,d → %,d; on disk files %,d → %,d, bytes %,d → %,d%n", results.size(),
                    liveBefore, liveAfter, filesBefore, filesAfter, bytesBefore, bytesAfter);
            if (filesAfter > filesBefore) {
                System.out.printf("On disk the compacted files stay with their snapshots until these are older than %d days;"
                        + " the disk shrinks on a later run.%n", config.maintenance().snapshotRetention().toDays());
            }
        }
        return 0;
    }
}
