package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import no.trygg.jobs.bronze.BronzeIngestJob;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.spark.SparkWork;
import no.trygg.pipelines.Pipeline;
import no.trygg.schemas.sources.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schema drift in the run's summary and JSON record: a drifted file is loaded, so without this the only trace of a
 * missing or ignored column would be a log line. Built on a bronze-only summary, so no Spark is needed.
 */
class RunReportTest {

    private static final String DRIFT = "incidents/incidents_2025-02-17.csv: line 1 has column(s) the incidents format"
            + " does not know, kept in bronze only: lukket_tidspunkt";

    @TempDir
    Path home;

    @Test
    void theRunRecordListsEveryDriftNote() throws IOException {
        assertEquals(List.of(DRIFT), recordedDrift(bronzeOnly(List.of(DRIFT))));
    }

    @Test
    void aRunWithoutDriftRecordsAnEmptyList() throws IOException {
        assertEquals(List.of(), recordedDrift(bronzeOnly(List.of())), "machines find the key in every record");
    }

    @Test
    void theSummaryShowsDriftOnlyWhenThereIsAny() {
        String out = printed(bronzeOnly(List.of(DRIFT)));
        assertTrue(out.contains("Schema drift (1 note(s)"), out);
        assertTrue(out.contains("    " + DRIFT + "\n"), out);
        assertFalse(printed(bronzeOnly(List.of())).contains("Schema drift"));
    }

    @Test
    void theSummaryShowsTheFirstNotesAndPointsToTheRecordForTheRest() {
        List<String> drift = IntStream.rangeClosed(1, RunReport.DRIFT_SHOWN + 3)
                .mapToObj(day -> String.format("incidents/incidents_2025-03-%02d.csv: line 1 has column(s) ...", day)).toList();
        String out = printed(bronzeOnly(drift));
        assertTrue(out.contains(drift.get(RunReport.DRIFT_SHOWN - 1)), out);
        assertFalse(out.contains(drift.get(RunReport.DRIFT_SHOWN)), out);
        assertTrue(out.contains("... and 3 more (all under \"schemaDrift\" in the run record)"), out);
    }

    @Test
    void theRunRecordHasEachStepsSparkJobsAndSqlExecutions() throws IOException {
        Pipeline.Summary s = bronzeOnly(List.of());
        s = new Pipeline.Summary(s.runId(), s.started(), s.took(), s.ingest(), null, null, null, null, null,
                Map.of(Pipeline.Step.BRONZE, Duration.ofSeconds(2)), Map.of(Pipeline.Step.BRONZE, new SparkWork.Counts(12, 30)));
        Path file = RunReport.writeJson(s, TryggConfig.load(Map.of("trygg.home", home.toString())));
        JsonNode run = new ObjectMapper().readTree(file.toFile());
        assertEquals(12, run.path("stepSparkJobs").path("bronze").asInt(), run.toString());
        assertEquals(30, run.path("stepSqlExecutions").path("bronze").asInt(), run.toString());
    }

    /** A run stopped after bronze (--until bronze): one incidents file loaded, with the given drift notes. */
    private static Pipeline.Summary bronzeOnly(List<String> drift) {
        BronzeIngestJob.SourceResult incidents = new BronzeIngestJob.SourceResult(SourceFormat.INCIDENTS, 1, 1, 0,
                List.of(), drift, 2, 0);
        return new Pipeline.Summary("run-test", Instant.parse("2026-01-15T12:00:00Z"), Duration.ofSeconds(3),
                List.of(incidents), null, null, null, null, null, Map.of(), Map.of());
    }

    private List<String> recordedDrift(Pipeline.Summary s) throws IOException {
        Path file = RunReport.writeJson(s, TryggConfig.load(Map.of("trygg.home", home.toString())));
        JsonNode drift = new ObjectMapper().readTree(file.toFile()).get("schemaDrift");
        assertTrue(drift != null && drift.isArray(), "schemaDrift is a list in " + file);
        List<String> notes = new ArrayList<>();
        drift.forEach(n -> notes.add(n.asText()));
        return notes;
    }

    private static String printed(Pipeline.Summary s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            RunReport.print(s, null); // the bronze-only summary names no tables, so it needs no config
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
