package no.trygg.publish.dashboards;

import static no.trygg.publish.dashboards.Charts.chart;
import static no.trygg.publish.dashboards.Charts.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SvgChartsTest {

    private static List<String> matches(String text, String regex) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }

    @Test
    void aSuppressedYearIsAGapWithAMarkerNeverAPointAtZero() {
        ChartData d = Charts.trendWithSuppressedYear();
        String svg = SvgCharts.render(d);
        List<String> paths = matches(svg, "class=\"line\"[^>]* d=\"([^\"]*)\"");
        assertEquals(1, paths.size(), svg);
        String path = paths.get(0);
        assertEquals(2, path.chars().filter(ch -> ch == 'M').count(), "the line breaks at the suppressed year: " + path);
        assertEquals(4, path.split("[ML]").length - 1, "four published years, no point for 2023: " + path);

        // y of the value 0 on this chart's scale: no point of the line lies there.
        var lines = TrendChart.lines(d, ChartFrame.ordered(d.rows(), "period"));
        assertEquals(null, lines.get(0).points().get(2).value());
        List<String> ys = matches(path, "[ML][0-9.]+,([0-9.]+)");
        String zeroY = matches(svg, "<line x1=\"[0-9.]+\" y1=\"([0-9.]+)\"[^>]*stroke=\"#999\"").get(0);
        assertFalse(ys.contains(zeroY), "no point on the zero line " + zeroY + ": " + ys);

        List<String> markers = matches(svg, "<text class=\"suppressed\" x=\"([0-9.]+)\"");
        assertEquals(1, markers.size(), "one ':' marker, at 2023");
        assertTrue(svg.contains(">:<title>Rate per 100 årsverk, 2023: prikket</title>"), svg);
        List<String> xs = matches(path, "[ML]([0-9.]+),");
        double marker = Double.parseDouble(markers.get(0));
        assertTrue(marker > Double.parseDouble(xs.get(1)) && marker < Double.parseDouble(xs.get(2)), "the marker sits between 2022 and 2024");
        assertTrue(svg.contains("class=\"band\""), "the interval is drawn as a band");
    }

    @Test
    void seriesGetOneLineEachAndALegend() {
        ChartSpec c = chart("by-type", ChartKind.TREND, "period", List.of("incidents"), "incident_type", List.of());
        ChartData d = new ChartData(c, true, List.of(
                row("incident_type", "THREAT", "period", "2024", "incidents", 40L, "flag", ""),
                row("incident_type", "THREAT", "period", "2025", "incidents", 44L, "flag", ""),
                row("incident_type", "VIOLENCE", "period", "2024", "incidents", null, "flag", ":"),
                row("incident_type", "VIOLENCE", "period", "2025", "incidents", 3L, "flag", "")));
        String svg = SvgCharts.render(d);
        assertEquals(2, matches(svg, "class=\"line\"[^>]* d=\"([^\"]*)\"").size());
        assertTrue(svg.contains("class=\"legend\"") && svg.contains(">Trusler<") && svg.contains(">VIOLENCE<"), svg);
        assertEquals(1, matches(svg, "class=\"suppressed\" x=\"([0-9.]+)\"").size());
    }

    @Test
    void aSuppressedTableCellShowsAColonNeverZero() {
        ChartSpec c = chart("quarters", ChartKind.TABLE, null, List.of(), null, List.of("period", "incidents", "rate_per_100_fte", "flag"));
        ChartData d = new ChartData(c, true, List.of(
                row("period", "2024Q1", "incidents", 1234L, "rate_per_100_fte", 4.25, "flag", ""),
                row("period", "2024Q2", "incidents", null, "rate_per_100_fte", null, "flag", ":")));
        String html = SvgCharts.render(d);
        assertTrue(html.contains("<td class=\"num\">1\u202F234</td>"), "thin space between thousands: " + html);
        assertTrue(html.contains("<td class=\"num\">4,25</td>"), "decimal comma: " + html);
        String suppressed = html.substring(html.indexOf("<tr class=\"suppressed\">"));
        suppressed = suppressed.substring(0, suppressed.indexOf("</tr>"));
        assertEquals(3, suppressed.split(">:<", -1).length - 1, "both NULL cells and the flag show ':': " + suppressed);
        assertFalse(suppressed.matches(".*>0(,0+)?<.*"), "never 0: " + suppressed);
    }

    @Test
    void sharesShowAsPercentAndYearsWithoutGrouping() {
        assertEquals("12,3\u00A0%", NorwegianFormat.value("share", 0.123));
        assertEquals("2024", NorwegianFormat.value("survey_year", 2024));
        assertEquals("45\u202F001", NorwegianFormat.value("offices", 45001L));
        assertEquals("0,87", NorwegianFormat.value("registered_per_exposed", 0.8712));
        assertEquals("\u22121,5", NorwegianFormat.decimals(-1.5, 1));
    }

    @Test
    void barsKeepTheCategoriesInTheirNaturalOrderNotBySize() {
        ChartSpec c = new ChartSpec("size", "Etter størrelse", "", "research.incident_rates", ChartKind.BARS, "county_name",
                List.of("rate_per_100_fte"), null, "rate_ci95_lower", "rate_ci95_upper", List.of(), List.of(), java.util.Map.of(), null, 6);
        ChartData d = new ChartData(c, true, List.of(
                row("county_name", "Agder", "rate_per_100_fte", 2.0, "rate_ci95_lower", 1.5, "rate_ci95_upper", 2.5, "flag", ""),
                row("county_name", "Oslo", "rate_per_100_fte", 9.0, "rate_ci95_lower", 8.0, "rate_ci95_upper", 10.0, "flag", ""),
                row("county_name", "Finnmark", "rate_per_100_fte", null, "rate_ci95_lower", null, "rate_ci95_upper", null, "flag", ":"),
                row("county_name", "Vestland", "rate_per_100_fte", 5.0, "rate_ci95_lower", 4.0, "rate_ci95_upper", 6.0, "flag", "")));
        String svg = SvgCharts.render(d);
        assertEquals(List.of("Agder", "Finnmark", "Oslo", "Vestland"), matches(svg, "class=\"category\">([^<]*)<"));
        assertEquals(3, matches(svg, "(class=\"bar\")").size(), "no bar for the suppressed county");
        assertEquals(3, matches(svg, "(class=\"whisker\")").size());
        assertTrue(svg.contains(">:<title>Finnmark: prikket</title>"), svg);
        List<Double> tops = matches(svg, "<text x=\"[0-9.]+\" y=\"([0-9.]+)\" text-anchor=\"end\" class=\"category\"").stream()
                .map(Double::parseDouble).toList();
        for (int i = 1; i < tops.size(); i++) assertTrue(tops.get(i) > tops.get(i - 1), "top to bottom in that order: " + tops);
    }

    @Test
    void theFunnelDrawsEveryPublishedOfficeAsAnAnonymousPoint() {
        ChartSpec c = new ChartSpec("funnel", "Trakt", "", "research.office_funnel", ChartKind.FUNNEL, "expected_incidents",
                List.of("observed_incidents"), null, null, null, List.of("limit95_lower", "limit95_upper"), List.of(), java.util.Map.of(), "year", 12);
        List<java.util.Map<String, Object>> rows = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            double e = i * 1.5;
            rows.add(row("expected_incidents", e, "observed_incidents", i == 7 ? null : (long) (e + (i % 5) - 2), "limit95_lower",
                    Math.max(0, e - 2 * Math.sqrt(e)), "limit95_upper", e + 2 * Math.sqrt(e), "flag", i == 7 ? ":" : ""));
        }
        String svg = SvgCharts.render(new ChartData(c, true, rows));
        assertEquals(29, matches(svg, "(class=\"point\")").size(), "every office with a published count");
        assertEquals(2, matches(svg, "(class=\"limit\")").size());
        assertTrue(svg.contains("1 prikkede kontorer er utelatt"), svg);
        assertFalse(svg.contains("office_name") || svg.contains("<title>"), "no names, no labels: no ranking");
    }

    @Test
    void aChartWithoutATableSaysSo() {
        ChartData d = ChartData.notPublished(chart("x", ChartKind.TREND, "period", List.of("incidents"), null, List.of()));
        assertTrue(SvgCharts.render(d).contains(SvgCharts.NO_DATA));
    }

    @Test
    void numbersOnTicksUseTheDecimalComma() {
        ChartFrame.Scale s = ChartFrame.Scale.of(0, 0.9, 0, 100);
        assertEquals("0,2", s.tickLabel(0.2, false));
        assertEquals(String.format(Locale.ROOT, "%d\u00A0%%", 20), s.tickLabel(0.2, true));
    }
}
