package no.trygg.jobs.gold.stats;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Shewhart u-chart for rates with varying exposure (statistics_conventions.md 5.3): centre ū = ΣN/ΣE and
 * limits ū ± 3√(ū/E_i), plus Anhøj's run rules, which catch sustained shifts that no single point shows:
 * a run on one side longer than round(log2(n) + 3), or fewer crossings of the centre than the 5 % quantile of
 * Binomial(n − 1, ½). Points exactly on the centre line count for neither.
 */
public final class UChart {

    public record Point(double rate, double lower, double upper, boolean outside) {
    }

    public record Chart(double centre, List<Point> points, int longestRun, int longestRunLimit, int crossings, int crossingsLimit) {
        public boolean runSignal() {
            return longestRun > longestRunLimit || crossings < crossingsLimit;
        }
    }

    private UChart() {
    }

    public static Chart of(long[] counts, double[] exposure) {
        if (counts.length != exposure.length || counts.length == 0) {
            throw new IllegalArgumentException("Need as many exposures as counts, and at least one point");
        }
        double sumN = 0;
        double sumE = 0;
        for (int i = 0; i < counts.length; i++) {
            if (exposure[i] <= 0) throw new IllegalArgumentException("Exposure must be positive at point " + i);
            sumN += counts[i];
            sumE += exposure[i];
        }
        double centre = sumN / sumE;
        List<Point> points = new ArrayList<>(counts.length);
        List<Integer> sides = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            double u = counts[i] / exposure[i];
            double sigma = Math.sqrt(centre / exposure[i]);
            double lower = Math.max(0, centre - 3 * sigma);
            double upper = centre + 3 * sigma;
            points.add(new Point(u, lower, upper, u < lower || u > upper));
            if (u != centre) sides.add(u > centre ? 1 : -1);
        }
        int longest = 0;
        int run = 0;
        int crossings = 0;
        for (int i = 0; i < sides.size(); i++) {
            if (i > 0 && !sides.get(i).equals(sides.get(i - 1))) {
                crossings++;
                run = 0;
            }
            run++;
            longest = Math.max(longest, run);
        }
        int n = sides.size();
        int runLimit = n == 0 ? 0 : (int) Math.round(Math.log(n) / Math.log(2) + 3);
        int crossingLimit = n < 2 ? 0 : new BinomialDistribution(null, n - 1, 0.5).inverseCumulativeProbability(0.05);
        return new Chart(centre, List.copyOf(points), longest, runLimit, crossings, crossingLimit);
    }
}
