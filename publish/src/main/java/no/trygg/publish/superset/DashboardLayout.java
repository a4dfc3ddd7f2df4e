package no.trygg.publish.superset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trygg.publish.dashboards.ChartSpec;
import no.trygg.publish.dashboards.DashboardSpec;

/**
 * A dashboard's grid in Superset's layout format (position_json, v2): a header, a note on how to read it, then
 * the charts in rows of 12 units. Charts are referenced by UUID; the importer links them to the dashboard.
 */
final class DashboardLayout {

    private static final int CHART_HEIGHT = 50;

    private DashboardLayout() {
    }

    static Map<String, Object> position(DashboardSpec d) {
        Map<String, Object> p = new LinkedHashMap<>();
        List<String> rowIds = new ArrayList<>();
        p.put("DASHBOARD_VERSION_KEY", "v2");
        p.put("ROOT_ID", node("ROOT", "ROOT_ID", List.of("GRID_ID"), List.of(), null));
        p.put("HEADER_ID", node("HEADER", "HEADER_ID", null, null, Map.of("text", d.title())));
        p.put("GRID_ID", node("GRID", "GRID_ID", rowIds, List.of("ROOT_ID"), null));

        String noteRow = "ROW-note";
        rowIds.add(noteRow);
        p.put(noteRow, node("ROW", noteRow, List.of("MARKDOWN-note"), List.of("ROOT_ID", "GRID_ID"), Map.of("background", "BACKGROUND_TRANSPARENT")));
        p.put("MARKDOWN-note", node("MARKDOWN", "MARKDOWN-note", List.of(), List.of("ROOT_ID", "GRID_ID", noteRow),
                Map.of("width", 12, "height", 16, "code", "**Slik leser du tallene.** " + d.description().trim()
                        + "\n\nTomme punkter og \":\" er prikkede celler (for få hendelser til å publiseres), ikke null.")));
        int r = 0;
        for (List<ChartSpec> row : d.rows()) {
            String rowId = "ROW-" + r++;
            rowIds.add(rowId);
            List<String> children = new ArrayList<>();
            for (ChartSpec c : row) {
                String id = "CHART-" + c.name();
                children.add(id);
                Map<String, Object> meta = new LinkedHashMap<>();
                meta.put("width", c.width());
                meta.put("height", CHART_HEIGHT);
                meta.put("chartId", 0); // resolved by UUID on import
                meta.put("uuid", SupersetBundle.chartUuid(d, c).toString());
                meta.put("sliceName", c.title());
                p.put(id, node("CHART", id, List.of(), List.of("ROOT_ID", "GRID_ID", rowId), meta));
            }
            p.put(rowId, node("ROW", rowId, children, List.of("ROOT_ID", "GRID_ID"), Map.of("background", "BACKGROUND_TRANSPARENT")));
        }
        return p;
    }

    private static Map<String, Object> node(String type, String id, List<String> children, List<String> parents, Map<String, Object> meta) {
        Map<String, Object> n = new LinkedHashMap<>();
        n.put("type", type);
        n.put("id", id);
        if (children != null) n.put("children", children);
        if (parents != null) n.put("parents", parents);
        if (meta != null) n.put("meta", meta);
        return n;
    }
}
