package no.trygg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import no.trygg.schemas.sources.SourceFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default run (seed 42, 2016–2025, scale 1, 1 % defects), checked file by file. Runs in `mvn verify -Pall`. */
@Tag("integration")
class FullGenerationTest {

    @TempDir
    Path dir;

    @Test
    void defaultRunIsFastAndItsManifestMatchesTheFiles() throws IOException {
        long t0 = System.nanoTime();
        GenerationSummary s = new SourceGenerator(GeneratorOptions.defaults(dir)).generate(System.out::println);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("full generation took " + millis + " ms");
        assertTrue(millis < 30_000, "generation took " + millis + " ms");

        Manifest m = s.manifest();
        assertEquals(1702, m.incidentsPerYear().get(2020));
        assertEquals(10, m.incidentsPerYear().size());
        Map<SourceFormat, SourceChecker.Result> checked = SourceChecker.check(dir);
        for (SourceFormat f : SourceFormat.values()) {
            SourceChecker.Result r = checked.get(f);
            Manifest.SourceStats st = m.source(f);
            assertEquals(st.rows(), r.rows(), f + " rows");
            Map<DefectReason, Long> expected = new EnumMap<>(DefectReason.class);
            st.defects().forEach((k, v) -> {
                if (v > 0) {
                    expected.put(k, v);
                }
            });
            assertEquals(expected, r.defects(), f + " defects");
            assertEquals(st.expectedSilverRows(), r.expectedSilverRows(), f + " silver rows");
        }
        assertEquals(3653, m.source(SourceFormat.INCIDENTS).files());
        assertEquals(120, m.source(SourceFormat.OFFICE_REGISTER).files());
    }
}
