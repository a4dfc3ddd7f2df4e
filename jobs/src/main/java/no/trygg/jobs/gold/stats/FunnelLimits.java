package no.trygg.jobs.gold.stats;

import org.apache.commons.math3.distribution.PoissonDistribution;

/**
 * Funnel-plot control limits for an office with expected count E (Spiegelhalter 2005): exact Poisson
 * quantiles around E. Lower = smallest k with P(X ≤ k) ≥ 2.5 % (0.1 %), upper = smallest k with
 * P(X ≤ k) ≥ 97.5 % (99.9 %). An observed count above the upper limit (or below the lower) is outside.
 * This convention reproduces the table in statistics_conventions.md 5.2.
 */
public final class FunnelLimits {

    public enum Position { INSIDE, ABOVE_95, ABOVE_998, BELOW_95, BELOW_998 }

    public record Limits(long lower95, long upper95, long lower998, long upper998) {
    }

    private FunnelLimits() {
    }

    public static Limits of(double expected) {
        if (expected < 0) throw new IllegalArgumentException("Expected count cannot be negative: " + expected);
        if (expected == 0) return new Limits(0, 0, 0, 0);
        PoissonDistribution p = new PoissonDistribution(null, expected, PoissonDistribution.DEFAULT_EPSILON,
                PoissonDistribution.DEFAULT_MAX_ITERATIONS);
        return new Limits(p.inverseCumulativeProbability(0.025), p.inverseCumulativeProbability(0.975),
                p.inverseCumulativeProbability(0.001), p.inverseCumulativeProbability(0.999));
    }

    public static Position classify(long observed, Limits l) {
        if (observed > l.upper998()) return Position.ABOVE_998;
        if (observed > l.upper95()) return Position.ABOVE_95;
        if (observed < l.lower998()) return Position.BELOW_998;
        if (observed < l.lower95()) return Position.BELOW_95;
        return Position.INSIDE;
    }
}
