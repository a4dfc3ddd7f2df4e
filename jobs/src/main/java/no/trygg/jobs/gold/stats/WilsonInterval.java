package no.trygg.jobs.gold.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Wilson score interval for a proportion x/n (statistics_conventions.md 3): unlike the Wald interval it stays
 * inside [0, 1] and behaves at 0/n and n/n, which small survey groups produce.
 */
public final class WilsonInterval {

    private WilsonInterval() {
    }

    public static Interval of(long x, long n) {
        return of(x, n, 0.95);
    }

    /** @throws IllegalArgumentException for n ≤ 0 (no respondents: there is no share to bound) */
    public static Interval of(long x, long n, double level) {
        if (n <= 0 || x < 0 || x > n) throw new IllegalArgumentException("Need 0 ≤ x ≤ n and n > 0, was " + x + "/" + n);
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        double p = (double) x / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
