package no.trygg.jobs.gold.disclosure;

/**
 * Primary suppression rule: counts {@code 1 .. minPublished-1} are hidden, zeros are shown.
 * SSB hides 1 and 2 ({@link #SSB}); statistics_conventions.md §2.4 suggests 5 (hide 1–4) for the most
 * sensitive incident types.
 */
public record Thresholds(long minPublished) {
    public static final Thresholds SSB = new Thresholds(3);

    public Thresholds {
        if (minPublished < 1) throw new IllegalArgumentException("minPublished must be ≥ 1, was " + minPublished);
    }

    boolean primary(long count) {
        return count >= 1 && count < minPublished;
    }
}
