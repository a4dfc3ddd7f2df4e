package no.trygg.exports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.trygg.jobs.warehouse.Warehouse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestVerifierTest {

    private static Warehouse warehouse;

    @TempDir
    Path dir;

    @BeforeAll
    static void warehouse() {
        warehouse = TestExtracts.warehouseWithOneView();
    }

    private List<String> mismatches(Path x) {
        return ManifestVerifier.verify(x).mismatches().stream().map(ManifestVerifier.Mismatch::describe).toList();
    }

    @Test
    void anUntouchedExtractVerifies() {
        ManifestVerifier.Report r = ManifestVerifier.verify(TestExtracts.export(warehouse, dir).folder());
        assertTrue(r.ok(), r.mismatches().toString());
        assertEquals(4, r.files());
        assertEquals(1, r.views());
    }

    @Test
    void aChangedDigitIsReportedWithTheFileAndBothChecksums() throws Exception {
        Path x = TestExtracts.export(warehouse, dir).folder();
        Path csv = x.resolve("incident_rates.csv");
        Files.writeString(csv, Files.readString(csv).replace("1999.0", "1998.0"));
        List<String> m = mismatches(x);
        assertEquals(1, m.size(), m.toString());
        assertTrue(m.get(0).matches("incident_rates\\.csv: SHA-256 expected [0-9a-f]{64}, found [0-9a-f]{64}"), m.get(0));
    }

    @Test
    void aDroppedRowAMissingFileAndAnExtraFileAreAllReported() throws Exception {
        Path x = TestExtracts.export(warehouse, dir).folder();
        Path csv = x.resolve("incident_rates.csv");
        List<String> lines = Files.readAllLines(csv);
        Files.write(csv, lines.subList(0, lines.size() - 1));
        Files.delete(x.resolve("incident_rates.parquet"));
        Files.writeString(x.resolve("notes.txt"), "mine");
        List<String> m = mismatches(x);
        assertTrue(m.contains("incident_rates.csv: rows expected 3, found 2"), m.toString());
        assertTrue(m.stream().anyMatch(s -> s.startsWith("incident_rates.csv: size expected")), m.toString());
        assertTrue(m.stream().anyMatch(s -> s.startsWith("incident_rates.parquet: file expected present (")
                && s.endsWith("found missing")), m.toString());
        assertTrue(m.contains("notes.txt: file expected none (not in the manifest), found an extra file"), m.toString());
    }

    @Test
    void aFolderWithoutManifestIsAPlainError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ManifestVerifier.verify(dir));
        assertTrue(e.getMessage().startsWith("No manifest.json in " + dir), e.getMessage());
    }
}
