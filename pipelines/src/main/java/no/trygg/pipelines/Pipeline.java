package no.trygg.pipelines;

import java.sql.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import no.trygg.jobs.bronze.BronzeIngestJob;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.privacy.PseudonymKey;
import no.trygg.jobs.gold.GoldBuildJob;
import no.trygg.jobs.silver.SilverBuildJob;
import no.trygg.publish.research.DataDictionary;
import no.trygg.publish.research.ResearchViewsJob;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.quality.Conservation;
import no.trygg.quality.QualityGate;
import no.trygg.quality.QualityGateException;

/**
 * The pipeline as ordered steps: sources → bronze → silver → conservation → quality gate → gold → research
 * views. Gold and publishing come after the gate, so an Error-level failure stops the run before anything is published. Each step is idempotent on its own,
 * so a run can be repeated or resumed after a crash.
 */
public final class Pipeline {

    /** Everything a run did, for the summary the user sees and the JSON record kept under runs/. */
    public record Summary(String runId, Instant started, Duration took, List<BronzeIngestJob.SourceResult> ingest,
                          SilverBuildJob.Result silver, Conservation.Result conservation, QualityGate.Result quality,
                          GoldBuildJob.Result gold, ResearchViewsJob.Result research) {
        public int rejectedFiles() {
            return ingest.stream().mapToInt(r -> r.rejected().size()).sum();
        }
    }

    private final Warehouse warehouse;
    private final PseudonymKey key;

    public Pipeline(Warehouse warehouse, PseudonymKey key) {
        this.warehouse = warehouse;
        this.key = key;
    }

    public static String newRunId(Instant now) {
        return "run-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now)
                + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    public Summary run(Consumer<String> progress) {
        Instant started = Instant.now();
        String runId = newRunId(started);
        TryggConfig config = warehouse.config();
        progress.accept("Run " + runId + " (" + config.describe() + ")");

        long t = System.nanoTime();
        progress.accept("[1/6] Sources → bronze");
        List<BronzeIngestJob.SourceResult> ingest = new BronzeIngestJob(warehouse, progress).run(runId, Timestamp.from(started));
        progress.accept(took(t));

        t = System.nanoTime();
        progress.accept("[2/6] Bronze → silver (typed, validated, deduplicated, pseudonymised)");
        SilverBuildJob.Result silver = new SilverBuildJob(warehouse, key, progress).run(runId);
        progress.accept(took(t));

        t = System.nanoTime();
        progress.accept("[3/6] Check: every bronze row is in silver or in quarantine");
        Conservation.Result conservation = Conservation.check(warehouse);
        for (Conservation.SourceBalance b : conservation.balances()) {
            progress.accept(String.format("  %-18s bronze %,9d = silver %,9d + quarantine %,6d  %s", b.source().folder,
                    b.bronzeRows(), b.representedRows(), b.quarantinedRows(), b.holds() ? "ok" : "MISMATCH (" + b.lost() + " rows)"));
        }
        progress.accept(took(t));
        if (!conservation.holds()) {
            throw new IllegalStateException("Conservation failed: rows are missing between bronze and silver+quarantine");
        }

        t = System.nanoTime();
        progress.accept("[4/6] Quality gate (Deequ): sources and silver, before anything is published");
        QualityGate.Result quality = new QualityGate(warehouse, progress).run(runId);
        progress.accept(took(t));
        if (!quality.passed()) {
            throw new QualityGateException(quality);
        }

        t = System.nanoTime();
        progress.accept("[5/6] Silver → gold marts (statistics, with disclosure control)");
        GoldBuildJob.Result gold = new GoldBuildJob(warehouse, progress).run(runId);
        progress.accept(took(t));

        t = System.nanoTime();
        progress.accept("[6/6] Gold → research views (documented, for SQL through Trino)");
        ResearchViewsJob.Result research = new ResearchViewsJob(warehouse, progress).run(runId);
        if (research.rebuilt()) {
            Path dictionary = DataDictionary.write(DataDictionary.read(warehouse), warehouse.config().catalogName(),
                    warehouse.config().home().resolve("research"));
            progress.accept("  data dictionary: " + dictionary + " (and .html)");
        }
        progress.accept(took(t));
        return new Summary(runId, started, Duration.between(started, Instant.now()), ingest, silver, conservation, quality, gold,
                research);
    }

    private static String took(long startNanos) {
        return String.format("  (%.1f s)", (System.nanoTime() - startNanos) / 1e9);
    }
}
