package no.trygg.jobs.gold.stats;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;

/**
 * Exact (Garwood) confidence interval for a Poisson count: L = χ²(α/2; 2N)/2, U = χ²(1−α/2; 2N+2)/2
 * (statistics_conventions.md 5.1). Exact rather than Byar's approximation because most published cells are
 * small, where approximations are worst.
 */
public final class PoissonInterval {

    /** Quantiles to 1e-12, well below the 1e-6 the statistics are checked to. */
    private static final double ACCURACY = 1e-12;

    private PoissonInterval() {
    }

    /** The 95 % interval for {@code n} events. */
    public static Interval exact(long n) {
        return exact(n, 0.95);
    }

    public static Interval exact(long n, double level) {
        if (n < 0) throw new IllegalArgumentException("A count cannot be negative: " + n);
        double alpha = 1 - level;
        double lower = n == 0 ? 0.0 : chiSquared(2.0 * n).inverseCumulativeProbability(alpha / 2) / 2;
        double upper = chiSquared(2.0 * n + 2).inverseCumulativeProbability(1 - alpha / 2) / 2;
        return new Interval(lower, upper);
    }

    /** Rate per {@code per} units of exposure, e.g. per 100 FTE-years, with the count's interval scaled alike. */
    public static Rate rate(long n, double exposure, double per) {
        if (exposure <= 0) throw new IllegalArgumentException("Exposure must be positive: " + exposure);
        Interval ci = exact(n);
        double f = per / exposure;
        return new Rate(n * f, new Interval(ci.lower() * f, ci.upper() * f));
    }

    public record Rate(double rate, Interval ci95) {
    }

    private static ChiSquaredDistribution chiSquared(double df) {
        return new ChiSquaredDistribution(null, df, ACCURACY);
    }
}
