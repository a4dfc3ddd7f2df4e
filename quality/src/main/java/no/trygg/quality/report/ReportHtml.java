package no.trygg.quality.report;

import static no.trygg.jobs.html.Html.escape;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Renders a {@link QualityReport} as one self-contained HTML page: inline CSS and SVG, no scripts, no network. */
public final class ReportHtml {

    private static final Map<String, String> METRIC_TITLES = Map.of(
            "Size", "Rows in the table",
            "QuarantineShare", "Share of the newest export batch sent to quarantine",
            "RowsPerExportFile", "Rows per export file in the newest batch");

    private ReportHtml() {
    }

    public static String render(QualityReport r) {
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>Trygg data quality – ")
                .append(escape(r.runId())).append("</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        String overallClass = switch (r.overall()) {
            case "STOPPED" -> "failed";
            case "PASSED" -> "passed";
            default -> "warning";
        };
        h.append("<header><h1>Trygg data quality</h1>\n<p class=\"overall ").append(overallClass).append("\" id=\"overall\">")
                .append(escape(r.overall())).append("</p>\n<p>Run <code>").append(escape(r.runId())).append("</code>, checked ")
                .append(escape(String.valueOf(r.checkedAt()))).append(", judged as of <b>").append(r.asOf()).append("</b>, catalog <code>")
                .append(escape(r.catalog())).append("</code>.</p>\n");
        h.append("<p class=\"counts\">").append(r.countStatus("PASSED")).append(" passed · ")
                .append(count(r, "FAILED", "WARNING")).append(" warnings · ").append(count(r, "FAILED", "ERROR")).append(" errors · ")
                .append(r.countStatus("SKIPPED")).append(" skipped</p>\n");
        h.append("<p class=\"explain\"><b>How to read this.</b> Every dashboard number comes from the silver tables checked here. "
                + "An <span class=\"chip failed\">Error</span> stops the pipeline before anything is published, so dashboards keep "
                + "showing the previous figures. A <span class=\"chip warning\">Warning</span> is shown here but the run goes on. "
                + "<i>source.*</i> rows check the newest export batch as delivered (before any repair); <i>silver.*</i> rows check "
                + "what the statistics are computed from. Anomaly checks compare this run's metrics with earlier runs.</p></header>\n");

        h.append("<nav><b>Datasets:</b> ");
        Map<String, List<QualityReport.Check>> byDataset = new TreeMap<>(r.checks().stream()
                .collect(Collectors.groupingBy(QualityReport.Check::dataset)));
        byDataset.forEach((d, cs) -> h.append("<a href=\"#").append(anchor(d)).append("\" class=\"").append(worst(cs)).append("\">")
                .append(escape(d)).append("</a> "));
        h.append("</nav>\n");

        h.append("<section><h2>Trends of key metrics</h2>\n<div class=\"trends\">\n");
        if (r.trends().isEmpty()) h.append("<p>No history yet.</p>");
        for (QualityReport.Trend t : r.trends()) {
            h.append("<figure class=\"trend\"><figcaption><b>").append(escape(t.dataset())).append("</b><br>")
                    .append(escape(METRIC_TITLES.getOrDefault(t.metric(), t.metric()))).append("</figcaption>")
                    .append(sparkline(t.points())).append("</figure>\n");
        }
        h.append("</div></section>\n");

        h.append("<section><h2>Checks per dataset</h2>\n");
        byDataset.forEach((d, cs) -> {
            h.append("<h3 id=\"").append(anchor(d)).append("\">").append(escape(d)).append(" <span class=\"chip ").append(worst(cs))
                    .append("\">").append(label(worst(cs))).append("</span></h3>\n<table><thead><tr><th>Check</th><th>Kind</th>"
                            + "<th>Level</th><th>Status</th><th>Observed</th><th>Required</th><th>Note</th></tr></thead><tbody>\n");
            for (QualityReport.Check c : cs) {
                String cls = statusClass(c);
                h.append("<tr class=\"").append(cls).append("\"><td>").append(escape(c.rule())).append("</td><td>").append(escape(c.kind()))
                        .append("</td><td>").append(escape(c.level())).append("</td><td><span class=\"chip ").append(cls).append("\">")
                        .append(escape(c.status())).append("</span></td><td>").append(escape(c.observedText() == null ? "–" : c.observedText()))
                        .append("</td><td>").append(escape(c.threshold())).append("</td><td>").append(escape(c.message() == null ? "" : c.message()))
                        .append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        });
        h.append("</section>\n");

        h.append("<section><h2>Quarantine by source and reason</h2>\n");
        if (r.quarantine().isEmpty()) {
            h.append("<p>No rows in quarantine.</p>\n");
        } else {
            long total = r.quarantine().stream().mapToLong(QualityReport.QuarantineCount::rows).sum();
            h.append("<p>").append(String.format(Locale.ROOT, "%,d", total)).append(" rows in <code>silver.quarantine</code>, "
                    + "each with its file and line, so the export can be fixed and delivered again.</p>\n"
                    + "<table><thead><tr><th>Source</th><th>Reason</th><th>Rows</th></tr></thead><tbody>\n");
            for (QualityReport.QuarantineCount q : r.quarantine()) {
                h.append("<tr><td>").append(escape(q.source())).append("</td><td>").append(escape(q.reason())).append("</td><td class=\"num\">")
                        .append(String.format(Locale.ROOT, "%,d", q.rows())).append("</td></tr>\n");
            }
            h.append("</tbody></table>\n");
        }
        h.append("</section>\n<footer>Written by <code>bin/trygg quality report</code> from tables <code>quality.check_results</code>, "
                + "<code>quality.metrics</code> and <code>silver.quarantine</code>.</footer>\n</body></html>\n");
        return h.toString();
    }

    private static long count(QualityReport r, String status, String level) {
        return r.checks().stream().filter(c -> c.status().equals(status) && c.level().equals(level)).count();
    }

    private static String statusClass(QualityReport.Check c) {
        if (c.status().equals("FAILED")) return c.level().equals("ERROR") ? "failed" : "warning";
        return c.status().equals("SKIPPED") ? "skipped" : "passed";
    }

    private static String worst(List<QualityReport.Check> cs) {
        List<String> classes = cs.stream().map(ReportHtml::statusClass).toList();
        if (classes.contains("failed")) return "failed";
        if (classes.contains("warning")) return "warning";
        return classes.contains("passed") ? "passed" : "skipped";
    }

    private static String label(String cls) {
        return switch (cls) {
            case "failed" -> "error";
            case "warning" -> "warning";
            case "skipped" -> "no data";
            default -> "ok";
        };
    }

    /** A small line chart: one point per run, oldest left; min, max and the newest value labelled. */
    static String sparkline(List<QualityReport.Point> points) {
        int w = 300, hgt = 90, pad = 14;
        double min = points.stream().mapToDouble(QualityReport.Point::value).min().orElse(0);
        double max = points.stream().mapToDouble(QualityReport.Point::value).max().orElse(1);
        double span = max - min == 0 ? Math.max(Math.abs(max), 1) : max - min;
        StringBuilder s = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + hgt
                + "\" viewBox=\"0 0 " + w + " " + hgt + "\" role=\"img\">");
        s.append("<rect x=\"0\" y=\"0\" width=\"").append(w).append("\" height=\"").append(hgt).append("\" fill=\"#fafafa\" stroke=\"#ddd\"/>");
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            double x = points.size() == 1 ? w / 2.0 : pad + i * (w - 2.0 * pad) / (points.size() - 1);
            double y = hgt - pad - (points.get(i).value() - min) / span * (hgt - 2.0 * pad);
            line.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"#1f5fa8\"><title>%s: %s</title></circle>",
                    x, y, escape(points.get(i).runId()), fmt(points.get(i).value())));
        }
        s.append("<polyline fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1.5\" points=\"").append(line.toString().trim()).append("\"/>");
        s.append("<text x=\"3\" y=\"11\" font-size=\"10\" fill=\"#555\">max ").append(fmt(max)).append("</text>");
        s.append("<text x=\"3\" y=\"").append(hgt - 3).append("\" font-size=\"10\" fill=\"#555\">min ").append(fmt(min)).append("</text>");
        s.append("<text x=\"").append(w - 3).append("\" y=\"11\" font-size=\"10\" text-anchor=\"end\" fill=\"#000\">now ")
                .append(fmt(points.get(points.size() - 1).value())).append(" (").append(points.size()).append(" runs)</text>");
        return s.append("</svg>").toString();
    }

    private static String fmt(double v) {
        if (v != Math.rint(v) && Math.abs(v) < 1) return String.format(Locale.ROOT, "%.2f %%", v * 100);
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.2f", v);
    }

    private static String anchor(String dataset) {
        return dataset.replaceAll("[^A-Za-z0-9]", "-");
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:1100px;color:#222;padding:0 1rem}
            h1{margin-bottom:.2rem}h2{border-bottom:2px solid #eee;padding-bottom:.2rem;margin-top:2rem}h3{margin-top:1.5rem}
            .overall{display:inline-block;font-size:1.3rem;font-weight:bold;padding:.3rem .8rem;border-radius:6px;color:#fff}
            .overall.passed{background:#2e7d32}.overall.warning{background:#b26a00}.overall.failed{background:#c62828}
            .explain{background:#f4f7fb;border-left:4px solid #1f5fa8;padding:.6rem .8rem}
            .counts{font-size:1.1rem}
            nav a{margin-right:.6rem;text-decoration:none;padding:.1rem .4rem;border-radius:4px}
            nav a.passed{background:#e8f5e9}nav a.warning{background:#fff3e0}nav a.failed{background:#ffebee}nav a.skipped{background:#eee}
            table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #e5e5e5;padding:.3rem .4rem;text-align:left;vertical-align:top}
            th{background:#fafafa}td.num{text-align:right}
            tr.failed{background:#ffebee}tr.warning{background:#fff8e1}
            .chip{display:inline-block;padding:0 .4rem;border-radius:8px;font-size:.8rem;font-weight:bold}
            .chip.passed{background:#c8e6c9;color:#1b5e20}.chip.warning{background:#ffe0b2;color:#8a4b00}
            .chip.failed{background:#ffcdd2;color:#b71c1c}.chip.skipped{background:#e0e0e0;color:#555}
            .trends{display:flex;flex-wrap:wrap;gap:1rem}.trend{margin:0;width:300px}figcaption{font-size:.85rem;margin-bottom:.2rem}
            footer{margin-top:2rem;color:#777;font-size:.85rem}
            """;
}
