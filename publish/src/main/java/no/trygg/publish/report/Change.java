package no.trygg.publish.report;

import org.apache.commons.math3.distribution.BetaDistribution;

/**
 * A change between two periods with its 95 % interval, and what may be said about it. A change whose interval
 * covers "no change" is normal variation: the report never calls it an increase or a decrease.
 *
 * @param estimate the rate ratio (current / reference), or the difference in shares (current − reference)
 * @param lower    lower end of the 95 % interval
 * @param upper    upper end (a rate ratio's may be infinite when the reference has no events)
 * @param none     the value meaning "no change": 1 for a ratio, 0 for a difference
 */
public record Change(double estimate, double lower, double upper, double none) {

    /** What the interval allows us to say. */
    public enum Verdict {
        /** The interval covers "no change": within normal (random) variation. */
        WITHIN_NORMAL_VARIATION,
        /** Higher than random variation explains. */
        HIGHER,
        /** Lower than random variation explains. */
        LOWER
    }

    private static final double ACCURACY = 1e-12;

    public Verdict verdict() {
        if (lower > none) return Verdict.HIGHER;
        if (upper < none) return Verdict.LOWER;
        return Verdict.WITHIN_NORMAL_VARIATION;
    }

    /**
     * Ratio of two Poisson rates with the exact conditional interval: given n₁ + n₀ events, n₁ is binomial with
     * p = RR·e₁ / (RR·e₁ + e₀); the Clopper–Pearson interval for p maps to one for RR (statistics_conventions.md 5.1: "the exact conditional binomial test on N1 / (N1+N2)").
     * Exact because the counts in groups and quarters are often small.
     *
     * @return null when neither period has an event or an exposure is missing: nothing to compare
     */
    public static Change rateRatio(long currentEvents, double currentExposure, long referenceEvents, double referenceExposure) {
        long total = currentEvents + referenceEvents;
        if (total == 0 || currentExposure <= 0 || referenceExposure <= 0 || currentEvents < 0 || referenceEvents < 0) return null;
        double pLow = currentEvents == 0 ? 0 : new BetaDistribution(null, currentEvents, total - currentEvents + 1, ACCURACY).inverseCumulativeProbability(0.025);
        double pHigh = currentEvents == total ? 1 : new BetaDistribution(null, currentEvents + 1, total - currentEvents, ACCURACY).inverseCumulativeProbability(0.975);
        double exposures = referenceExposure / currentExposure;
        double estimate = referenceEvents == 0 ? Double.POSITIVE_INFINITY : (double) currentEvents / referenceEvents * exposures;
        return new Change(estimate, odds(pLow) * exposures, odds(pHigh) * exposures, 1);
    }

    /**
     * Difference of two shares from their published Wilson intervals (Newcombe's hybrid score method), so the
     * report needs no more than the marts publish.
     */
    public static Change shareDifference(double current, double currentLower, double currentUpper,
                                         double reference, double referenceLower, double referenceUpper) {
        double d = current - reference;
        double lower = d - Math.sqrt(sq(current - currentLower) + sq(referenceUpper - reference));
        double upper = d + Math.sqrt(sq(currentUpper - current) + sq(reference - referenceLower));
        return new Change(d, lower, upper, 0);
    }

    private static double odds(double p) {
        return p >= 1 ? Double.POSITIVE_INFINITY : p / (1 - p);
    }

    private static double sq(double v) {
        return v * v;
    }
}
