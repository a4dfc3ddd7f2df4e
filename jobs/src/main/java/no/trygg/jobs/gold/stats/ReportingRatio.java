package no.trygg.jobs.gold.stats;

/**
 * Registered incidents per employee the survey says was exposed: R / (p̂ · staff), with p̂ = x/n exposed
 * respondents. The interval combines R's exact Poisson interval and p̂'s Wilson interval, each at 97.5 %
 * (Bonferroni), as lower = R_L / (p_U · staff) and upper = R_U / (p_L · staff): conservative, so at least
 * 95 % coverage without assuming the two sources independent.
 */
public final class ReportingRatio {

    public record Estimate(Double ratio, Double lower, Double upper) {
    }

    private ReportingRatio() {
    }

    /** Nulls where undefined: no exposed respondents (no ratio), or p_L = 0 (no finite upper bound). */
    public static Estimate of(long registered, long exposed, long respondents, double staff) {
        if (respondents <= 0 || staff <= 0 || exposed <= 0) return new Estimate(null, null, null);
        double p = (double) exposed / respondents;
        Interval r = PoissonInterval.exact(registered, 0.975);
        Interval share = WilsonInterval.of(exposed, respondents, 0.975);
        Double upper = share.lower() > 0 ? r.upper() / (share.lower() * staff) : null;
        return new Estimate(registered / (p * staff), r.lower() / (share.upper() * staff), upper);
    }
}
