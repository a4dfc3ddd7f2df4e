package no.trygg.jobs.gold.marts;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One aggregation level of a mart: the dimensions it is broken down by (none: the national total).
 * Its name is what the {@code breakdown} column says, e.g. "size_class×incident_type".
 */
public record Breakdown(List<Dimension> dimensions) {

    public Breakdown {
        dimensions = List.copyOf(dimensions);
    }

    public static Breakdown of(Dimension... dims) {
        return new Breakdown(List.of(dims));
    }

    public String name() {
        return dimensions.isEmpty() ? "national" : dimensions.stream().map(d -> d.column).collect(Collectors.joining("×"));
    }

    public boolean has(Dimension d) {
        return dimensions.contains(d);
    }

    /** This breakdown with one dimension summed out: its parent in the additive hierarchy. */
    public Breakdown without(Dimension d) {
        return new Breakdown(dimensions.stream().filter(x -> x != d).toList());
    }
}
