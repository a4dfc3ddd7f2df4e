package no.trygg.publish.superset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import no.trygg.publish.dashboards.DashboardSpec;

/**
 * Publishes the repository's dashboards to a Superset: builds the asset bundle from the definitions and the
 * tables Trino shows, imports it (create or update by UUID), then checks that every dashboard, chart and dataset
 * is there exactly once and that every chart's query runs, so a broken chart fails the publish, not a meeting.
 */
public final class SupersetPublisher {

    /** What a publish left in Superset. */
    public record Outcome(int dashboards, int charts, int datasets, List<String> dashboardUrls) {
    }

    private final SupersetClient superset;
    private final Consumer<String> progress;

    public SupersetPublisher(SupersetClient superset, Consumer<String> progress) {
        this.superset = superset;
        this.progress = progress;
    }

    public Outcome publish(List<DashboardSpec> dashboards, Map<String, List<PublishedColumn>> tables, SupersetBundle.Connection connection) {
        SupersetBundle.Contents bundle = SupersetBundle.build(dashboards, tables, connection, Instant.now());
        progress.accept("Importing " + bundle.dashboardSlugs().size() + " dashboards, " + bundle.chartNames().size() + " charts and "
                + bundle.datasetNames().size() + " datasets (" + bundle.zip().length / 1024 + " KiB bundle) into " + superset.baseUrl());
        superset.importBundle(bundle.zip(), Map.of());
        return verify(bundle);
    }

    private Outcome verify(SupersetBundle.Contents bundle) {
        List<Map<String, Object>> dashboards = present("dashboard", "slug", bundle.dashboardSlugs());
        List<Map<String, Object>> charts = present("chart", "slice_name", bundle.chartNames());
        present("dataset", "table_name", bundle.datasetNames());
        List<String> failed = new ArrayList<>();
        for (Map<String, Object> chart : charts) {
            try {
                superset.chartData(((Number) chart.get("id")).intValue());
            } catch (SupersetException e) {
                failed.add("'" + chart.get("slice_name") + "': " + e.getMessage());
            }
        }
        if (!failed.isEmpty()) throw new IllegalStateException("Published, but " + failed.size() + " chart(s) fail to query:\n  "
                + String.join("\n  ", failed));
        progress.accept("Every chart's query runs (" + charts.size() + " charts)");
        List<String> urls = dashboards.stream().map(d -> superset.baseUrl() + "/superset/dashboard/" + d.get("slug") + "/").toList();
        return new Outcome(dashboards.size(), charts.size(), bundle.datasetNames().size(), urls);
    }

    /** The objects of one kind that the bundle holds, each present exactly once. */
    private List<Map<String, Object>> present(String resource, String key, Set<String> expected) {
        List<Map<String, Object>> mine = superset.list(resource).stream().filter(o -> expected.contains(String.valueOf(o.get(key)))).toList();
        for (String name : expected) {
            long n = mine.stream().filter(o -> name.equals(String.valueOf(o.get(key)))).count();
            if (n != 1) throw new IllegalStateException("After import Superset has " + n + " " + resource + "(s) named '" + name + "', expected 1");
        }
        return mine;
    }
}
