package no.trygg.generator;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The result of {@link SourceGenerator#generate}: where the files are, how many files and data rows each source
 * folder got, and the {@link Manifest} (also written as manifest.json).
 *
 * @param outDir         the output folder
 * @param manifestFile   the manifest.json written
 * @param filesPerFolder files written per source folder, in SourceFormat order
 * @param rowsPerFolder  data rows (headers excluded, defects included) per source folder
 * @param manifest       the manifest
 */
public record GenerationSummary(Path outDir, Path manifestFile, Map<String, Integer> filesPerFolder,
                                Map<String, Long> rowsPerFolder, Manifest manifest) {

    public GenerationSummary {
        filesPerFolder = Collections.unmodifiableMap(new LinkedHashMap<>(filesPerFolder));
        rowsPerFolder = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerFolder));
    }

    /** Source files written (manifest.json not counted). */
    public int totalFiles() {
        return filesPerFolder.values().stream().mapToInt(Integer::intValue).sum();
    }

    public long totalRows() {
        return rowsPerFolder.values().stream().mapToLong(Long::longValue).sum();
    }
}
