package no.trygg.jobs.gold.disclosure;

import java.util.List;

/**
 * Where a published cell sits: its partition (e.g. a survey question, or "" for one table), period grain and
 * period, breakdown name, and its dimension values in a fixed order ({@code Dimension.TOTAL} for a summed-out
 * dimension). Two cells with the same key are the same cell, so the key is also the cell's id.
 */
public record CellKey(String partition, String grain, String period, String breakdown, List<String> values) {

    public CellKey {
        values = List.copyOf(values);
    }

    public String id() {
        return partition + "|" + grain + "|" + period + "|" + breakdown + "|" + String.join("|", values);
    }
}
