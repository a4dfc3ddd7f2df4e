package no.trygg.publish.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * The report's XHTML as a PDF (openhtmltopdf on PDFBox, Batik for the SVG charts). The DejaVu fonts come from the
 * class path and are embedded, so the PDF looks the same on every machine and needs no system fonts.
 */
public final class ReportPdf {

    static final String FONT_FAMILY = "DejaVu Sans";
    private static final String FONTS = "/net/sf/jasperreports/fonts/dejavu/";

    private ReportPdf() {
    }

    public static byte[] render(String xhtml) {
        // The SVG charts ask for the system's UI font; in the PDF they get the embedded one, a size smaller because
        // DejaVu runs wider and the charts lay out their labels for the UI font's widths.
        String html = xhtml.replace("font-family=\"system-ui,sans-serif\" font-size=\"12\"", "font-family=\"" + FONT_FAMILY + "\" font-size=\"10.5\"");
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        try {
            quietLogging();
            PdfRendererBuilder b = new PdfRendererBuilder();
            b.useFastMode();
            b.useSVGDrawer(new BatikSVGDrawer());
            b.useFont(() -> font("DejaVuSans.ttf"), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> font("DejaVuSans-Bold.ttf"), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            b.useFont(() -> font("DejaVuSans-Oblique.ttf"), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.ITALIC, true);
            b.withProducer("Trygg");
            b.withHtmlContent(html, null);
            b.toStream(out);
            b.run();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot render the report as PDF", e);
        }
        return out.toByteArray();
    }

    /** Page count of a rendered PDF: for the progress line, and a check that the renderer produced pages at all. */
    public static int pages(byte[] pdf) {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (IOException e) {
            throw new UncheckedIOException("The rendered report is not a readable PDF", e);
        }
    }

    /** The renderer logs every font load and timing at INFO; a command's output should show only Trygg's progress and real warnings. */
    private static void quietLogging() {
        for (String logger : XRLog.listRegisteredLoggers()) XRLog.setLevel(logger, java.util.logging.Level.WARNING);
    }

    private static InputStream font(String file) {
        InputStream in = ReportPdf.class.getResourceAsStream(FONTS + file);
        if (in == null) throw new IllegalStateException("Font " + file + " is missing from the class path (jasperreports-fonts)");
        return in;
    }
}
