package no.trygg.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** The same content as XHTML (well-formed, one figure per chart) and as PDF (pages, the numbers in its text). */
class ReportRenderingTest {

    @Test
    void xhtmlIsWellFormedAndHasEveryChartAsSvg() throws Exception {
        QuarterlyReport r = report(ReportLanguage.NB);
        String xhtml = ReportHtml.xhtml(r);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xhtml.getBytes(StandardCharsets.UTF_8)));
        assertEquals(8, doc.getElementsByTagName("figure").getLength());
        assertEquals(8, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength(), "every chart is drawn");
        assertTrue(xhtml.contains("<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"nb\">"));
        assertTrue(!xhtml.contains("<script"), "no scripts");
    }

    @Test
    void pdfHasPagesAndTheKeyNumbersInItsText() throws Exception {
        for (ReportLanguage l : ReportLanguage.values()) {
            QuarterlyReport r = report(l);
            byte[] pdf = ReportPdf.render(ReportHtml.xhtml(r));
            assertTrue(ReportPdf.pages(pdf) >= 3, "pages: " + ReportPdf.pages(pdf));
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf)) {
                // One space for every run of spaces and line breaks: sentences wrap across lines on the page.
                text = new PDFTextStripper().getText(doc).replace('\u202F', ' ').replace('\u00A0', ' ').replaceAll("\\s+", " ");
            }
            // 2025Q3: 3 × 45 = 135 incidents on 250 FTE-years (rate 54.0); 2024Q3: 90 (36.0); 12 months: 405 against 360.
            for (String number : List.of("135", "90", "405", "360", l.number(54.0, 1), l.number(36.0, 1))) {
                assertTrue(text.contains(number), l + ": " + number + " in the PDF text");
            }
            assertTrue(text.contains(l.text("report.subtitle", "quarter", l.quarter(r.quarter()))), "subtitle");
            assertTrue(text.contains(l.text("section.methods")), "methods box");
            assertTrue(text.contains("silver-1") && text.contains("1234"), "snapshot ids");
            assertTrue(text.contains(l == ReportLanguage.NB ? "raten økte fra 36,0" : "the rate increased from 36.0"), "the statement");
        }
    }

    @Test
    void suppressedGroupsStaySuppressed() {
        List<Map<String, Object>> groups = List.of(
                ReportRows.rate("QUARTER", "2025Q3", "size_class", Map.of("size_class", "SMALL"), null, 20),
                ReportRows.rate("QUARTER", "2025Q3", "size_class", Map.of("size_class", "LARGE"), 40L, 120),
                ReportRows.rate("QUARTER", "2024Q3", "size_class", Map.of("size_class", "LARGE"), 38L, 118));
        QuarterlyReport r = QuarterlyReport.build(new Quarter(2025, 3), ReportLanguage.NB,
                ReportStatementsTest.rows(ReportRows.national(30, 45), groups), ReportStatementsTest.methods());
        String xhtml = ReportHtml.xhtml(r);
        assertTrue(xhtml.contains("class=\"suppressed\""), "the small group is drawn as ':'");
        assertTrue(r.statements().stream().anyMatch(s -> s.startsWith("Etter kontorstørrelse: ingen grupper")
                && s.contains("(1 grupper kunne ikke sammenlignes")), String.join("\n", r.statements()));
    }

    private static QuarterlyReport report(ReportLanguage l) {
        return QuarterlyReport.build(new Quarter(2025, 3), l, ReportStatementsTest.rows(ReportRows.national(30, 45), groups()),
                ReportStatementsTest.methods());
    }

    /** Two groups of every breakdown the report shows, in both quarters. */
    private static List<Map<String, Object>> groups() {
        Map<String, List<String>> codes = Map.of("size_class", List.of("SMALL", "LARGE"), "county_no", List.of("03", "46"),
                "channel_strategy_stage", List.of("NOT_STARTED", "IMPLEMENTED"), "incident_type", List.of("THREAT", "VERBAL"),
                "channel", List.of("PHONE", "RECEPTION"));
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        codes.forEach((breakdown, values) -> {
            for (String v : values) {
                Map<String, String> group = breakdown.equals("county_no") ? Map.of("county_no", v, "county_name", "Fylke " + v) : Map.of(breakdown, v);
                rows.add(ReportRows.rate("QUARTER", "2025Q3", breakdown, group, 60L, 120));
                rows.add(ReportRows.rate("QUARTER", "2024Q3", breakdown, group, 45L, 120));
            }
        });
        return rows;
    }
}
