package no.trygg.publish.dashboards;

import static no.trygg.jobs.html.Html.escape;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Horizontal bars, one per category (per series value and value column within it), in the categories' natural
 * order — never sorted by value, which would make a ranking. Interval whiskers; a suppressed cell shows ":"
 * where its bar would be.
 */
final class BarChart {

    /** One bar: its category label, colour index, value and interval (null when not published). */
    record Bar(String category, String label, int colour, Double value, Double lower, Double upper, boolean suppressed) {
    }

    private static final int BAR = 16, GAP = 10, TOP_PAD = 8, BOTTOM = 30, RIGHT = 60;

    private BarChart() {
    }

    static String svg(ChartData d) {
        ChartSpec c = d.chart();
        List<Bar> bars = bars(d);
        List<String> seriesLabels = bars.stream().map(Bar::label).distinct().toList();
        int perCategory = Math.max(1, seriesLabels.size());
        long categories = bars.stream().map(Bar::category).distinct().count();

        int width = Math.max(420, c.width() * 100);
        double labelWidth = Math.min(width * 0.4, 12 + bars.stream().mapToDouble(b -> ChartFrame.textWidth(b.category())).max().orElse(40));
        List<ChartFrame.Legend> legend = perCategory < 2 ? List.of() : seriesLabels.stream()
                .map(l -> new ChartFrame.Legend(l, ChartFrame.colour(seriesLabels.indexOf(l)), false, false)).toList();
        int legendHeight = ChartFrame.legendHeight(legend, width - labelWidth - RIGHT);
        double top = TOP_PAD + legendHeight;
        double groupHeight = perCategory * BAR + GAP;
        int height = (int) Math.ceil(top + categories * groupHeight + BOTTOM);
        double plotLeft = labelWidth, plotRight = width - RIGHT, bottom = height - BOTTOM + 4;

        List<Double> ends = new ArrayList<>();
        for (Bar b : bars) {
            ends.add(b.value());
            ends.add(b.upper());
            ends.add(b.lower());
        }
        double max = ends.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(1);
        double min = ends.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).min().orElse(0);
        ChartFrame.Scale x = ChartFrame.Scale.of(min, max, plotLeft, plotRight);
        boolean share = c.values().stream().allMatch(NorwegianFormat::isShare);

        StringBuilder s = new StringBuilder(ChartFrame.open(width, height, c.title()));
        s.append(ChartFrame.valueAxisX(x, top - 4, bottom, share));
        s.append(ChartFrame.legend(legend, plotLeft, 2, width - labelWidth - RIGHT));
        int group = -1, inGroup = 0;
        String category = null;
        for (Bar b : bars) {
            if (!b.category().equals(category)) {
                category = b.category();
                group++;
                inGroup = 0;
                s.append(ChartFrame.text(plotLeft - 6, top + group * groupHeight + perCategory * BAR / 2.0 + 4, "end", "category", category));
            }
            s.append(bar(b, x, top + group * groupHeight + inGroup++ * BAR, share));
        }
        return s.append("</svg>").toString();
    }

    /** Bars in category order, then series order, as the rows come (ChartRows orders by series, then x: regroup by x). */
    static List<Bar> bars(ChartData d) {
        ChartSpec c = d.chart();
        List<Object> categories = ChartFrame.ordered(d.rows(), c.x());
        List<Object> series = c.series() == null ? java.util.Collections.singletonList(null) : ChartFrame.ordered(d.rows(), c.series());
        List<Bar> bars = new ArrayList<>();
        for (Object category : categories) {
            int colour = 0;
            for (Object s : series) {
                for (String value : c.values()) {
                    Map<String, Object> r = d.rows().stream().filter(row -> Objects.equals(row.get(c.x()), category)
                            && (c.series() == null || Objects.equals(row.get(c.series()), s))).findFirst().orElse(null);
                    String label = (s == null ? "" : ColumnLabels.of(String.valueOf(s)))
                            + (c.values().size() > 1 ? (s == null ? "" : " – ") + ColumnLabels.of(value) : "");
                    bars.add(r == null ? new Bar(ColumnLabels.of(NorwegianFormat.label(category)), label, colour++, null, null, null, false)
                            : new Bar(ColumnLabels.of(NorwegianFormat.label(category)), label, colour++, ChartData.number(r, value),
                            c.lower() == null ? null : ChartData.number(r, c.lower()),
                            c.upper() == null ? null : ChartData.number(r, c.upper()), ChartData.suppressed(r)));
                }
            }
        }
        return bars;
    }

    private static String bar(Bar b, ChartFrame.Scale x, double top, boolean share) {
        double zero = x.px(0), mid = top + BAR / 2.0;
        String colour = ChartFrame.colour(b.colour());
        String what = (b.label().isEmpty() ? "" : b.label() + ", ") + b.category();
        if (b.value() == null) {
            String mark = b.suppressed() ? ":" : "–";
            return String.format(Locale.ROOT, "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\" fill=\"%s\">%s<title>%s</title></text>",
                    b.suppressed() ? "suppressed" : "missing", zero + 4, mid + 4, colour, mark,
                    escape(what + (b.suppressed() ? ": prikket" : ": ikke beregnet")));
        }
        double end = x.px(b.value());
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%d\" fill=\"%s\"><title>%s</title></rect>",
                Math.min(zero, end), top + 1, Math.abs(end - zero), BAR - 2, colour, escape(what + ": " + format(b.value(), share))));
        double labelAt = end;
        if (b.lower() != null && b.upper() != null) {
            double lo = x.px(b.lower()), hi = x.px(b.upper());
            s.append(ChartFrame.line(lo, mid, hi, mid, "#333", "class=\"whisker\""));
            s.append(ChartFrame.line(lo, mid - 4, lo, mid + 4, "#333", null)).append(ChartFrame.line(hi, mid - 4, hi, mid + 4, "#333", null));
            labelAt = Math.max(end, hi);
        }
        return s.append(ChartFrame.text(labelAt + 4, mid + 4, "start", "value", format(b.value(), share))).toString();
    }

    private static String format(double v, boolean share) {
        if (share) return NorwegianFormat.percent(v);
        // Counts arrive as doubles: a whole number is written whole ("12", not "12,0").
        return v == Math.rint(v) ? NorwegianFormat.decimals(v, 0) : NorwegianFormat.decimal(v);
    }
}
