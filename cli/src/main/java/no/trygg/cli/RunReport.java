package no.trygg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.bronze.BronzeIngestJob;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.silver.FreeTextPersonalData;
import no.trygg.pipelines.Pipeline;
import no.trygg.quality.Conservation;

/** The end-of-run summary for people, and the same facts as JSON under runs/ for machines. */
final class RunReport {

    /**
     * Drift notes shown in the summary; the rest are in the run record. A changed export format drifts in every
     * daily file from then on, and a year of identical notes would bury the summary.
     */
    static final int DRIFT_SHOWN = 10;

    private RunReport() {
    }

    static void print(Pipeline.Summary s, TryggConfig config) {
        System.out.println();
        System.out.println("Summary of " + s.runId() + String.format(" (%.1f s)", s.took().toMillis() / 1000.0));
        if (s.conservation() == null) {
            s.ingest().forEach(in -> System.out.println(String.format("  %-18s %8d new files %10d new rows in bronze", in.source().folder,
                    in.filesNew(), in.rowsIngested())));
            printSchemaDrift(s);
            System.out.println("  Stopped after bronze, as asked (--until bronze)");
            return;
        }
        System.out.println(String.format("  %-18s %8s %10s %12s %10s  %s", "source", "new files", "new rows", "in silver", "quarantined", "silver table"));
        for (Conservation.SourceBalance b : s.conservation().balances()) {
            BronzeIngestJob.SourceResult in = s.ingest().stream().filter(r -> r.source() == b.source()).findFirst().orElseThrow();
            System.out.println(String.format("  %-18s %8d %10d %12d %10d  %s (%d rows)", b.source().folder, in.filesNew(),
                    in.rowsIngested(), b.representedRows(), b.quarantinedRows(),
                    config.catalogName() + ".silver." + Conservation.SILVER_OF.get(b.source()), b.silverRows()));
        }
        if (!s.silver().quarantineBySourceAndReason().isEmpty()) {
            System.out.println("  Quarantined by reason (table " + config.catalogName() + ".silver.quarantine):");
            s.silver().quarantineBySourceAndReason().forEach((src, reasons) -> System.out.println("    " + src + ": "
                    + reasons.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse("")));
        }
        if (!s.silver().freeTextPersonalData().isEmpty()) {
            System.out.println("  Free text with personal data (kept in bronze only; counts, never values):");
            s.silver().freeTextPersonalData().forEach((src, counts) -> System.out.println("    " + FreeTextPersonalData.describe(src, counts)));
        }
        printSchemaDrift(s);
        if (s.rejectedFiles() > 0) {
            System.out.println("  " + s.rejectedFiles() + " file(s) REJECTED and left in place; see the lines marked REJECTED above.");
        }
        System.out.println("  Silver " + (s.silver().rebuilt() ? "rebuilt" : "unchanged (inputs already loaded)")
                + "; conservation " + (s.conservation().holds() ? "holds: no row lost" : "FAILED"));
        var q = s.quality();
        if (q == null) {
            System.out.println("  Stopped after silver, as asked (--until silver): the quality gate has not judged it yet");
            return;
        }
        System.out.println("  Quality gate passed: " + q.checks().size() + " checks, " + q.warnings().size() + " warning(s), as of "
                + q.asOf() + " (tables " + config.catalogName() + ".quality.check_results and .metrics)");
        var g = s.gold();
        if (g == null) {
            System.out.println("  Stopped after the quality gate, as asked (--until quality): nothing published");
            return;
        }
        System.out.println("  Gold " + (g.rebuilt() ? "rebuilt" : "unchanged") + ": " + g.rowsPerTable().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "))
                + (g.suppressedPerTable().isEmpty() ? "" : "; cells suppressed (\":\"): " + g.suppressedPerTable()));
        System.out.println("  Catalog " + config.catalogName() + " at " + config.catalogUri());
        System.out.println("  Table files under " + config.warehouseDir());
        System.out.println("  Try: bin/trygg sql \"SELECT period, incidents, fte_years, rate_per_100_fte, flag FROM gold.incident_rates"
                + " WHERE period_grain = 'YEAR' AND breakdown = 'national' ORDER BY period\"");
    }

    /** The files loaded with schema drift, only when there are any: loaded, yet a column may be missing or ignored. */
    static void printSchemaDrift(Pipeline.Summary s) {
        List<String> drift = s.schemaDrift();
        if (drift.isEmpty()) return;
        System.out.println("  Schema drift (" + drift.size() + " note(s); the files were loaded, unknown columns stay in bronze"
                + " only, missing optional columns are empty in silver):");
        drift.stream().limit(DRIFT_SHOWN).forEach(n -> System.out.println("    " + n));
        if (drift.size() > DRIFT_SHOWN) {
            System.out.println("    ... and " + (drift.size() - DRIFT_SHOWN) + " more (all under \"schemaDrift\" in the run record)");
        }
    }

    static Path writeJson(Pipeline.Summary s, TryggConfig config) throws IOException {
        Files.createDirectories(config.runsDir());
        Path file = config.runsDir().resolve(s.runId() + ".json");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", s.runId());
        json.put("started", s.started().toString());
        json.put("seconds", s.took().toMillis() / 1000.0);
        Map<String, Double> steps = new LinkedHashMap<>();
        s.stepTimes().forEach((step, took) -> steps.put(step.name().toLowerCase(java.util.Locale.ROOT), took.toMillis() / 1000.0));
        json.put("stepSeconds", steps);
        // What each step cost Spark: its fixed price per query makes these counts the lever, not the rows.
        Map<String, Long> jobs = new LinkedHashMap<>();
        Map<String, Long> sql = new LinkedHashMap<>();
        s.stepWork().forEach((step, work) -> {
            jobs.put(step.name().toLowerCase(java.util.Locale.ROOT), work.jobs());
            sql.put(step.name().toLowerCase(java.util.Locale.ROOT), work.sqlExecutions());
        });
        json.put("stepSparkJobs", jobs);
        json.put("stepSqlExecutions", sql);
        json.put("ingest", s.ingest().stream().map(r -> Map.of("source", r.source().folder, "filesSeen", r.filesSeen(),
                "filesNew", r.filesNew(), "filesAlreadyLoaded", r.filesAlreadyLoaded(), "rejected", r.rejected(),
                "rowsIngested", r.rowsIngested())).toList());
        json.put("schemaDrift", s.schemaDrift());
        if (s.silver() != null) {
            json.put("silverRebuilt", s.silver().rebuilt());
            json.put("silverBuiltFrom", s.silver().builtFrom());
            json.put("silverRows", s.silver().rowsPerTable());
            json.put("quarantine", s.silver().quarantineBySourceAndReason());
            json.put("freeTextPersonalData", s.silver().freeTextPersonalData());
            json.put("conservation", s.conservation().balances().stream().map(b -> Map.of("source", b.source().folder,
                    "bronze", b.bronzeRows(), "represented", b.representedRows(), "quarantined", b.quarantinedRows(),
                    "holds", b.holds())).toList());
        }
        if (s.quality() != null) {
            json.put("quality", Map.of("asOf", s.quality().asOf().toString(), "checks", s.quality().checks().size(),
                    "warnings", s.quality().warnings().stream().map(c -> c.line()).toList(), "passed", s.quality().passed()));
        }
        if (s.gold() != null) {
            json.put("goldRebuilt", s.gold().rebuilt());
            json.put("goldRows", s.gold().rowsPerTable());
            json.put("goldSuppressed", s.gold().suppressedPerTable());
        }
        new ObjectMapper().registerModule(new JavaTimeModule()).enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(file.toFile(), json);
        return file;
    }
}
