package no.trygg.publish.dashboards;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reference lines (control limits, centre line, funnel limits) grouped so a lower and an upper limit share one
 * dash style and one legend entry: {@code lower_limit_per_100_fte} and {@code upper_limit_per_100_fte} are one group.
 */
final class ReferenceLines {

    private static final List<String> DASHES = List.of("8 4", "3 3", "1 3", "12 4 2 4");

    private ReferenceLines() {
    }

    /** Limit columns by group key, in the order the chart lists them. */
    static Map<String, List<String>> groups(List<String> limits) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String column : limits) {
            String key = column.replaceAll("(^|_)(lower|upper)(_|$)", "$1").replaceAll("^_|_$", "");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(column);
        }
        return groups;
    }

    static String dash(int group) {
        return DASHES.get(group % DASHES.size());
    }

    static String svgDash(int group) {
        return "stroke-width=\"1.3\" stroke-dasharray=\"" + dash(group) + "\" fill=\"none\"";
    }

    static ChartFrame.Legend legend(String groupKey, int group) {
        return new ChartFrame.Legend(ColumnLabels.of(groupKey), ChartFrame.LIMIT_COLOUR, true, false);
    }
}
