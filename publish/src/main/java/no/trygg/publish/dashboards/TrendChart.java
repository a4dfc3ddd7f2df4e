package no.trygg.publish.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Lines over an ordered x axis (periods), one per value column or per series value. A NULL value breaks the
 * line (a gap, never a drop to 0); a suppressed cell also gets a ":" just above the x axis at its period.
 */
final class TrendChart {

    /** One cell of a line: the value and its interval ends (null when not published), and whether it was suppressed. */
    record Point(Double value, Double lower, Double upper, boolean suppressed) {
    }

    record Line(String label, String colour, String dash, List<Point> points) {
    }

    private static final int HEIGHT = 280, LEFT = 58, RIGHT = 18, BOTTOM = 34;
    private static final int DOTS_UP_TO = 24;

    private TrendChart() {
    }

    static String svg(ChartData d) {
        ChartSpec c = d.chart();
        List<Object> xs = ChartFrame.ordered(d.rows(), c.x());
        List<Line> lines = lines(d, xs);
        Map<String, List<String>> limitGroups = ReferenceLines.groups(c.limits());
        Map<String, List<Double>> limits = limitValues(d, xs);

        int width = Math.max(420, c.width() * 100);
        List<ChartFrame.Legend> legend = legend(lines, limitGroups, c);
        int legendHeight = ChartFrame.legendHeight(legend, width - LEFT - RIGHT);
        int top = 10 + legendHeight, height = HEIGHT + legendHeight;
        double plotLeft = LEFT, plotRight = width - RIGHT, bottom = height - BOTTOM;

        ChartFrame.Scale y = yScale(lines, limits, top, bottom);
        double[] px = xPositions(xs.size(), plotLeft + 10, plotRight - 10);
        boolean share = c.values().stream().allMatch(NorwegianFormat::isShare);

        StringBuilder s = new StringBuilder(ChartFrame.open(width, height, c.title()));
        s.append(ChartFrame.valueAxisY(y, plotLeft, plotRight, share));
        s.append(xTicks(xs, px, bottom, plotRight - plotLeft));
        s.append(ChartFrame.legend(legend, plotLeft, 4, width - LEFT - RIGHT));
        for (Line l : lines) s.append(band(l, px, y));
        int g = 0;
        for (Map.Entry<String, List<String>> group : limitGroups.entrySet()) {
            for (String column : group.getValue()) {
                s.append("<path class=\"limit\" stroke=\"").append(ChartFrame.LIMIT_COLOUR).append("\" ").append(ReferenceLines.svgDash(g))
                        .append(" d=\"").append(path(limits.get(column), px, y)).append("\"/>");
            }
            g++;
        }
        for (Line l : lines) s.append(line(l, xs, px, y, c));
        s.append(suppressedMarkers(lines, xs, px, y.px(y.min())));
        return s.append("</svg>").toString();
    }

    /** One line per series value × value column, each with a point per x (null points where the row is missing). */
    static List<Line> lines(ChartData d, List<Object> xs) {
        ChartSpec c = d.chart();
        Map<Object, Map<Object, Map<String, Object>>> bySeries = new LinkedHashMap<>();
        for (Map<String, Object> r : d.rows()) {
            Object series = c.series() == null ? "" : r.get(c.series());
            bySeries.computeIfAbsent(series, k -> new LinkedHashMap<>()).put(r.get(c.x()), r);
        }
        List<Object> seriesOrder = c.series() == null ? List.of("") : ChartFrame.ordered(d.rows(), c.series());
        List<Line> lines = new ArrayList<>();
        for (Map.Entry<Object, Map<Object, Map<String, Object>>> series : seriesOrder.stream().map(k -> Map.entry(k, bySeries.get(k))).toList()) {
            for (String value : c.values()) {
                List<Point> points = new ArrayList<>();
                for (Object x : xs) {
                    Map<String, Object> r = series.getValue().get(x);
                    points.add(r == null ? new Point(null, null, null, false) : new Point(ChartData.number(r, value),
                            c.lower() == null ? null : ChartData.number(r, c.lower()),
                            c.upper() == null ? null : ChartData.number(r, c.upper()), ChartData.suppressed(r)));
                }
                String label = c.series() == null ? ColumnLabels.of(value)
                        : c.values().size() == 1 ? ColumnLabels.of(Objects.toString(series.getKey(), "–"))
                        : ColumnLabels.of(Objects.toString(series.getKey(), "–")) + " – " + ColumnLabels.of(value);
                lines.add(new Line(label, ChartFrame.colour(lines.size()), ChartFrame.lineDash(lines.size()), points));
            }
        }
        return lines;
    }

    /** Each limit column's value per x (a limit is the same for every series at one x: take the first published). */
    private static Map<String, List<Double>> limitValues(ChartData d, List<Object> xs) {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (String column : d.chart().limits()) {
            Map<Object, Double> byX = new LinkedHashMap<>();
            for (Map<String, Object> r : d.rows()) {
                Double v = ChartData.number(r, column);
                if (v != null) byX.putIfAbsent(r.get(d.chart().x()), v);
            }
            out.put(column, xs.stream().map(byX::get).toList());
        }
        return out;
    }

    private static List<ChartFrame.Legend> legend(List<Line> lines, Map<String, List<String>> limitGroups, ChartSpec c) {
        List<ChartFrame.Legend> items = new ArrayList<>();
        if (lines.size() > 1 || !limitGroups.isEmpty() || c.lower() != null) {
            for (Line l : lines) items.add(new ChartFrame.Legend(l.label(), l.colour(), false, false, l.dash()));
        }
        int g = 0;
        for (String key : limitGroups.keySet()) items.add(ReferenceLines.legend(key, g++));
        return items;
    }

    private static ChartFrame.Scale yScale(List<Line> lines, Map<String, List<Double>> limits, double top, double bottom) {
        List<Double> all = new ArrayList<>();
        for (Line l : lines) {
            for (Point p : l.points()) {
                all.add(p.value());
                all.add(p.lower());
                all.add(p.upper());
            }
        }
        limits.values().forEach(all::addAll);
        double min = all.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(0);
        double max = all.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
        return ChartFrame.Scale.of(min, max, bottom, top);
    }

    static double[] xPositions(int n, double left, double right) {
        double[] px = new double[n];
        for (int i = 0; i < n; i++) px[i] = n == 1 ? (left + right) / 2 : left + i * (right - left) / (n - 1);
        return px;
    }

    /** Labels at every k-th period, counted back from the newest so the latest period is always labelled. */
    private static String xTicks(List<Object> xs, double[] px, double bottom, double plotWidth) {
        double widest = xs.stream().mapToDouble(x -> ChartFrame.textWidth(NorwegianFormat.label(x))).max().orElse(30);
        int fit = Math.max(2, (int) (plotWidth / (widest + 16)));
        int every = Math.max(1, (int) Math.ceil(xs.size() / (double) fit));
        StringBuilder s = new StringBuilder();
        for (int i = xs.size() - 1; i >= 0; i -= every) {
            s.append(ChartFrame.line(px[i], bottom, px[i], bottom + 4, "#999", null));
            s.append(ChartFrame.text(px[i], bottom + 17, "middle", "tick", NorwegianFormat.label(xs.get(i))));
        }
        return s.toString();
    }

    /** SVG path data through the non-null values; every null starts a new sub-path, so the line has a gap there. */
    static String path(List<Double> values, double[] px, ChartFrame.Scale y) {
        StringBuilder d = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < values.size(); i++) {
            Double v = values.get(i);
            if (v == null) {
                drawing = false;
                continue;
            }
            d.append(String.format(Locale.ROOT, "%s%.1f,%.1f ", drawing ? "L" : "M", px[i], y.px(v)));
            drawing = true;
        }
        return d.toString().trim();
    }

    private static String line(Line l, List<Object> xs, double[] px, ChartFrame.Scale y, ChartSpec c) {
        List<Double> values = l.points().stream().map(Point::value).toList();
        StringBuilder s = new StringBuilder("<g class=\"series\">");
        s.append("<path class=\"line\" fill=\"none\" stroke=\"").append(l.colour()).append("\" stroke-width=\"2\" stroke-linejoin=\"round\"").append(l.dash()).append(" d=\"")
                .append(path(values, px, y)).append("\"/>");
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) continue;
            boolean isolated = (i == 0 || values.get(i - 1) == null) && (i == values.size() - 1 || values.get(i + 1) == null);
            if (values.size() > DOTS_UP_TO && !isolated) continue;
            s.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>", px[i],
                    y.px(values.get(i)), l.colour()));
            s.append(no.trygg.jobs.html.Html.escape(l.label() + ", " + NorwegianFormat.label(xs.get(i)) + ": "
                    + NorwegianFormat.value(c.values().get(0), values.get(i)))).append("</title></circle>");
        }
        return s.append("</g>").toString();
    }

    /** The interval as a light area along each unbroken stretch of the line; a lone point gets a whisker instead. */
    private static String band(Line l, double[] px, ChartFrame.Scale y) {
        StringBuilder s = new StringBuilder();
        List<Integer> run = new ArrayList<>();
        for (int i = 0; i <= l.points().size(); i++) {
            Point p = i < l.points().size() ? l.points().get(i) : null;
            if (p != null && p.lower() != null && p.upper() != null) {
                run.add(i);
                continue;
            }
            if (run.size() == 1) {
                int j = run.get(0);
                s.append(ChartFrame.line(px[j], y.px(l.points().get(j).lower()), px[j], y.px(l.points().get(j).upper()), l.colour(),
                        "class=\"whisker\" stroke-opacity=\"0.5\" stroke-width=\"2\""));
            } else if (run.size() > 1) {
                StringBuilder d = new StringBuilder();
                for (int j : run) d.append(String.format(Locale.ROOT, "%s%.1f,%.1f ", d.length() == 0 ? "M" : "L", px[j], y.px(l.points().get(j).upper())));
                for (int k = run.size() - 1; k >= 0; k--) {
                    int j = run.get(k);
                    d.append(String.format(Locale.ROOT, "L%.1f,%.1f ", px[j], y.px(l.points().get(j).lower())));
                }
                s.append("<path class=\"band\" fill=\"").append(l.colour()).append("\" fill-opacity=\"0.15\" stroke=\"none\" d=\"")
                        .append(d.toString().trim()).append("Z\"/>");
            }
            run.clear();
        }
        return s.toString();
    }

    /** ":" in the line's colour above the x axis wherever its cell is suppressed, stacked when several lines are. */
    private static String suppressedMarkers(List<Line> lines, List<Object> xs, double[] px, double baseline) {
        StringBuilder s = new StringBuilder();
        int[] stacked = new int[xs.size()];
        for (Line l : lines) {
            for (int i = 0; i < xs.size(); i++) {
                Point p = l.points().get(i);
                if (!p.suppressed() || p.value() != null) continue;
                double yy = baseline - 5 - 12 * stacked[i]++;
                s.append(String.format(Locale.ROOT, "<text class=\"suppressed\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" "
                        + "font-weight=\"bold\" fill=\"%s\">:<title>%s</title></text>", px[i], yy, l.colour(),
                        no.trygg.jobs.html.Html.escape(l.label() + ", " + NorwegianFormat.label(xs.get(i)) + ": prikket")));
            }
        }
        return s.toString();
    }
}
