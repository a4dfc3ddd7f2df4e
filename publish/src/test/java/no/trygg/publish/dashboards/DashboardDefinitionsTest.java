package no.trygg.publish.dashboards;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import no.trygg.publish.research.Glossary;
import no.trygg.publish.research.ResearchViews;
import org.junit.jupiter.api.Test;

/**
 * Every definition loads, and reads only published, documented columns of an existing research view. (That the
 * columns and filter values exist in a real warehouse is checked by the pipeline's integration test.)
 */
class DashboardDefinitionsTest {

    @Test
    void everyDashboardLoadsInMenuOrder() {
        List<DashboardSpec> all = DashboardDefinitions.load();
        assertEquals(List.of("trygg-national", "trygg-offices", "trygg-groups", "trygg-survey", "trygg-measures", "trygg-quality"),
                all.stream().map(DashboardSpec::slug).toList());
    }

    @Test
    void everyResearchChartReadsDocumentedColumnsOfAnExistingView() {
        List<String> views = ResearchViews.ALL.stream().map(v -> v.name()).toList();
        for (DashboardSpec d : DashboardDefinitions.load()) {
            for (ChartSpec c : d.charts()) {
                if (!c.schema().equals(ResearchViews.NAMESPACE)) continue;
                assertTrue(views.contains(c.table()), c.name() + " reads " + c.dataset() + ", which is not a research view");
                List<String> read = new java.util.ArrayList<>(c.readColumns());
                read.addAll(c.filters().keySet());
                if (c.latest() != null) read.add(c.latest());
                for (String column : read) {
                    assertDoesNotThrow(() -> Glossary.of(column), c.name() + " reads " + column + ", which no research view publishes");
                }
            }
        }
    }

    @Test
    void officesAreNeverRanked() {
        for (DashboardSpec d : DashboardDefinitions.load()) {
            for (ChartSpec c : d.charts()) {
                if (c.table().equals("office_funnel")) {
                    assertFalse(c.kind() == ChartKind.BARS || c.kind() == ChartKind.TREND, c.name() + ": offices only as funnel or table");
                }
            }
        }
    }
}
