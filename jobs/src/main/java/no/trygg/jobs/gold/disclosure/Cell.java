package no.trygg.jobs.gold.disclosure;

/** One published count cell of a mart. {@code id} is unique and opaque to this library. */
public record Cell(String id, long count) {
    public Cell {
        if (id == null) throw new IllegalArgumentException("cell id is null");
        if (count < 0) throw new IllegalArgumentException("cell " + id + " has negative count " + count);
    }
}
