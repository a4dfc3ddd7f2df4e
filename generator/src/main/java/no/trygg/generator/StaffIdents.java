package no.trygg.generator;

/**
 * NAV-ident style employee numbers: one letter and six digits, e.g. "K482913". Staff member {@code k} (a global
 * index) maps to a unique ident through a bijection on the 26,000,000 possible idents, so no bookkeeping is needed.
 */
final class StaffIdents {

    static final long CAPACITY = 26_000_000L;
    /** Coprime with 26,000,000 = 2^7 · 5^6 · 13, so k → k·M mod capacity is a permutation. */
    private static final long MULTIPLIER = 7_368_787L;

    private StaffIdents() {
    }

    static String ident(long seed, long k) {
        long offset = Math.floorMod(Rng.key(seed, "staff-idents"), CAPACITY);
        long v = Math.floorMod(k * MULTIPLIER + offset, CAPACITY);
        char letter = (char) ('A' + v / 1_000_000L);
        return letter + Fmt.pad(v % 1_000_000L, 6);
    }
}
