package no.trygg.publish.dashboards;

import static no.trygg.jobs.html.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The shared parts of every SVG chart: its size, a linear value scale with a few round ticks, the colour-blind-safe
 * palette (Okabe–Ito) and a legend that wraps. Pure; each chart kind draws its own marks inside.
 */
final class ChartFrame {

    /** Okabe–Ito, readable with every common colour-vision deficiency; yellow last since it is faint on white. */
    static final List<String> PALETTE = List.of("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000", "#F0E442");
    static final String LIMIT_COLOUR = "#666666";
    static final int FONT = 12;

    /** A legend entry; {@code dash} is an extra SVG attribute for lines dashed to tell them apart (else ""). */
    record Legend(String label, String colour, boolean dashed, boolean dot, String dash) {
        Legend(String label, String colour, boolean dashed, boolean dot) {
            this(label, colour, dashed, dot, "");
        }
    }

    /** A linear scale from a data range to pixels, with round tick values covering the range. */
    record Scale(double min, double max, double fromPx, double toPx, List<Double> ticks) {

        static Scale of(double dataMin, double dataMax, double fromPx, double toPx) {
            double lo = Math.min(0, dataMin), hi = Math.max(dataMax, lo + 1e-9);
            if (hi - lo < 1e-9) hi = lo + 1;
            double step = niceStep((hi - lo) / 5);
            double min = Math.floor(lo / step) * step, max = Math.ceil(hi / step) * step;
            List<Double> ticks = new ArrayList<>();
            for (double t = min; t <= max + step / 2; t += step) ticks.add(Math.abs(t) < step / 1e6 ? 0 : t);
            return new Scale(min, max, fromPx, toPx, ticks);
        }

        double px(double v) {
            return fromPx + (v - min) / (max - min) * (toPx - fromPx);
        }

        private static double niceStep(double raw) {
            double mag = Math.pow(10, Math.floor(Math.log10(raw)));
            double r = raw / mag;
            return (r <= 1 ? 1 : r <= 2 ? 2 : r <= 5 ? 5 : 10) * mag; // 1-2-5 steps: every tick label exact
        }

        /** Tick labels in Norwegian style; shares as percent. */
        String tickLabel(double v, boolean share) {
            if (share) return NorwegianFormat.decimals(v * 100, ticks.size() > 1 && (ticks.get(1) - ticks.get(0)) * 100 < 1 ? 1 : 0) + "\u00A0%";
            double step = ticks.size() > 1 ? ticks.get(1) - ticks.get(0) : 1;
            // As many decimals as the step needs, so neighbouring ticks never read the same.
            return NorwegianFormat.decimals(v, Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9)));
        }
    }

    private ChartFrame() {
    }

    /** The distinct values of a column in their natural order (numbers, dates, sizes and stages in their own order, other text alphabetically), never by size of a measure. */
    static List<Object> ordered(List<java.util.Map<String, Object>> rows, String column) {
        java.util.Set<Object> seen = new java.util.LinkedHashSet<>();
        for (java.util.Map<String, Object> r : rows) seen.add(r.get(column));
        List<Object> out = new ArrayList<>(seen);
        out.sort(ChartFrame::natural);
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int natural(Object a, Object b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : 1) : -1;
        if (a instanceof Number x && b instanceof Number y) return Double.compare(x.doubleValue(), y.doubleValue());
        Integer ordered = ColumnLabels.compareOrdered(a, b);
        if (ordered != null) return ordered;
        if (a.getClass() == b.getClass() && a instanceof Comparable c) return c.compareTo(b);
        return String.valueOf(a).compareTo(String.valueOf(b));
    }

    static String colour(int i) {
        return PALETTE.get(i % PALETTE.size());
    }

    static String open(int width, int height, String title) {
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height + "\" width=\"" + width
                + "\" height=\"" + height + "\" role=\"img\" aria-label=\"" + escape(title) + "\" font-family=\"system-ui,sans-serif\" font-size=\""
                + FONT + "\">";
    }

    static String text(double x, double y, String anchor, String cls, String content) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"%s>%s</text>", x, y, anchor,
                cls == null ? "" : " class=\"" + cls + "\"", escape(content));
    }

    static String line(double x1, double y1, double x2, double y2, String stroke, String extra) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\"%s/>", x1, y1, x2, y2, stroke,
                extra == null ? "" : " " + extra);
    }

    /** Horizontal grid lines and labels of a vertical value scale, plotted between x = left and x = right. */
    static String valueAxisY(Scale y, double left, double right, boolean share) {
        StringBuilder s = new StringBuilder();
        for (double t : y.ticks()) {
            double py = y.px(t);
            s.append(line(left, py, right, py, t == 0 ? "#999" : "#e6e6e6", null));
            s.append(text(left - 6, py + 4, "end", "tick", y.tickLabel(t, share)));
        }
        return s.toString();
    }

    /** Vertical grid lines and labels of a horizontal value scale, plotted between y = top and y = bottom. */
    static String valueAxisX(Scale x, double top, double bottom, boolean share) {
        StringBuilder s = new StringBuilder();
        for (double t : x.ticks()) {
            double px = x.px(t);
            s.append(line(px, top, px, bottom, t == 0 ? "#999" : "#e6e6e6", null));
            s.append(text(px, bottom + 15, "middle", "tick", x.tickLabel(t, share)));
        }
        return s.toString();
    }

    /** Rough text width in pixels at the chart font: enough to lay out legends and label margins without a browser. */
    static double textWidth(String s) {
        double em = 0;
        for (char ch : s.toCharArray()) em += Character.isUpperCase(ch) || Character.isDigit(ch) ? 0.68 : ch == ' ' ? 0.3 : 0.55;
        return em * FONT;
    }

    /** Lines past the palette's length repeat its colours dashed, so no two lines look the same. */
    static String lineDash(int i) {
        return i < PALETTE.size() ? "" : " stroke-dasharray=\"6 3\"";
    }

    /** Height the legend needs when wrapped within {@code width}. */
    static int legendHeight(List<Legend> items, double width) {
        return items.isEmpty() ? 0 : legendRows(items, width).size() * 18 + 6;
    }

    /** The legend, starting at (left, top), wrapping within width. */
    static String legend(List<Legend> items, double left, double top, double width) {
        StringBuilder s = new StringBuilder("<g class=\"legend\">");
        double y = top + 12;
        for (List<Legend> row : legendRows(items, width)) {
            double x = left;
            for (Legend l : row) {
                if (l.dot()) {
                    s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\" fill-opacity=\"0.7\"/>", x + 9, y - 4, l.colour()));
                } else {
                    s.append(line(x, y - 4, x + 18, y - 4, l.colour(), "stroke-width=\"" + (l.dashed() ? "1.5\" stroke-dasharray=\"5 3\"" : "2.5\"" + l.dash())));
                }
                s.append(text(x + 23, y, "start", null, l.label()));
                x += itemWidth(l);
            }
            y += 18;
        }
        return s.append("</g>").toString();
    }

    private static double itemWidth(Legend l) {
        return 23 + textWidth(l.label()) + 14;
    }

    private static List<List<Legend>> legendRows(List<Legend> items, double width) {
        List<List<Legend>> rows = new ArrayList<>();
        List<Legend> row = new ArrayList<>();
        double used = 0;
        for (Legend l : items) {
            if (!row.isEmpty() && used + itemWidth(l) > width) {
                rows.add(row);
                row = new ArrayList<>();
                used = 0;
            }
            row.add(l);
            used += itemWidth(l);
        }
        if (!row.isEmpty()) rows.add(row);
        return rows;
    }
}
