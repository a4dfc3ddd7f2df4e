package no.trygg.publish.dashboards;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Funnel plot: each unit an anonymous point at (expected, observed), with the limit lines drawn through the
 * points sorted by expected. No names and no labels: the plot shows which units stand out, not an order.
 * Suppressed units have no observed value and are left out; the chart says how many.
 */
final class FunnelChart {

    private static final int HEIGHT = 340, LEFT = 58, RIGHT = 18, BOTTOM = 44;

    private FunnelChart() {
    }

    static String svg(ChartData d) {
        ChartSpec c = d.chart();
        String observed = c.values().get(0);
        List<Map<String, Object>> rows = new ArrayList<>(d.rows().stream().filter(r -> ChartData.number(r, c.x()) != null).toList());
        rows.sort(Comparator.comparingDouble(r -> ChartData.number(r, c.x())));
        List<Map<String, Object>> plotted = rows.stream().filter(r -> ChartData.number(r, observed) != null).toList();
        long suppressed = d.rows().stream().filter(r -> ChartData.number(r, observed) == null && ChartData.suppressed(r)).count();

        int width = Math.max(420, c.width() * 100);
        Map<String, List<String>> limitGroups = ReferenceLines.groups(c.limits());
        List<ChartFrame.Legend> legend = new ArrayList<>(List.of(new ChartFrame.Legend("Kontor", ChartFrame.colour(0), false, true)));
        int g = 0;
        for (String key : limitGroups.keySet()) legend.add(ReferenceLines.legend(key, g++));
        int legendHeight = ChartFrame.legendHeight(legend, width - LEFT - RIGHT);
        int top = 10 + legendHeight, height = HEIGHT + legendHeight;
        double bottom = height - BOTTOM;

        double maxX = rows.stream().mapToDouble(r -> ChartData.number(r, c.x())).max().orElse(1);
        double maxY = 0;
        for (Map<String, Object> r : rows) {
            for (String column : concat(observed, c.limits())) {
                Double v = ChartData.number(r, column);
                if (v != null) maxY = Math.max(maxY, v);
            }
        }
        ChartFrame.Scale x = ChartFrame.Scale.of(0, maxX, LEFT, width - RIGHT);
        ChartFrame.Scale y = ChartFrame.Scale.of(0, maxY, bottom, top);

        StringBuilder s = new StringBuilder(ChartFrame.open(width, height, c.title()));
        s.append(ChartFrame.valueAxisY(y, LEFT, width - RIGHT, false));
        s.append(ChartFrame.valueAxisX(x, bottom, bottom, false));
        s.append(ChartFrame.text((LEFT + width - RIGHT) / 2.0, height - 8, "middle", "axis-title", ColumnLabels.of(c.x())
                + (suppressed > 0 ? " (" + suppressed + " prikkede kontorer er utelatt)" : "")));
        s.append(ChartFrame.legend(legend, LEFT, 4, width - LEFT - RIGHT));
        g = 0;
        for (List<String> group : limitGroups.values()) {
            for (String column : group) {
                s.append("<path class=\"limit\" stroke=\"").append(ChartFrame.LIMIT_COLOUR).append("\" ").append(ReferenceLines.svgDash(g))
                        .append(" d=\"").append(limitPath(rows, c.x(), column, x, y)).append("\"/>");
            }
            g++;
        }
        for (Map<String, Object> r : plotted) {
            s.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"%s\" fill-opacity=\"0.6\"/>",
                    x.px(ChartData.number(r, c.x())), y.px(ChartData.number(r, observed)), ChartFrame.colour(0)));
        }
        return s.append("</svg>").toString();
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private static String limitPath(List<Map<String, Object>> sortedByX, String xColumn, String column, ChartFrame.Scale x, ChartFrame.Scale y) {
        StringBuilder d = new StringBuilder();
        for (Map<String, Object> r : sortedByX) {
            Double v = ChartData.number(r, column);
            if (v == null) continue;
            d.append(String.format(Locale.ROOT, "%s%.1f,%.1f ", d.length() == 0 ? "M" : "L", x.px(ChartData.number(r, xColumn)), y.px(v)));
        }
        return d.toString().trim();
    }

}
