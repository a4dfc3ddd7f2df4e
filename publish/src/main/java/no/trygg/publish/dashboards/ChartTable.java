package no.trygg.publish.dashboards;

import static no.trygg.jobs.html.Html.escape;

import java.util.Map;

/**
 * A TABLE chart as an HTML table. A NULL cell of a suppressed row shows ":" (never 0 or blank); other NULLs
 * (not defined, e.g. a rate under 3 incidents) show "–". Numbers right-aligned, Norwegian style.
 */
final class ChartTable {

    private ChartTable() {
    }

    static String html(ChartData d) {
        StringBuilder h = new StringBuilder("<div class=\"table-wrap\"><table class=\"data\"><thead><tr>");
        for (String column : d.chart().columns()) {
            boolean numeric = d.rows().stream().anyMatch(r -> r.get(column) instanceof Number);
            h.append(numeric ? "<th class=\"num\">" : "<th>").append(escape(ColumnLabels.of(column))).append("</th>");
        }
        h.append("</tr></thead><tbody>\n");
        for (Map<String, Object> row : d.rows()) {
            h.append(ChartData.suppressed(row) ? "<tr class=\"suppressed\">" : "<tr>");
            for (String column : d.chart().columns()) h.append(cell(row, column));
            h.append("</tr>\n");
        }
        return h.append("</tbody></table></div>").toString();
    }

    static String cell(Map<String, Object> row, String column) {
        Object v = row.get(column);
        if (v == null) {
            boolean suppressed = ChartData.suppressed(row);
            return "<td class=\"" + (suppressed ? "num suppressed\" title=\"prikket\">" + ChartData.SUPPRESSED : "num missing\">–") + "</td>";
        }
        return "<td" + (v instanceof Number ? " class=\"num\"" : "") + ">" + escape(v instanceof String code ? ColumnLabels.of(code) : NorwegianFormat.value(column, v)) + "</td>";
    }
}
