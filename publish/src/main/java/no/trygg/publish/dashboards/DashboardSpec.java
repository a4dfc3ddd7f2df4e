package no.trygg.publish.dashboards;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A dashboard as defined in the repository: one YAML file under {@code dashboards/}, published to Superset as
 * an asset bundle and rendered as static HTML from the same definition.
 *
 * @param slug        stable id and URL part, e.g. {@code trygg-national}
 * @param title       bokmål title (English after a slash where it helps)
 * @param description how to read the dashboard: definitions, denominators, what ":" and gaps mean
 * @param charts      in reading order; rows fill up to a width of 12
 */
public record DashboardSpec(String slug, String title, String description, List<ChartSpec> charts) {

    public DashboardSpec {
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title of dashboard " + slug);
        if (!slug.matches("[a-z0-9-]+")) throw new IllegalArgumentException("dashboard slug must be lower-case letters, digits and '-': " + slug);
        description = description == null ? "" : description;
        charts = charts == null ? List.of() : List.copyOf(charts);
        if (charts.isEmpty()) throw new IllegalArgumentException("dashboard " + slug + " has no charts");
        Set<String> names = new HashSet<>();
        for (ChartSpec c : charts) {
            if (!names.add(c.name())) throw new IllegalArgumentException("dashboard " + slug + ": chart name " + c.name() + " used twice");
        }
    }

    /** The charts laid out in rows of at most 12 grid units. */
    public List<List<ChartSpec>> rows() {
        List<List<ChartSpec>> rows = new java.util.ArrayList<>();
        List<ChartSpec> row = new java.util.ArrayList<>();
        int used = 0;
        for (ChartSpec c : charts) {
            if (used + c.width() > 12) {
                rows.add(row);
                row = new java.util.ArrayList<>();
                used = 0;
            }
            row.add(c);
            used += c.width();
        }
        rows.add(row);
        return rows;
    }
}
