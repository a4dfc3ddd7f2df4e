package no.trygg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import no.trygg.generator.GeneratorOptions;
import no.trygg.generator.SourceGenerator;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.testing.HeadlessChromium;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gate as an operator meets it: a broken export stops `trygg run` with exit code 4 and a message that
 * names the table, the constraint, the observed value and the threshold; the report then shows the stop
 * in a browser (headless Chromium), with the trend over the runs and quarantine by reason.
 */
@Tag("integration")
class QualityGateCliIT {

    private static final String KEY = "quality-cli-key-0123456789abcdefghijklmn";
    private static final String CATALOG = "qgate";

    @TempDir
    Path dir;

    @Test
    void aBrokenExportStopsTheRunAndTheReportShowsWhy() throws Exception {
        Path sources = dir.resolve("sources");
        Path home = dir.resolve("home");
        new SourceGenerator(new GeneratorOptions(5, 2024, 2024, 0.05, 0.02, sources)).generate(s -> { });
        String[] run = {"run", "--sources", sources.toString(), "--set", "trygg.quality.as-of=2025-01-01",
                "--set", "trygg.catalog.name=" + CATALOG};
        assertEquals(0, InProcessTrygg.exit(home, KEY, run), "clean sources pass the gate");

        // The next day's export arrives with the incident type column empty on every row: a broken export.
        Path incidents = sources.resolve("incidents");
        Path busiest = Files.list(incidents).max(java.util.Comparator.comparingLong(f -> f.toFile().length())).orElseThrow();
        List<String> lines = Files.readAllLines(busiest, StandardCharsets.UTF_8);
        List<String> header = List.of(lines.get(0).split(";", -1));
        int type = header.indexOf("hendelsestype");
        // Free text is the last column, so a split limited to the header's width keeps it whole.
        String[] template = lines.get(1).split(";", header.size());
        String broken = java.util.stream.IntStream.range(0, 8).mapToObj(i -> {
            String[] f = template.clone();
            f[0] = "HBROKEN-" + i;
            f[type] = "";
            return String.join(";", f);
        }).collect(Collectors.joining("\n", lines.get(0) + "\n", "\n"));
        Files.writeString(incidents.resolve("incidents_2025-01-01.csv"), broken, StandardCharsets.UTF_8);

        InProcessTrygg.Result stopped = InProcessTrygg.run(home, KEY, run);
        assertEquals(Trygg.QUALITY_GATE_STOPPED, stopped.exitCode(), "an Error-level failure exits with 4");
        String log = stopped.output();
        assertTrue(log.contains("quality gate stopped the run (nothing published)"), log);
        assertTrue(log.contains("source.incidents: incident_type is filled in [COMPLETENESS] observed 0.00 % of rows,"
                + " required ≥ 90.0 % of rows"), log);

        // Nothing published: every gold table is still the one the first (clean) run wrote.
        java.util.regex.Matcher first = java.util.regex.Pattern.compile("Run (run-\\S+) ").matcher(TryggProcess.log(home));
        assertTrue(first.find(), TryggProcess.log(home));
        Warehouse w = TestWarehouse.attach(TryggConfig.load(java.util.Map.of("trygg.home", home.toString(),
                "trygg.catalog.name", CATALOG)));
        for (String t : GoldTables.ALL) {
            assertEquals(java.util.Optional.of(first.group(1)), w.snapshotProperty(Warehouse.GOLD, t, Warehouse.RUN_ID),
                    "gold." + t + " was written by the clean run only");
        }

        Path reports = dir.resolve("reports");
        assertEquals(0, InProcessTrygg.exit(home, KEY, "quality", "report", "--out", reports.toString(),
                "--set", "trygg.catalog.name=" + CATALOG));
        JsonNode json = new ObjectMapper().readTree(reports.resolve("quality.json").toFile());
        assertEquals("STOPPED", json.get("overall").asText());
        assertTrue(json.get("trends").size() > 0, "the trend of key metrics is in the report");

        assumeChromium();
        Path html = reports.resolve("quality.html");
        String dom = HeadlessChromium.dumpDom(html);
        assertTrue(dom.contains("id=\"overall\">STOPPED<"), "the verdict is the first thing a reader sees");
        assertTrue(dom.contains("<h2>Trends of key metrics</h2>") && dom.contains("<svg"), "trends are drawn");
        assertTrue(dom.contains("<h2>Quarantine by source and reason</h2>") && dom.contains("MISSING_MANDATORY"),
                "quarantine counts by reason");
        assertTrue(dom.contains("<tr class=\"failed\"><td>incident_type is filled in</td>"), "the failed check is marked");
        BufferedImage shot = HeadlessChromium.screenshot(html, dir.resolve("quality.png"), 1200, 1600);
        assertEquals(1200, shot.getWidth());
        double ink = HeadlessChromium.inkShare(shot);
        assertTrue(ink > 0.03, "the page renders content, ink share " + ink);
    }

    static void assumeChromium() {
        if (System.getenv("CI") != null) assertTrue(HeadlessChromium.binary().isPresent(), "bin/test installs Chromium");
        assumeTrue(HeadlessChromium.binary().isPresent(), "Chromium not installed (bin/test installs it)");
    }
}
