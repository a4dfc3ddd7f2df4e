package no.trygg.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import no.trygg.exports.NotebookKernel;
import no.trygg.exports.ResearchExport;
import no.trygg.jobs.config.TryggConfig;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.testing.HeadlessChromium;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's research export end to end, as a researcher meets it: the shared warehouse, `export research`, `export verify`
 * on the extract and on a tampered copy, then the headline-tables notebook run headless (nbconvert, in the pinned
 * environment in the download cache) whose output tables must equal the gold marts, suppressed cells still empty.
 */
@Tag("integration")
class ExportIT {

    private static final String KEY = SharedWarehouse.KEY;

    @TempDir
    Path dir;

    @Test
    void anExtractVerifiesAndTheNotebookReproducesTheMarts() throws Exception {
        SharedWarehouse shared = SharedWarehouse.get();
        Path home = shared.home;
        Path exports = dir.resolve("exports");
        String[] export = shared.command("export", "research", "--out", exports.toString());
        InProcessTrygg.Result first = InProcessTrygg.run(home, KEY, export);
        assertEquals(0, first.exitCode());
        Path extract;
        try (Stream<Path> found = Files.list(exports)) {
            List<Path> all = found.toList();
            assertEquals(1, all.size(), all.toString());
            extract = all.get(0);
        }
        assertTrue(extract.getFileName().toString().startsWith(ResearchExport.PREFIX), extract.toString());
        assertTrue(first.output().contains("wrote office_funnel"), "one progress line per view\n" + first.output());

        InProcessTrygg.Result again = InProcessTrygg.run(home, KEY, export);
        assertEquals(0, again.exitCode(), "exporting the same state again");
        assertTrue(again.output().contains("an identical extract is already there"), again.output());

        InProcessTrygg.Result verified = InProcessTrygg.run(home, KEY, "export", "verify", extract.toString());
        assertEquals(0, verified.exitCode());
        assertTrue(verified.output().contains("OK: " + extract.getFileName() + " matches its manifest (8 views, 18 files)"),
                verified.output());

        Path tampered = dir.resolve("tampered").resolve(extract.getFileName());
        copyTree(extract, tampered);
        Path csv = tampered.resolve("office_funnel.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv, StandardCharsets.UTF_8));
        lines.remove(lines.size() - 1);
        Files.write(csv, lines, StandardCharsets.UTF_8);
        InProcessTrygg.Result refused = InProcessTrygg.run(home, KEY, "export", "verify", tampered.toString());
        assertEquals(1, refused.exitCode());
        String verifyLog = refused.output();
        assertTrue(verifyLog.contains("office_funnel.csv: SHA-256 expected ") && verifyLog.contains("office_funnel.csv: rows expected "),
                verifyLog);

        Path out = dir.resolve("notebook-out");
        long t = System.nanoTime();
        TryggConfig config = shared.config();
        new NotebookKernel(config.trino().cacheDir(), System.out::println).execute(NotebookKernel.HEADLINE_TABLES, extract, out, Duration.ofMinutes(5));
        System.out.println("notebook (with any first-time install) took " + (System.nanoTime() - t) / 1_000_000_000 + " s");

        Warehouse w = TestWarehouse.attach(config);
        Dataset<Row> rates = w.read(Warehouse.GOLD, GoldTables.INCIDENT_RATES).filter(col("period_grain").equalTo("YEAR"));
        Dataset<Row> national = rates.filter(col("breakdown").equalTo("national")).withColumnRenamed("period", "year");
        assertEqualsMart(out.resolve("national_yearly.csv"), national, "year");
        String latest = national.agg(org.apache.spark.sql.functions.max("year")).first().getString(0);
        assertEqualsMart(out.resolve("size_class_latest_year.csv"),
                rates.filter(col("breakdown").equalTo("size_class").and(col("period").equalTo(latest))).withColumnRenamed("period", "year"),
                "size_class");
        assertEqualsMart(out.resolve("survey_national.csv"),
                w.read(Warehouse.GOLD, GoldTables.SURVEY_INDICATORS).filter(col("breakdown").equalTo("national")), "survey_year", "question_code");
        Dataset<Row> funnel = w.read(Warehouse.GOLD, GoldTables.OFFICE_FUNNEL);
        String funnelYear = funnel.agg(org.apache.spark.sql.functions.max("year")).first().getString(0);
        int suppressed = assertEqualsMart(out.resolve("funnel_latest_year.csv"), funnel.filter(col("year").equalTo(funnelYear)), "office_id");
        assertTrue(suppressed > 0, "the small warehouse has suppressed office counts, and the notebook kept them empty");

        BufferedImage png = ImageIO.read(out.resolve("funnel_plot.png").toFile());
        assertTrue(png.getWidth() >= 600 && png.getHeight() >= 400, png.getWidth() + "x" + png.getHeight());
        double ink = HeadlessChromium.inkShare(png);
        assertTrue(ink > 0.01, "the funnel plot has content, ink share " + ink);
        assertTrue(Files.readString(out.resolve("headline-tables.executed.ipynb")).contains("files match the manifest"),
                "the notebook verified the checksums itself");
        shared.assertUnchanged();
    }

    /**
     * Every row of the notebook's table equals the mart's row with the same key, column by column; an empty cell is a null
     * in the mart (suppressed or not computed), never a filled-in number. Returns how many empty numeric cells there were.
     */
    private static int assertEqualsMart(Path table, Dataset<Row> mart, String... key) throws Exception {
        List<CSVRecord> records;
        List<String> header;
        try (Reader in = Files.newBufferedReader(table, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
            records = p.getRecords();
            header = p.getHeaderNames();
        }
        List<Row> rows = mart.select(header.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new)).collectAsList();
        assertEquals(rows.size(), records.size(), table.getFileName() + ": rows");
        assertNotEquals(0, rows.size(), table.getFileName() + " is not empty");
        int empty = 0;
        for (CSVRecord r : records) {
            Row m = rows.stream().filter(row -> matches(row, r, header, key)).findFirst()
                    .orElseThrow(() -> new AssertionError(table.getFileName() + ": no mart row for " + r));
            for (int i = 0; i < header.size(); i++) {
                String cell = r.get(i);
                Object v = m.get(i);
                String where = table.getFileName() + " " + r.toMap() + " column " + header.get(i);
                if (v instanceof Number n) {
                    if (cell.isEmpty()) throw new AssertionError(where + ": mart has " + n + ", the notebook left it empty");
                    assertEquals(n.doubleValue(), Double.parseDouble(cell), 0.0, where);
                } else if (v == null) {
                    assertEquals("", cell, where + ": suppressed in the mart, so empty");
                    empty++;
                } else {
                    assertEquals(v.toString(), cell, where);
                }
            }
        }
        return empty;
    }

    private static boolean matches(Row row, CSVRecord r, List<String> header, String[] key) {
        for (String k : key) {
            if (!String.valueOf(row.get(header.indexOf(k))).equals(r.get(k))) return false;
        }
        return true;
    }

    private static void copyTree(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) Files.copy(f, to.resolve(f.getFileName()));
        }
    }
}
