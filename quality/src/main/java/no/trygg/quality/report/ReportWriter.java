package no.trygg.quality.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes quality.html and quality.json side by side. */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** @return the HTML file */
    public static Path write(QualityReport report, Path dir) {
        try {
            Files.createDirectories(dir);
            Path html = dir.resolve("quality.html");
            Files.writeString(html, ReportHtml.render(report), StandardCharsets.UTF_8);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("runId", report.runId());
            json.put("checkedAt", report.checkedAt());
            json.put("asOf", report.asOf().toString());
            json.put("catalog", report.catalog());
            json.put("overall", report.overall());
            json.put("checks", report.checks());
            json.put("trends", report.trends());
            json.put("quarantine", report.quarantine());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .setDateFormat(new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"))
                    .writeValue(dir.resolve("quality.json").toFile(), json);
            return html;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the quality report to " + dir + ": " + e.getMessage(), e);
        }
    }
}
