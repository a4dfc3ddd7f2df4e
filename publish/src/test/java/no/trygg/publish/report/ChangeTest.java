package no.trygg.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Reference values: Clopper–Pearson bounds from the exact binomial tail (bisection), and Newcombe (1998), Stat Med 17:873, method 10. */
class ChangeTest {

    @Test
    void rateRatioHasTheExactConditionalInterval() {
        // 20 against 10 events on equal exposure: RR 2. The exact binomial tails P(X ≥ 20 | 30, p) = 0.025 and
        // P(X ≤ 20 | 30, p) = 0.025, solved by bisection, give p in 0.4718799552–0.8271257785, so RR = p / (1 − p)
        // lies in 0.89351–4.78455.
        Change c = Change.rateRatio(20, 100, 10, 100);
        assertEquals(2.0, c.estimate(), 1e-12);
        assertEquals(0.4718799552 / (1 - 0.4718799552), c.lower(), 1e-8);
        assertEquals(0.8271257785 / (1 - 0.8271257785), c.upper(), 1e-7);
        assertEquals(Change.Verdict.WITHIN_NORMAL_VARIATION, c.verdict());

        // Exposure scales the ratio: the same counts on twice the current exposure halve it.
        Change halved = Change.rateRatio(20, 200, 10, 100);
        assertEquals(1.0, halved.estimate(), 1e-12);
        assertEquals(c.lower() / 2, halved.lower(), 1e-9);
    }

    @Test
    void aClearChangeIsHigherOrLower() {
        assertEquals(Change.Verdict.HIGHER, Change.rateRatio(200, 1000, 100, 1000).verdict());
        assertEquals(Change.Verdict.LOWER, Change.rateRatio(100, 1000, 200, 1000).verdict());
        assertEquals(Change.Verdict.WITHIN_NORMAL_VARIATION, Change.rateRatio(110, 1000, 100, 1000).verdict());
    }

    @Test
    void edgeCases() {
        assertNull(Change.rateRatio(0, 100, 0, 100), "nothing to compare");
        assertNull(Change.rateRatio(5, 0, 3, 100), "no exposure");
        Change fromZero = Change.rateRatio(8, 100, 0, 100);
        assertEquals(Double.POSITIVE_INFINITY, fromZero.estimate());
        assertEquals(Double.POSITIVE_INFINITY, fromZero.upper());
        assertEquals(Change.Verdict.HIGHER, fromZero.verdict()); // 8 against 0: p is at least 0.025^(1/8) = 0.63, so RR > 1.7
        Change toZero = Change.rateRatio(0, 100, 8, 100);
        assertEquals(0.0, toZero.lower());
        assertEquals(Change.Verdict.LOWER, toZero.verdict());
    }

    @Test
    void shareDifferenceIsNewcombesHybridScoreInterval() {
        // Newcombe's example 56/70 against 48/80: difference 0.2000, interval 0.0524 to 0.3339 (method 10).
        double[] a = wilson(56, 70), b = wilson(48, 80);
        Change c = Change.shareDifference(56 / 70.0, a[0], a[1], 48 / 80.0, b[0], b[1]);
        assertEquals(0.2, c.estimate(), 1e-12);
        assertEquals(0.0524, c.lower(), 1e-4);
        assertEquals(0.3339, c.upper(), 1e-4);
        assertEquals(Change.Verdict.HIGHER, c.verdict());
    }

    private static double[] wilson(int x, int n) {
        var ci = no.trygg.jobs.gold.stats.WilsonInterval.of(x, n);
        return new double[] {ci.lower(), ci.upper()};
    }
}
