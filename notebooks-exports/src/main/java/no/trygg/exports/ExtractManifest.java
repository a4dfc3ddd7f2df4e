package no.trygg.exports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.trygg.jobs.gold.disclosure.DisclosureRules;

/**
 * {@code manifest.json} of a research extract: what was exported from where (snapshots, code version),
 * which disclosure rules had been applied, and every file with its size, SHA-256 and row count, so a figure in
 * a paper can be traced to the warehouse state that made it and the files checked for changes
 * ({@link ManifestVerifier}, or the notebook's own check with hashlib).
 *
 * @param format          always {@value #FORMAT}
 * @param formatVersion   the layout of this file and the extract folder ({@value #FORMAT_VERSION})
 * @param extract         the extract's folder name
 * @param createdAt       when it was written (ISO-8601, UTC); the only thing that differs between two identical exports
 * @param codeVersion     the Trygg version that exported it
 * @param catalog         the Iceberg catalog the views were read from
 * @param namespace       their namespace ({@code research})
 * @param disclosure      the suppression rules the gold build applied before anything reached the views
 * @param views           one entry per exported view
 * @param files           every file of the extract except this manifest
 */
public record ExtractManifest(String format, int formatVersion, String extract, String createdAt, String codeVersion,
                              String catalog, String namespace, Disclosure disclosure, List<View> views, List<FileEntry> files) {

    public static final String FORMAT = "trygg-research-extract";
    public static final int FORMAT_VERSION = 1;
    public static final String FILE_NAME = "manifest.json";

    /**
     * @param thresholds the configured thresholds ({@code trygg.disclosure.*})
     * @param rules      the same in plain words
     */
    public record Disclosure(DisclosureRules thresholds, List<String> rules) {

        static Disclosure of(DisclosureRules r) {
            return new Disclosure(r, List.of(
                    "Counts from 1 to " + (r.minCount() - 1) + " are suppressed (flag ':', value empty); zeros are shown.",
                    "Office-level counts are suppressed for offices under " + r.minOfficeFte() + " FTE.",
                    "Complementary cells are suppressed until no hidden cell can be recovered from a published total.",
                    "No rate or interval below " + r.minRateNumerator() + " events; rates below " + r.reliableRateNumerator()
                            + " events are flagged 'u' (unreliable).",
                    "Survey groups under " + r.minSurveyGroup() + " respondents show nothing; for violence and harassment items the limit is "
                            + r.minSensitiveSurveyGroup() + "."));
        }
    }

    /**
     * @param view               name in the research schema
     * @param sourceTable        the gold mart it shows
     * @param goldSnapshotId     the mart's Iceberg snapshot the view was built from ("unknown" if the view does not say)
     * @param researchSnapshotId the view's Iceberg snapshot that was read
     * @param silverSnapshots    the {@code silver_snapshot} value(s) of its rows: the silver tables the figures come from
     * @param codeVersions       the {@code code_version} value(s) of its rows: the Trygg version that computed them
     * @param rows               rows exported
     * @param suppressedCells    rows flagged ':' (suppressed), or null for a view without flags
     * @param columns            the columns in file order, with Spark SQL types
     * @param files              its data files (Parquet and CSV)
     */
    public record View(String view, String sourceTable, String goldSnapshotId, String researchSnapshotId, List<String> silverSnapshots,
                       List<String> codeVersions, long rows, Long suppressedCells, List<Column> columns, List<String> files) {
    }

    public record Column(String name, String type) {
    }

    /**
     * @param name   file name inside the extract folder
     * @param view   the view whose rows it holds, or null (the data dictionary)
     * @param bytes  size
     * @param sha256 hex SHA-256 of the bytes
     * @param rows   data rows (CSV: without the header), or null for documents
     */
    public record FileEntry(String name, String view, long bytes, String sha256, Long rows) {
    }

    /** Indented, snake_case JSON (read by Python without any mapping). */
    static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    Path write(Path folder) {
        Path file = folder.resolve(FILE_NAME);
        try {
            Files.writeString(file, JSON.writeValueAsString(this) + "\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
