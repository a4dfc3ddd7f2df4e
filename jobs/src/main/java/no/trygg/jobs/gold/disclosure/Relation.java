package no.trygg.jobs.gold.disclosure;

import java.util.List;

/**
 * {@code total = Σ parts}: an additive relation between published cells, which a reader could use to
 * compute a hidden cell by differencing. Give every relation the mart really satisfies (dimension totals,
 * months to quarters, quarters to years); a relation left out is one the audit cannot defend against.
 */
public record Relation(String total, List<String> parts) {
    public Relation {
        if (total == null || parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("relation needs a total and at least one part: " + total + " = " + parts);
        }
        parts = List.copyOf(parts);
    }
}
