package no.trygg.jobs.gold.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Every statistic against values computed independently with SciPy 1.x (the calls are in the comments),
 * to 1e-6, and against the worked tables in statistics_conventions.md.
 */
class StatisticsReferenceTest {

    static final double TOL = 1e-6;

    static void assertInterval(double lower, double upper, Interval actual) {
        assertEquals(lower, actual.lower(), TOL, "lower");
        assertEquals(upper, actual.upper(), TOL, "upper");
    }

    @Test
    void garwoodExactPoisson() {
        // lower = chi2.ppf(0.025, 2n)/2 (0 for n = 0), upper = chi2.ppf(0.975, 2n+2)/2
        assertInterval(0.0, 3.6888794541139354, PoissonInterval.exact(0));
        assertInterval(0.025317807984289876, 5.571643390938898, PoissonInterval.exact(1));
        assertInterval(3.4538321767485014, 15.763189220193313, PoissonInterval.exact(8));
        assertInterval(1622.0923732235628, 1784.8256044616362, PoissonInterval.exact(1702));
        // The worked table (statistics_conventions.md 5.1), to its printed precision.
        assertEquals(4.80, PoissonInterval.exact(10).lower(), 0.005);
        assertEquals(18.39, PoissonInterval.exact(10).upper(), 0.005);
    }

    @Test
    void rateScalesTheCountsInterval() {
        PoissonInterval.Rate r = PoissonInterval.rate(8, 40.0, 100);
        assertEquals(20.0, r.rate(), 1e-12);
        assertInterval(3.4538321767485014 * 2.5, 15.763189220193313 * 2.5, r.ci95());
    }

    @Test
    void wilsonScore() {
        // p=x/n, z=norm.ppf(0.975): (p + z²/2n ∓ z·sqrt(p(1−p)/n + z²/4n²)) / (1 + z²/n)
        assertInterval(0.8421014760304114, 0.9868424750910944, WilsonInterval.of(40, 42));
        assertInterval(0.0, 0.43448246478317476, WilsonInterval.of(0, 5));
        assertInterval(0.08894166839405471, 0.5323053349335657, WilsonInterval.of(3, 12));
        assertInterval(0.18109821656809566, 0.33441136664125615, WilsonInterval.of(30, 120));
        // statistics_conventions.md 3: 3 of 12 → 8.9 %–53.2 %; 30 of 120 → 18.1 %–33.4 %.
        assertEquals(0.089, WilsonInterval.of(3, 12).lower(), 0.0005);
        assertEquals(0.334, WilsonInterval.of(30, 120).upper(), 0.0005);
    }

    @Test
    void funnelLimitsReproduceThePublishedTable() {
        // statistics_conventions.md 5.2 at 7.7 per 100 FTE; also poisson.ppf(q, E) for q = .025/.975/.001/.999.
        assertEquals(new FunnelLimits.Limits(0, 3, 0, 5), FunnelLimits.of(0.77));
        assertEquals(new FunnelLimits.Limits(1, 8, 0, 11), FunnelLimits.of(3.85));
        assertEquals(new FunnelLimits.Limits(3, 14, 1, 18), FunnelLimits.of(7.7));
        assertEquals(new FunnelLimits.Limits(8, 24, 5, 29), FunnelLimits.of(15.4));
        FunnelLimits.Limits l = FunnelLimits.of(7.7);
        assertEquals(FunnelLimits.Position.INSIDE, FunnelLimits.classify(14, l));
        assertEquals(FunnelLimits.Position.ABOVE_95, FunnelLimits.classify(15, l));
        assertEquals(FunnelLimits.Position.ABOVE_998, FunnelLimits.classify(19, l));
        assertEquals(FunnelLimits.Position.BELOW_95, FunnelLimits.classify(2, l));
        assertEquals(FunnelLimits.Position.BELOW_998, FunnelLimits.classify(0, l));
    }

    @Test
    void uChartByHand() {
        // ū = 60/30 = 2 per unit; limits 2 ± 3·sqrt(2/E): E=10 → [0.6584, 3.3416], E=5 → [0.1026, 3.8974].
        long[] n = {20, 10, 30};
        double[] e = {10, 5, 15};
        UChart.Chart c = UChart.of(n, e);
        assertEquals(2.0, c.centre(), 1e-12);
        assertEquals(2 - 3 * Math.sqrt(0.2), c.points().get(0).lower(), 1e-12);
        assertEquals(2 + 3 * Math.sqrt(0.4), c.points().get(1).upper(), 1e-12);
        assertFalse(c.points().get(0).outside(), "every point is on the centre line");
        assertEquals(0, c.longestRun(), "points on the centre line count for no run");

        long[] jump = {10, 10, 10, 40};
        double[] same = {10, 10, 10, 10};
        UChart.Chart j = UChart.of(jump, same);
        assertEquals(1.75, j.centre(), 1e-12);
        assertTrue(j.points().get(3).outside(), "4.0 > 1.75 + 3·sqrt(0.175) = 3.005");
    }

    @Test
    void anhojRunRules() {
        // 24 points: run limit round(log2(24) + 3) = 8, crossings limit binom.ppf(0.05, 23, 0.5) = 8.
        long[] counts = new long[24];
        double[] exposure = new double[24];
        for (int i = 0; i < 24; i++) {
            counts[i] = i < 12 ? 12 : 8; // a level shift halfway: one crossing, runs of 12
            exposure[i] = 10;
        }
        UChart.Chart shift = UChart.of(counts, exposure);
        assertEquals(8, shift.longestRunLimit());
        assertEquals(8, shift.crossingsLimit());
        assertEquals(12, shift.longestRun());
        assertEquals(1, shift.crossings());
        assertTrue(shift.runSignal());
        for (int i = 0; i < 24; i++) counts[i] = i % 2 == 0 ? 12 : 8; // alternating: random-looking
        assertFalse(UChart.of(counts, exposure).runSignal());
    }

    @Test
    void reportingRatio() {
        // R=40 registered, 30 of 100 respondents exposed, 200 staff: 40 / (0.3 · 200) = 0.6667.
        // lower = chi2.ppf(0.0125, 80)/2 / (wilson_upper(30,100; z=norm.ppf(0.9875)) · 200), upper alike.
        ReportingRatio.Estimate e = ReportingRatio.of(40, 30, 100, 200);
        assertEquals(2.0 / 3, e.ratio(), 1e-12);
        assertEquals(0.3312819103251574, e.lower(), TOL);
        assertEquals(1.3565260571569588, e.upper(), TOL);
        assertNull(ReportingRatio.of(40, 0, 100, 200).ratio(), "no exposed respondents: no ratio");
    }
}
