package no.trygg.pipelines;

import java.sql.Timestamp;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import no.trygg.jobs.bronze.BronzeIngestJob;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.privacy.PseudonymKey;
import no.trygg.jobs.gold.GoldBuildJob;
import no.trygg.jobs.silver.SilverBuildJob;
import no.trygg.publish.research.DataDictionary;
import no.trygg.publish.research.ResearchViewsJob;
import no.trygg.jobs.spark.SparkWork;
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

    /**
     * Where a run may stop: a scheduler runs the steps as separate tasks (each repeats the earlier steps, which
     * are no-ops when nothing is new). {@code QUALITY} ends after the gate, before anything is published.
     */
    public enum Step {
        BRONZE, SILVER, QUALITY, GOLD, RESEARCH
    }

    /** Everything a run did, for the summary the user sees and the JSON record kept under runs/; steps not run are null. */
    public record Summary(String runId, Instant started, Duration took, List<BronzeIngestJob.SourceResult> ingest,
                          SilverBuildJob.Result silver, Conservation.Result conservation, QualityGate.Result quality,
                          GoldBuildJob.Result gold, ResearchViewsJob.Result research, Map<Step, Duration> stepTimes,
                          Map<Step, SparkWork.Counts> stepWork) {
        public int rejectedFiles() {
            return ingest.stream().mapToInt(r -> r.rejected().size()).sum();
        }

        /** Every source's schema-drift notes, {@code "<file>: <note>"}, in source order. */
        public List<String> schemaDrift() {
            return ingest.stream().flatMap(r -> r.schemaDrift().stream()).toList();
        }
    }

    private final Warehouse warehouse;
    private final PseudonymKey key;
    private final boolean rebuild;

    public Pipeline(Warehouse warehouse, PseudonymKey key) {
        this(warehouse, key, false);
    }

    private Pipeline(Warehouse warehouse, PseudonymKey key, boolean rebuild) {
        this.warehouse = warehouse;
        this.key = key;
        this.rebuild = rebuild;
    }

    /**
     * This pipeline with a full silver rebuild from all of bronze (and so of everything after it), for a changed rule;
     * without it a run rebuilds only the silver tables whose sources brought new rows.
     */
    public Pipeline rebuilding(boolean full) {
        return new Pipeline(warehouse, key, full);
    }

    public static String newRunId(Instant now) {
        return "run-" + DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC).format(now)
                + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    /**
     * The current snapshot id of every table a run writes (bronze, silver, gold, research views; "empty" where there is
     * none yet), by "namespace.table": the same map before and after a run means the run changed nothing.
     */
    public static Map<String, String> tableSnapshots(Warehouse w) {
        Map<String, String> m = new java.util.TreeMap<>();
        for (no.trygg.schemas.sources.SourceFormat f : no.trygg.schemas.sources.SourceFormat.values()) {
            m.put(Warehouse.BRONZE + "." + f.folder, w.snapshotId(Warehouse.BRONZE, f.folder));
        }
        for (String t : no.trygg.jobs.silver.SilverTables.ALL) m.put(Warehouse.SILVER + "." + t, w.snapshotId(Warehouse.SILVER, t));
        for (String t : no.trygg.jobs.gold.GoldTables.ALL) m.put(Warehouse.GOLD + "." + t, w.snapshotId(Warehouse.GOLD, t));
        for (var v : no.trygg.publish.research.ResearchViews.ALL) {
            m.put(no.trygg.publish.research.ResearchViews.NAMESPACE + "." + v.name(), w.snapshotId(no.trygg.publish.research.ResearchViews.NAMESPACE, v.name()));
        }
        return m;
    }

    public Summary run(Consumer<String> progress) {
        return run(progress, null, Step.RESEARCH);
    }

    /**
     * @param through ingest only the exports due by this day (a scheduled run's logical date); null: all
     * @param until   the last step to run
     */
    public Summary run(Consumer<String> progress, LocalDate through, Step until) {
        try (SparkWork work = SparkWork.count(warehouse.spark().sparkContext())) {
            return run(progress, through, until, work);
        }
    }

    private Summary run(Consumer<String> progress, LocalDate through, Step until, SparkWork work) {
        Instant started = Instant.now();
        String runId = newRunId(started);
        TryggConfig config = warehouse.config();
        progress.accept("Run " + runId + " (" + config.describe() + ")" + (through == null ? "" : ", exports due by " + through)
                + (until == Step.RESEARCH ? "" : ", until " + until.name().toLowerCase(java.util.Locale.ROOT))
                + (rebuild ? ", full rebuild" : ""));

        StepClock clock = new StepClock(progress, work);
        clock.start(Step.BRONZE, "[1/6] Sources → bronze");
        List<BronzeIngestJob.SourceResult> ingest = new BronzeIngestJob(warehouse, progress, through).run(runId, Timestamp.from(started));
        clock.stop();
        if (until == Step.BRONZE) return summary(runId, started, ingest, null, null, null, null, null, clock);

        clock.start(Step.SILVER, "[2/6] Bronze → silver (typed, validated, deduplicated, pseudonymised)");
        SilverBuildJob.Result silver = new SilverBuildJob(warehouse, key, progress).run(runId, rebuild);
        clock.stop();

        clock.start(null, "[3/6] Check: every bronze row is in silver or in quarantine");
        Conservation.Result conservation = Conservation.check(warehouse);
        for (Conservation.SourceBalance b : conservation.balances()) {
            progress.accept(String.format("  %-18s bronze %,9d = silver %,9d + quarantine %,6d  %s", b.source().folder,
                    b.bronzeRows(), b.representedRows(), b.quarantinedRows(), b.holds() ? "ok" : "MISMATCH (" + b.lost() + " rows)"));
        }
        clock.stop();
        if (!conservation.holds()) {
            throw new IllegalStateException("Conservation failed: rows are missing between bronze and silver+quarantine");
        }
        if (until == Step.SILVER) {
            return summary(runId, started, ingest, silver, conservation, null, null, null, clock);
        }

        clock.start(Step.QUALITY, "[4/6] Quality gate (Deequ): sources and silver, before anything is published");
        QualityGate.Result quality = new QualityGate(warehouse, progress).run(runId);
        clock.stop();
        if (!quality.passed()) {
            throw new QualityGateException(quality);
        }
        if (until == Step.QUALITY) {
            return summary(runId, started, ingest, silver, conservation, quality, null, null, clock);
        }

        clock.start(Step.GOLD, "[5/6] Silver → gold marts (statistics, with disclosure control)");
        GoldBuildJob.Result gold = new GoldBuildJob(warehouse, progress).run(runId);
        clock.stop();
        if (until == Step.GOLD) {
            return summary(runId, started, ingest, silver, conservation, quality, gold, null, clock);
        }

        clock.start(Step.RESEARCH, "[6/6] Gold → research views (documented, for SQL through Trino)");
        ResearchViewsJob.Result research = new ResearchViewsJob(warehouse, progress).run(runId);
        if (research.rebuilt()) {
            Path dictionary = DataDictionary.write(DataDictionary.read(warehouse), warehouse.config().catalogName(),
                    warehouse.config().home().resolve("research"));
            progress.accept("  data dictionary: " + dictionary + " (and .html)");
        }
        clock.stop();
        return summary(runId, started, ingest, silver, conservation, quality, gold, research, clock);
    }

    private static Summary summary(String runId, Instant started, List<BronzeIngestJob.SourceResult> ingest, SilverBuildJob.Result silver,
                                   Conservation.Result conservation, QualityGate.Result quality, GoldBuildJob.Result gold,
                                   ResearchViewsJob.Result research, StepClock clock) {
        return new Summary(runId, started, Duration.between(started, Instant.now()), ingest, silver, conservation, quality, gold, research,
                clock.times(), clock.work());
    }

    /**
     * Announces each step, and prints and keeps how long it took and how many Spark jobs and SQL executions it
     * started: the summary, the run record and the benchmarks use them.
     */
    private static final class StepClock {
        private final Consumer<String> progress;
        private final SparkWork counter;
        private final Map<Step, Duration> times = new java.util.EnumMap<>(Step.class);
        private final Map<Step, SparkWork.Counts> work = new java.util.EnumMap<>(Step.class);
        private Step step;
        private long startNanos;
        private SparkWork.Counts startCounts;

        StepClock(Consumer<String> progress, SparkWork counter) {
            this.progress = progress;
            this.counter = counter;
        }

        /** {@code step} is null for a check between steps, which is timed on screen only. */
        void start(Step step, String title) {
            this.step = step;
            progress.accept(title);
            startCounts = counter.counts();
            startNanos = System.nanoTime();
        }

        void stop() {
            Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
            SparkWork.Counts did = counter.counts().minus(startCounts);
            if (step != null) {
                times.put(step, took);
                work.put(step, did);
            }
            progress.accept(String.format("  (%.1f s, %,d Spark jobs, %,d SQL executions)", took.toNanos() / 1e9, did.jobs(),
                    did.sqlExecutions()));
        }

        Map<Step, SparkWork.Counts> work() {
            return java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(work));
        }

        Map<Step, Duration> times() {
            return java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(times));
        }
    }
}
