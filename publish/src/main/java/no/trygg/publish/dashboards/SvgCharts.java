package no.trygg.publish.dashboards;

import static no.trygg.jobs.html.Html.escape;

/**
 * Draws a chart's rows as static markup: SVG for TREND, BARS and FUNNEL, an HTML table for TABLE. Pure
 * functions of {@link ChartData}; no scripts, so the page works offline and prints as it looks.
 */
public final class SvgCharts {

    /** What a chart says before its table has been published, or when its selection has no rows. */
    public static final String NO_DATA = "Ingen data ennå";

    private SvgCharts() {
    }

    /** The chart's drawing (without its title and source note: {@link StaticDashboard} adds those). */
    public static String render(ChartData d) {
        if (!d.published() || d.isEmpty()) return noData(d.chart());
        return switch (d.chart().kind()) {
            case TREND -> trend(d);
            case BARS -> bars(d);
            case FUNNEL -> funnel(d);
            case TABLE -> table(d);
        };
    }

    public static String trend(ChartData d) {
        return TrendChart.svg(d);
    }

    public static String bars(ChartData d) {
        return BarChart.svg(d);
    }

    public static String funnel(ChartData d) {
        return FunnelChart.svg(d);
    }

    public static String table(ChartData d) {
        return ChartTable.html(d);
    }

    static String noData(ChartSpec c) {
        int width = Math.max(420, c.width() * 100), height = 120;
        return ChartFrame.open(width, height, c.title()) + "<rect x=\"0.5\" y=\"0.5\" width=\"" + (width - 1) + "\" height=\"" + (height - 1)
                + "\" fill=\"#fafafa\" stroke=\"#ddd\"/>" + ChartFrame.text(width / 2.0, height / 2.0 + 5, "middle", "no-data", NO_DATA)
                + "</svg>";
    }

    /** The one-line source note under a chart. */
    static String source(ChartSpec c) {
        return "Kilde: " + escape(c.dataset());
    }
}
