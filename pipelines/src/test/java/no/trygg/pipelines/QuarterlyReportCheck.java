package no.trygg.pipelines;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.report.Quarter;
import no.trygg.publish.report.QuarterlyReportJob;
import no.trygg.publish.report.ReportLanguage;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The leadership report of a real warehouse, checked from the outside as a reader gets it: the PDF turned into
 * page images by poppler's pdftoppm (every page has ink, the charts' pages a lot) and into text by pdftotext,
 * whose key numbers must be the marts' own values, read here straight from gold.
 */
final class QuarterlyReportCheck {

    private QuarterlyReportCheck() {
    }

    static void assertReportShowsTheMarts(Warehouse w, Quarter q, Path out) throws Exception {
        ReportLanguage l = ReportLanguage.NB;
        QuarterlyReportJob.Written written = QuarterlyReportJob.write(w, q, l, out, line -> { });

        List<BufferedImage> pages = pageImages(written.pdf(), out.resolve("pages"));
        assertEquals(written.pages(), pages.size(), "pdftoppm renders every page");
        assertTrue(pages.size() >= 4, "a cover page, charts and the methods box: " + pages.size() + " pages");
        int chartPages = 0;
        for (int i = 0; i < pages.size(); i++) {
            double ink = ink(pages.get(i));
            assertTrue(ink > 0.004, "page " + (i + 1) + " has content (ink " + ink + ")");
            if (ink > 0.03) chartPages++;
        }
        assertTrue(chartPages >= 2, "pages with charts drawn on them: " + chartPages);

        String html = Files.readString(written.html());
        assertEquals(8, count(html, "<figure class=\"chart"), "eight charts");
        assertEquals(8, count(html, "<svg xmlns="), "every chart has its drawing (none is empty for a quarter with data)");

        String text = run("pdftotext", "-enc", "UTF-8", written.pdf().toString(), "-").replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ");
        Dataset<Row> national = w.read(Warehouse.GOLD, GoldTables.INCIDENT_RATES).filter(col("breakdown").equalTo("national"));
        for (Quarter quarter : List.of(q, q.sameQuarterLastYear())) {
            Row cell = national.filter(col("period").equalTo(quarter.id())).first();
            long incidents = cell.getAs("incidents");
            double rate = cell.getAs("rate_per_100_fte");
            assertTrue(text.contains(" " + l.count(incidents) + " "), quarter + ": " + incidents + " incidents in the report");
            assertTrue(text.contains(l.number(rate, 1) + " (95 % KI"), quarter + ": rate " + l.number(rate, 1) + " in the report");
        }
        List<String> months = q.monthsEndingHere(24);
        long hiddenMonths = national.filter(col("period").isin(months.toArray()).and(col("incidents").isNull())).count();
        if (hiddenMonths == 0) { // a sum over a suppressed month is itself suppressed, so only then is it shown
            long last12 = national.filter(col("period").isin(months.subList(12, 24).toArray())).agg(sum("incidents")).first().getLong(0);
            long before12 = national.filter(col("period").isin(months.subList(0, 12).toArray())).agg(sum("incidents")).first().getLong(0);
            assertTrue(text.contains(" " + l.count(last12) + " "), "rolling 12 months: " + last12);
            assertTrue(text.contains(" " + l.count(before12) + " "), "the 12 months before: " + before12);
        }
        String snapshot = w.snapshotId(Warehouse.GOLD, GoldTables.INCIDENT_RATES);
        assertTrue(text.contains(snapshot), "the methods box names the gold snapshot " + snapshot);
        assertFalse(text.contains("Ingen data"), "no chart without data");
    }

    private static List<BufferedImage> pageImages(Path pdf, Path dir) throws Exception {
        Files.createDirectories(dir);
        run("pdftoppm", "-r", "40", "-png", pdf.toString(), dir.resolve("page").toString());
        List<BufferedImage> images = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".png")).sorted().toList()) images.add(ImageIO.read(p.toFile()));
        }
        return images;
    }

    /** Share of pixels that are not (near) white. */
    private static double ink(BufferedImage img) {
        long dark = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 3 * 230) dark++;
            }
        }
        return dark / (double) (img.getWidth() * img.getHeight());
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) n++;
        return n;
    }

    /** Runs a poppler tool; a missing one is a clear failure (bin/test installs poppler-utils). */
    private static String run(String... command) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            throw new AssertionError(command[0] + " is not installed: bin/test installs poppler-utils (apt-get install poppler-utils)", e);
        }
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), command[0] + " finished");
        assertEquals(0, p.exitValue(), String.join(" ", command));
        return out;
    }
}
