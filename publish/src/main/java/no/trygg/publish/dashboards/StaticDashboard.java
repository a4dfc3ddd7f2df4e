package no.trygg.publish.dashboards;

import static no.trygg.jobs.html.Html.escape;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The dashboards as one self-contained HTML page for the embedded default, where no Superset runs: inline CSS
 * and SVG, no scripts, fonts, images or links out, so it opens from disk, works offline and prints. One section
 * per dashboard, charts in rows of 12 grid units as {@link DashboardSpec#rows()} lays them out.
 */
public final class StaticDashboard {

    /**
     * Where the figures come from.
     *
     * @param generatedAt    when the page was written
     * @param codeVersion    the pipeline version that built gold, when the data says (else null)
     * @param silverSnapshot the silver snapshot gold was built from, when the data says (else null)
     */
    public record Provenance(Instant generatedAt, String codeVersion, String silverSnapshot) {
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm").withZone(ZoneId.systemDefault());

    private StaticDashboard() {
    }

    /** The page; a chart missing from {@code data} shows "Ingen data ennå". */
    public static String html(List<DashboardSpec> dashboards, Map<ChartSpec, ChartData> data, Provenance provenance) {
        StringBuilder h = new StringBuilder(256_000);
        h.append("<!DOCTYPE html>\n<html lang=\"nb\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Trygg – vold og trusler mot NAV-ansatte</title>\n<style>\n").append(CSS).append("</style></head><body>\n");
        h.append("<header><h1>Trygg – vold og trusler mot NAV-ansatte</h1>\n<p class=\"explain\">Alle tall er publiserte celler fra "
                + "forskningsvisningene. Celler med 1–2 hendelser, og celler som ellers ville avslørt dem, er prikket: de vises som "
                + "<b>:</b> i tabeller og som hull i linjer, aldri som 0. Celler legges aldri sammen her.</p>\n")
                .append("<p class=\"provenance\">").append(provenance(provenance)).append("</p></header>\n");
        h.append("<nav>");
        for (DashboardSpec d : dashboards) h.append("<a href=\"#").append(escape(d.slug())).append("\">").append(escape(d.title())).append("</a>");
        h.append("</nav>\n<main>\n");
        for (DashboardSpec d : dashboards) h.append(section(d, data));
        h.append("</main>\n<footer>Skrevet av <code>bin/trygg dashboard</code> fra de samme definisjonene som Superset-dashbordene "
                + "(<code>publish/src/main/resources/dashboards/</code>).</footer>\n</body></html>\n");
        return h.toString();
    }

    static String section(DashboardSpec d, Map<ChartSpec, ChartData> data) {
        StringBuilder h = new StringBuilder("<section id=\"").append(escape(d.slug())).append("\">\n<h2>").append(escape(d.title()))
                .append("</h2>\n<p class=\"description\">").append(escape(d.description().strip())).append("</p>\n");
        for (List<ChartSpec> row : d.rows()) {
            h.append("<div class=\"row\">\n");
            for (ChartSpec c : row) h.append(figure(data.getOrDefault(c, ChartData.notPublished(c))));
            h.append("</div>\n");
        }
        return h.append("</section>\n").toString();
    }

    static String figure(ChartData d) {
        ChartSpec c = d.chart();
        StringBuilder h = new StringBuilder("<figure class=\"chart ").append(c.kind().name().toLowerCase(java.util.Locale.ROOT))
                .append("\" id=\"").append(escape(c.name())).append("\" style=\"grid-column:span ").append(c.width()).append("\">\n<h3>")
                .append(escape(c.title())).append("</h3>\n");
        if (!c.description().isBlank()) h.append("<p class=\"description\">").append(escape(c.description())).append("</p>\n");
        h.append(SvgCharts.render(d)).append("\n<figcaption>").append(SvgCharts.source(c)).append("</figcaption>\n</figure>\n");
        return h.toString();
    }

    private static String provenance(Provenance p) {
        StringBuilder s = new StringBuilder("Laget ").append(escape(WHEN.format(p.generatedAt())));
        if (p.codeVersion() != null) s.append(" · kodeversjon <code>").append(escape(p.codeVersion())).append("</code>");
        if (p.silverSnapshot() != null) s.append(" · silver-øyeblikksbilde <code class=\"snapshot\">").append(escape(p.silverSnapshot())).append("</code>");
        return s.toString();
    }

    private static final String CSS = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem auto;max-width:1400px;color:#222;padding:0 1rem}
            h1{margin:.2rem 0}h2{border-bottom:2px solid #eee;padding-bottom:.2rem;margin-top:2.5rem}
            h3{font-size:1rem;margin:0 0 .2rem}
            .explain{background:#f4f7fb;border-left:4px solid #0072B2;padding:.6rem .8rem;max-width:70rem}
            .provenance,footer,figcaption{color:#666;font-size:.82rem}.snapshot{word-break:break-all;font-size:.75rem}
            nav{position:sticky;top:0;background:#fff;padding:.4rem 0;border-bottom:1px solid #eee;z-index:1}
            nav a{display:inline-block;margin:0 .8rem .2rem 0;text-decoration:none;color:#0059a0}
            .description{max-width:70rem;margin:.2rem 0 .6rem}
            figure .description{font-size:.85rem;color:#444}
            .row{display:grid;grid-template-columns:repeat(12,minmax(0,1fr));gap:1.2rem;margin-bottom:1.2rem}
            figure.chart{margin:0;padding:.7rem .8rem;border:1px solid #e5e5e5;border-radius:6px;break-inside:avoid;min-width:0}
            figure svg{width:100%;height:auto;display:block}
            svg .tick,svg .axis-title{fill:#555}svg .suppressed{font-size:15px}svg .value{fill:#333;font-size:11px}
            .table-wrap{overflow-x:auto}
            table.data{border-collapse:collapse;width:100%;font-size:.85rem}
            table.data th,table.data td{border-bottom:1px solid #eee;padding:.25rem .4rem;text-align:left}
            table.data th{background:#fafafa;position:sticky;top:0}
            table.data th.num{text-align:right}table.data td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
            table.data td.suppressed{color:#b35900;font-weight:bold}
            figcaption{margin-top:.3rem}
            footer{margin-top:2rem;border-top:1px solid #eee;padding-top:.5rem}
            @media (max-width:900px){.row{grid-template-columns:1fr}figure.chart{grid-column:auto!important}}
            @media print{nav{display:none}body{margin:0;max-width:none}section{break-before:page}section:first-of-type{break-before:auto}}
            """;
}
