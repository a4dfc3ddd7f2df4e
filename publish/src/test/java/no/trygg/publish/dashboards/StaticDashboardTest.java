package no.trygg.publish.dashboards;

import static no.trygg.publish.dashboards.Charts.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.testing.HeadlessChromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticDashboardTest {

    static final StaticDashboard.Provenance PROVENANCE = new StaticDashboard.Provenance(Instant.parse("2026-01-02T10:00:00Z"), "0.1.0", null);

    /** Every real definition, each chart given small hand-made rows of the columns it reads (every fourth row suppressed). */
    static Map<ChartSpec, ChartData> handMade(List<DashboardSpec> dashboards) {
        Map<ChartSpec, ChartData> data = new LinkedHashMap<>();
        for (DashboardSpec d : dashboards) {
            for (ChartSpec c : d.charts()) {
                List<Map<String, Object>> rows = new java.util.ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    boolean suppressed = i % 4 == 3;
                    Map<String, Object> r = row("flag", suppressed ? ":" : "");
                    for (String column : c.readColumns()) r.put(column, suppressed && c.values().contains(column) ? null : 2.0 + i);
                    if (c.x() != null && c.kind() != ChartKind.FUNNEL) r.put(c.x(), String.valueOf(2018 + i));
                    if (c.series() != null) r.put(c.series(), i < 4 ? "A" : "B");
                    rows.add(r);
                }
                data.put(c, new ChartData(c, true, rows));
            }
        }
        return data;
    }

    @Test
    void thePageIsSelfContainedAndEscapesText() {
        ChartSpec c = new ChartSpec("evil", "<script>alert(1)</script> & co", "\"quoted\"", "research.incident_rates", ChartKind.TREND,
                "period", List.of("rate_per_100_fte"), null, null, null, List.of(), List.of(), Map.of(), null, 12);
        DashboardSpec d = new DashboardSpec("evil", "Tittel <b>", "", List.of(c));
        String html = StaticDashboard.html(List.of(d), Map.of(c, new ChartData(c, true, Charts.trendWithSuppressedYear().rows())), PROVENANCE);
        assertFalse(html.contains("<script"), "no scripts at all");
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"), html);
        assertTrue(html.contains("Tittel &lt;b&gt;"));

        String all = StaticDashboard.html(DashboardDefinitions.load(), handMade(DashboardDefinitions.load()), PROVENANCE);
        for (String external : List.of("<script src", "http://", "https://", "<link", "@import", "url(")) {
            String withoutSvgNamespace = all.replace("xmlns=\"http://www.w3.org/2000/svg\"", "");
            assertFalse(withoutSvgNamespace.contains(external), "no external reference " + external);
        }
    }

    @Test
    void aChartWithoutDataSaysSoInsteadOfFailing() {
        DashboardSpec d = DashboardDefinitions.load().get(0);
        String html = StaticDashboard.html(List.of(d), Map.of(), PROVENANCE);
        assertEquals(d.charts().size(), html.split(SvgCharts.NO_DATA, -1).length - 1);
    }

    @Test
    void chromiumRendersEveryDashboardWithItsCharts(@TempDir Path dir) throws Exception {
        if (System.getenv("CI") != null) assertTrue(HeadlessChromium.binary().isPresent(), "bin/test installs Chromium");
        assumeTrue(HeadlessChromium.binary().isPresent(), "Chromium not installed (bin/test installs it)");
        List<DashboardSpec> dashboards = DashboardDefinitions.load();
        Path page = dir.resolve("index.html");
        Files.writeString(page, StaticDashboard.html(dashboards, handMade(dashboards), PROVENANCE));

        String dom = HeadlessChromium.dumpDom(page);
        long drawn = dashboards.stream().flatMap(d -> d.charts().stream()).filter(c -> c.kind() != ChartKind.TABLE).count();
        for (DashboardSpec d : dashboards) assertTrue(dom.contains(d.title().replace("&", "&amp;")), "DOM shows " + d.title());
        assertTrue(dom.split("<svg", -1).length - 1 >= drawn, "an <svg> per drawn chart");
        assertTrue(dom.contains("class=\"suppressed\""), "suppressed cells are marked");

        BufferedImage shot = HeadlessChromium.screenshot(page, dir.resolve("dashboard.png"), 1400, 2400);
        double ink = HeadlessChromium.inkShare(shot);
        assertTrue(ink > 0.02, "the page shows charts, ink share " + ink);
    }
}
