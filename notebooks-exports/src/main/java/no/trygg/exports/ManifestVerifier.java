package no.trygg.exports;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import no.trygg.jobs.bronze.SourceFileReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.Type;

/**
 * Checks a research extract against its manifest without the warehouse: every listed file is there with the same
 * SHA-256, size and row count, the data files have the listed columns, and no file was added. Every mismatch is
 * reported, in plain words, not only the first.
 */
public final class ManifestVerifier {

    /** One difference between the manifest and the folder. */
    public record Mismatch(String file, String what, String expected, String found) {
        public String describe() {
            return file + ": " + what + " expected " + expected + ", found " + found;
        }
    }

    /**
     * @param folder   the extract checked
     * @param extract  its name in the manifest
     * @param files    files the manifest lists
     * @param views    views the manifest lists
     * @param mismatches every difference found; empty when the extract is as exported
     */
    public record Report(Path folder, String extract, int files, int views, List<Mismatch> mismatches) {
        public boolean ok() {
            return mismatches.isEmpty();
        }
    }

    private ManifestVerifier() {
    }

    public static Report verify(Path folder) {
        Path file = folder.resolve(ExtractManifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No " + ExtractManifest.FILE_NAME + " in " + folder
                    + ": give the extract's own folder (" + ResearchExport.PREFIX + "…), not the folder it was exported to");
        }
        JsonNode m;
        try {
            m = ExtractManifest.JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not a readable manifest (" + e.getMessage() + ")", e);
        }
        if (!ExtractManifest.FORMAT.equals(m.path("format").asText()) || m.path("format_version").asInt() > ExtractManifest.FORMAT_VERSION) {
            throw new IllegalArgumentException(file + " is not a Trygg research extract manifest of format version "
                    + ExtractManifest.FORMAT_VERSION + " or older (format " + m.path("format").asText("?") + ", version "
                    + m.path("format_version").asText("?") + ")");
        }
        List<ExtractManifest.FileEntry> listed = new ArrayList<>();
        for (JsonNode f : m.path("files")) {
            listed.add(new ExtractManifest.FileEntry(f.path("name").asText(), f.path("view").isNull() ? null : f.path("view").asText(null),
                    f.path("bytes").asLong(), f.path("sha256").asText(), f.path("rows").isNumber() ? f.path("rows").asLong() : null));
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (JsonNode v : m.path("views")) {
            List<String> names = new ArrayList<>();
            v.path("columns").forEach(c -> names.add(c.path("name").asText()));
            columns.put(v.path("view").asText(), names);
        }
        List<Mismatch> out = new ArrayList<>(check(folder, listed, columns));
        Set<String> known = new TreeSet<>();
        listed.forEach(f -> known.add(f.name()));
        known.add(ExtractManifest.FILE_NAME);
        try (Stream<Path> present = Files.list(folder)) {
            present.map(p -> p.getFileName().toString()).filter(n -> !known.contains(n)).sorted()
                    .forEach(n -> out.add(new Mismatch(n, "file", "none (not in the manifest)", "an extra file")));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + folder, e);
        }
        return new Report(folder, m.path("extract").asText(), listed.size(), columns.size(), out);
    }

    /** The differences between the files in {@code folder} and {@code expected} (content only; extra files are not looked for). */
    static List<Mismatch> compare(Path folder, List<ExtractManifest.FileEntry> expected) {
        return check(folder, expected, Map.of());
    }

    private static List<Mismatch> check(Path folder, List<ExtractManifest.FileEntry> expected, Map<String, List<String>> columns) {
        List<Mismatch> out = new ArrayList<>();
        for (ExtractManifest.FileEntry e : expected) {
            Path f = folder.resolve(e.name());
            if (!Files.isRegularFile(f)) {
                out.add(new Mismatch(e.name(), "file", "present (" + e.bytes() + " bytes)", "missing"));
                continue;
            }
            try {
                long size = Files.size(f);
                if (size != e.bytes()) out.add(new Mismatch(e.name(), "size", e.bytes() + " bytes", size + " bytes"));
                String sha = SourceFileReader.sha256(f);
                if (!sha.equals(e.sha256())) out.add(new Mismatch(e.name(), "SHA-256", e.sha256(), sha));
                if (e.rows() == null) continue;
                DataFile content = read(f);
                if (content.rows() != e.rows()) out.add(new Mismatch(e.name(), "rows", e.rows().toString(), Long.toString(content.rows())));
                List<String> cols = columns.get(e.view());
                if (cols != null && !cols.equals(content.columns())) {
                    out.add(new Mismatch(e.name(), "columns", String.join(",", cols), String.join(",", content.columns())));
                }
            } catch (IOException | RuntimeException ex) {
                out.add(new Mismatch(e.name(), "content", "a readable " + extension(e.name()) + " file", "unreadable (" + ex.getMessage() + ")"));
            }
        }
        return out;
    }

    private record DataFile(long rows, List<String> columns) {
    }

    private static DataFile read(Path f) throws IOException {
        if (f.getFileName().toString().endsWith(".parquet")) {
            // The footer has the row count and the schema: no need to read the data.
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(new org.apache.hadoop.fs.Path(f.toUri()), new Configuration()))) {
                return new DataFile(r.getRecordCount(), r.getFooter().getFileMetaData().getSchema().getFields().stream().map(Type::getName).toList());
            }
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8); CSVParser p = format.parse(in)) {
            long n = 0;
            for (var ignored : p) n++;
            return new DataFile(n, p.getHeaderNames());
        }
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toUpperCase(java.util.Locale.ROOT);
    }
}
