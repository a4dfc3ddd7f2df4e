package no.trygg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class GeneratorOptionsTest {

    private static final Path OUT = Path.of("target", "unused");

    @Test
    void defaults() {
        GeneratorOptions o = GeneratorOptions.defaults(OUT);
        assertEquals(42L, o.seed());
        assertEquals(2016, o.fromYear());
        assertEquals(2025, o.toYear());
        assertEquals(1.0, o.scale());
        assertEquals(0.01, o.defectShare());
        assertEquals(OUT, o.outDir());
        assertEquals(10, o.years());
    }

    @Test
    void fromYearAfterToYear() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GeneratorOptions(1, 2021, 2020, 1, 0.01, OUT));
        assertEquals("fromYear must not be after toYear, was 2021 > 2020", e.getMessage());
    }

    @Test
    void yearsOutOfRange() {
        assertEquals("fromYear must be between 2000 and 2100, was 1999", assertThrows(IllegalArgumentException.class,
                () -> new GeneratorOptions(1, 1999, 2020, 1, 0.01, OUT)).getMessage());
        assertEquals("toYear must be between 2000 and 2100, was 2101", assertThrows(IllegalArgumentException.class,
                () -> new GeneratorOptions(1, 2020, 2101, 1, 0.01, OUT)).getMessage());
    }

    @Test
    void scaleOutOfRange() {
        for (double bad : new double[] {0, -1, 1000.5, Double.NaN, Double.POSITIVE_INFINITY}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GeneratorOptions(1, 2020, 2020, bad, 0.01, OUT));
            assertTrue(e.getMessage().startsWith("scale must be > 0 and <= 1000, was "), e.getMessage());
        }
        new GeneratorOptions(1, 2020, 2020, 1000, 0.01, OUT);
        new GeneratorOptions(1, 2020, 2020, 0.001, 0.01, OUT);
    }

    @Test
    void defectShareOutOfRange() {
        for (double bad : new double[] {-0.01, 0.51, Double.NaN}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GeneratorOptions(1, 2020, 2020, 1, bad, OUT));
            assertTrue(e.getMessage().startsWith("defectShare must be between 0 and 0.5, was "), e.getMessage());
        }
        new GeneratorOptions(1, 2020, 2020, 1, 0, OUT);
        new GeneratorOptions(1, 2020, 2020, 1, 0.5, OUT);
    }

    @Test
    void outDirRequired() {
        assertThrows(NullPointerException.class, () -> new GeneratorOptions(1, 2020, 2020, 1, 0.01, null));
    }
}
