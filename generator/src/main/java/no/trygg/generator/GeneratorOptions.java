package no.trygg.generator;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What to generate: the seed, the years (inclusive), the size relative to the real organisation (scale 1.0 is
 * about 250 local offices and 1,700 incidents a year), the share of deliberately defective extra rows, and the
 * folder to write to. The same options always give byte-identical files.
 */
public record GeneratorOptions(long seed, int fromYear, int toYear, double scale, double defectShare, Path outDir) {

    public static final long DEFAULT_SEED = 42L;
    public static final int DEFAULT_FROM_YEAR = 2016;
    public static final int DEFAULT_TO_YEAR = 2025;
    public static final double DEFAULT_SCALE = 1.0;
    public static final double DEFAULT_DEFECT_SHARE = 0.01;

    public GeneratorOptions {
        Objects.requireNonNull(outDir, "outDir must not be null");
        if (fromYear < 2000 || fromYear > 2100) {
            throw new IllegalArgumentException("fromYear must be between 2000 and 2100, was " + fromYear);
        }
        if (toYear < 2000 || toYear > 2100) {
            throw new IllegalArgumentException("toYear must be between 2000 and 2100, was " + toYear);
        }
        if (fromYear > toYear) {
            throw new IllegalArgumentException("fromYear must not be after toYear, was " + fromYear + " > " + toYear);
        }
        if (!(scale > 0) || scale > 1000 || Double.isNaN(scale)) {
            throw new IllegalArgumentException("scale must be > 0 and <= 1000, was " + scale);
        }
        if (!(defectShare >= 0) || defectShare > 0.5) {
            throw new IllegalArgumentException("defectShare must be between 0 and 0.5, was " + defectShare);
        }
    }

    /** Seed 42, years 2016–2025, scale 1.0, 1 % defects. */
    public static GeneratorOptions defaults(Path outDir) {
        return new GeneratorOptions(DEFAULT_SEED, DEFAULT_FROM_YEAR, DEFAULT_TO_YEAR, DEFAULT_SCALE,
                DEFAULT_DEFECT_SHARE, outDir);
    }

    public GeneratorOptions withSeed(long newSeed) {
        return new GeneratorOptions(newSeed, fromYear, toYear, scale, defectShare, outDir);
    }

    public GeneratorOptions withYears(int from, int to) {
        return new GeneratorOptions(seed, from, to, scale, defectShare, outDir);
    }

    public GeneratorOptions withScale(double newScale) {
        return new GeneratorOptions(seed, fromYear, toYear, newScale, defectShare, outDir);
    }

    public GeneratorOptions withDefectShare(double share) {
        return new GeneratorOptions(seed, fromYear, toYear, scale, share, outDir);
    }

    public GeneratorOptions withOutDir(Path dir) {
        return new GeneratorOptions(seed, fromYear, toYear, scale, defectShare, dir);
    }

    /** Number of years covered (inclusive range). */
    public int years() {
        return toYear - fromYear + 1;
    }
}
