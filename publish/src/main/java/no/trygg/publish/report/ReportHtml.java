package no.trygg.publish.report;

import static no.trygg.jobs.html.Html.escape;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.gold.disclosure.DisclosureRules;
import no.trygg.publish.dashboards.ChartData;
import no.trygg.publish.dashboards.SvgCharts;

/**
 * The report as one XHTML page: well-formed XML, so the same text is both the HTML version and the input of the
 * PDF renderer. Inline CSS and SVG, no scripts, nothing loaded from outside.
 */
public final class ReportHtml {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm").withZone(ZoneId.of("Europe/Oslo"));

    private ReportHtml() {
    }

    public static String xhtml(QuarterlyReport r) {
        ReportLanguage l = r.language();
        String quarter = l.quarter(r.quarter());
        StringBuilder h = new StringBuilder(200_000);
        h.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"")
                .append(l.code()).append("\"><head><meta charset=\"utf-8\"/>\n<title>").append(escape(l.text("report.title") + " – " + quarter))
                .append("</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>").append(escape(l.text("report.title"))).append("</h1>\n<p class=\"subtitle\">")
                .append(escape(l.text("report.subtitle", "quarter", quarter))).append("</p>\n<p class=\"intro\">")
                .append(escape(l.text("report.intro"))).append("</p></header>\n");
        h.append(keyFigures(r));
        h.append("<section id=\"statements\"><h2>").append(escape(l.text("section.statements"))).append("</h2>\n<ul class=\"statements\">\n");
        for (String s : r.statements()) h.append("<li>").append(escape(s)).append("</li>\n");
        h.append("</ul></section>\n");
        for (Map.Entry<String, List<ChartData>> section : r.sections().entrySet()) {
            h.append("<section class=\"charts\"><h2>").append(escape(l.text(section.getKey()))).append("</h2>\n");
            for (ChartData chart : section.getValue()) h.append(figure(l, chart));
            h.append("</section>\n");
        }
        h.append(methods(r));
        return h.append("</body></html>\n").toString();
    }

    static String keyFigures(QuarterlyReport r) {
        ReportLanguage l = r.language();
        StringBuilder h = new StringBuilder("<section id=\"key-figures\"><h2>").append(escape(l.text("section.key"))).append("</h2>\n<table class=\"key\">\n<thead><tr>");
        for (String col : List.of("key.indicator", "key.current", "key.reference", "key.change", "key.assessment")) {
            h.append("<th>").append(escape(l.text(col))).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (KeyFigure k : r.keyFigures()) {
            h.append("<tr><td>").append(escape(k.label())).append("</td><td class=\"num\">").append(escape(value(l, k.current(), k.rate())))
                    .append("</td><td class=\"num\">").append(escape(value(l, k.reference(), k.rate()))).append("</td><td class=\"num\">")
                    .append(escape(change(l, k))).append("</td><td>").append(escape(k.rate() ? verdict(l, k.change()) : "")).append("</td></tr>\n");
        }
        return h.append("</tbody></table>\n<p class=\"note\">").append(escape(l.text("suppressed.note"))).append("</p></section>\n").toString();
    }

    /** A count, or a rate with its interval; ":" for a suppressed cell, "." where no rate is computed. */
    static String value(ReportLanguage l, RateCell c, boolean rate) {
        if (c.suppressed()) return l.text("suppressed");
        if (!rate) return l.count(c.incidents());
        if (c.rate() == null) return ".";
        return l.number(c.rate(), 1) + " (" + l.text("key.ci", "lower", l.number(c.lower(), 1), "upper", l.number(c.upper(), 1)) + ")";
    }

    static String change(ReportLanguage l, KeyFigure k) {
        if (k.current().suppressed() || k.reference().suppressed()) return l.text("suppressed");
        if (!k.rate()) return k.reference().incidents() == 0 ? "" : l.relativeChange((double) k.current().incidents() / k.reference().incidents());
        Change c = k.change();
        return c == null ? "" : l.text("key.ratio", "ratio", l.number(c.estimate(), 2), "lower", l.number(c.lower(), 2), "upper", l.number(c.upper(), 2));
    }

    static String verdict(ReportLanguage l, Change c) {
        return c == null ? l.text("verdict.none") : l.text("verdict." + c.verdict());
    }

    static String figure(ReportLanguage l, ChartData d) {
        StringBuilder h = new StringBuilder("<figure class=\"chart w").append(d.chart().width()).append("\" id=\"chart-").append(escape(d.chart().name())).append("\">\n<h3>")
                .append(escape(d.chart().title())).append("</h3>\n");
        if (d.isEmpty()) h.append("<p class=\"no-data\">").append(escape(l.text("chart.none"))).append("</p>\n");
        else h.append("<div class=\"svg\">").append(SvgCharts.render(d)).append("</div>\n");
        return h.append("<figcaption>").append(escape(l.text("chart.source", "dataset", d.chart().dataset()))).append("</figcaption>\n</figure>\n").toString();
    }

    static String methods(QuarterlyReport r) {
        ReportLanguage l = r.language();
        ReportMethods m = r.methods();
        DisclosureRules d = m.rules();
        StringBuilder h = new StringBuilder("<section id=\"methods\" class=\"methods\"><h2>").append(escape(l.text("section.methods"))).append("</h2>\n");
        h.append(p(l.text("methods.definitions"))).append(p(l.text("methods.change")));
        h.append(p(l.text("methods.suppression", "minCount", d.minCount(), "minRate", d.minRateNumerator(), "reliable", d.reliableRateNumerator(),
                "minSurvey", d.minSurveyGroup(), "minSensitive", d.minSensitiveSurveyGroup())));
        ReportMethods.QualityStatus q = m.quality();
        h.append(p(q == null ? l.text("methods.quality.none") : l.text("methods.quality", "checkedAt", WHEN.format(q.checkedAt()), "run", q.runId(),
                "errors", q.errors(), "warnings", q.warnings(), "checks", q.checks())));
        h.append(p(l.text("methods.snapshot", "silver", orDash(m.silver()), "gold", orDash(m.goldSnapshot()), "code", orDash(m.codeVersion()))));
        h.append(p(l.text("methods.source", "generatedAt", WHEN.format(m.generatedAt()))));
        return h.append("</section>\n").toString();
    }

    private static String p(String text) {
        return "<p>" + escape(text) + "</p>\n";
    }

    private static String orDash(String s) {
        return s == null || s.isBlank() ? "–" : s;
    }

    // Print first: A4 pages with running page numbers; figures never split across pages.
    private static final String CSS = """
            @page{size:A4;margin:16mm 15mm 18mm 15mm;@bottom-center{content:counter(page) " / " counter(pages);font-size:8pt;color:#666}}
            body{font-family:"DejaVu Sans",sans-serif;font-size:9.5pt;line-height:1.4;color:#222;max-width:190mm;margin:0 auto}
            h1{font-size:18pt;margin:0 0 2pt 0}
            .subtitle{font-size:12pt;color:#444;margin:0 0 6pt 0}
            .intro,.note,figcaption,.methods p{color:#444}
            h2{font-size:12.5pt;border-bottom:1px solid #ccc;padding-bottom:2pt;margin:14pt 0 6pt 0}
            h3{font-size:10pt;margin:8pt 0 4pt 0}
            table.key{border-collapse:collapse;width:100%;font-size:9pt}
            table.key th,table.key td{border-bottom:1px solid #ddd;padding:3pt 4pt;text-align:left;vertical-align:top}
            table.key td.num{text-align:right}
            table.key td:first-child{width:34%}
            ul.statements li{margin-bottom:4pt}
            figure{margin:0 0 8pt 0;page-break-inside:avoid}
            .svg svg{width:100%;height:auto}
            .w6 .svg svg{width:78%}
            figcaption{font-size:8pt}
            .note{font-size:8pt}
            .methods{page-break-before:always}
            .methods p{font-size:8.5pt}
            .no-data{color:#666;font-style:italic}
            """;
}
