package no.trygg.jobs.gold.disclosure;

/**
 * Primary suppression rule: counts {@code 1 .. minPublished-1} are hidden, zeros are shown.
 * SSB hides 1 and 2 ({@link #SSB}); statistics_conventions.md §2.4 suggests 5 (hide 1–4) for the most
 * sensitive incident types.
 *
 * @param protectionWidth the hidden cells of a sum with a published total and a primary part must hold at least
 *                        this many (so the sum alone never pins the primary to a range narrower than this)
 */
public record Thresholds(long minPublished, long protectionWidth) {
    public static final Thresholds SSB = new Thresholds(3);
    public static final long DEFAULT_PROTECTION_WIDTH = 3;

    public Thresholds {
        if (minPublished < 1) throw new IllegalArgumentException("minPublished must be ≥ 1, was " + minPublished);
        if (protectionWidth < 1) throw new IllegalArgumentException("protectionWidth must be ≥ 1, was " + protectionWidth);
    }

    public Thresholds(long minPublished) {
        this(minPublished, DEFAULT_PROTECTION_WIDTH);
    }

    boolean primary(long count) {
        return count >= 1 && count < minPublished;
    }
}
