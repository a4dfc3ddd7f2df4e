package no.trygg.exports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResearchExportTest {

    private static Warehouse warehouse;

    @TempDir
    Path dir;

    @BeforeAll
    static void warehouse() {
        warehouse = TestExtracts.warehouseWithOneView();
    }

    @Test
    void writesOneParquetAndOneSortedCsvPerViewTheDictionaryAndAManifest() throws Exception {
        ResearchExport.Result r = TestExtracts.export(warehouse, dir);
        Path x = r.folder();
        assertFalse(r.alreadyThere());
        assertTrue(x.getFileName().toString().matches("trygg-research-[^-]+-SNAPSHOT-[0-9a-f]{12}"), x.toString());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(x), files.toList(), "only the extract, no temporary folder left");
        }
        try (Stream<Path> files = Files.list(x)) {
            assertEquals(List.of("data-dictionary.html", "data-dictionary.md", "incident_rates.csv", "incident_rates.parquet", "manifest.json"),
                    files.map(p -> p.getFileName().toString()).sorted().toList(), "one file per view and format, no Spark part folders");
        }
        // Sorted by every column; a suppressed cell is empty; quotes doubled (RFC 4180); the empty flag is "".
        assertEquals("""
                period_grain,period,period_start,breakdown,county_name,incidents,fte_years,rate_per_100_fte,flag,silver_snapshot,code_version
                YEAR,2023,2023-01-01,county,"Troms, ""Romsa\""",,12.25,,:,"incidents@11,office_month@22",0.1.0
                YEAR,2023,2023-01-01,national,ALL,3,1999.0,0.15,u,"incidents@11,office_month@22",0.1.0
                YEAR,2024,2024-01-01,national,ALL,40,2000.5,2.0,"","incidents@11,office_month@22",0.1.0
                """, Files.readString(x.resolve("incident_rates.csv"), StandardCharsets.UTF_8));

        JsonNode m = ExtractManifest.JSON.readTree(x.resolve("manifest.json").toFile());
        assertEquals("trygg-research-extract", m.get("format").asText());
        assertEquals(1, m.get("format_version").asInt());
        assertEquals("2026-01-02T10:00:00Z", m.get("created_at").asText());
        assertEquals(3, m.at("/disclosure/thresholds/min_count").asInt());
        JsonNode v = m.at("/views/0");
        assertEquals("incident_rates", v.get("view").asText());
        assertEquals("gold." + GoldTables.INCIDENT_RATES, v.get("source_table").asText());
        assertEquals(warehouse.snapshotId(Warehouse.GOLD, GoldTables.INCIDENT_RATES), v.get("gold_snapshot_id").asText());
        assertEquals(warehouse.snapshotId("research", "incident_rates"), v.get("research_snapshot_id").asText());
        assertEquals(TestExtracts.SILVER, v.at("/silver_snapshots/0").asText());
        assertEquals(3, v.get("rows").asLong());
        assertEquals(1, v.get("suppressed_cells").asLong());
        assertEquals("incidents", v.at("/columns/5/name").asText());
        assertEquals("bigint", v.at("/columns/5/type").asText());
        assertEquals(4, m.get("files").size());
        assertTrue(ManifestVerifier.verify(x).ok(), () -> ManifestVerifier.verify(x).mismatches().toString());
    }

    @Test
    void exportingTheSameStateAgainFindsTheIdenticalExtractAndIsByteStable() throws Exception {
        Path first = TestExtracts.export(warehouse, dir.resolve("a")).folder();
        ResearchExport.Result again = TestExtracts.export(warehouse, dir.resolve("a"));
        assertTrue(again.alreadyThere());
        assertEquals(first, again.folder());

        Path elsewhere = TestExtracts.export(warehouse, dir.resolve("b")).folder();
        assertEquals(first.getFileName(), elsewhere.getFileName(), "the name depends on the warehouse state, not on the time");
        // Parquet is left out: in one JVM it is identical too, but not between JVMs (see ResearchExport.publish).
        for (String f : List.of("incident_rates.csv", "data-dictionary.md", "data-dictionary.html")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(f)), Files.readAllBytes(elsewhere.resolve(f)), f + " is byte-identical");
        }
    }

    @Test
    void anExistingExtractWithOtherContentIsNeverOverwritten() throws Exception {
        Path x = TestExtracts.export(warehouse, dir).folder();
        Path csv = x.resolve("incident_rates.csv");
        String edited = Files.readString(csv).replace("2000.5", "2000.6");
        Files.writeString(csv, edited);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestExtracts.export(warehouse, dir));
        assertTrue(e.getMessage().contains("already exists") && e.getMessage().contains("incident_rates.csv: SHA-256 expected"), e.getMessage());
        assertEquals(edited, Files.readString(csv), "the existing extract is left as it was");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the refused export left no temporary folder");
        }
    }
}
