package no.trygg.publish.report;

import java.util.List;
import java.util.Map;
import no.trygg.publish.dashboards.ChartData;

/**
 * One published cell of {@code gold.incident_rates} (or a sum of published months): incidents, FTE-years and the
 * rate with its interval as the mart has them. A suppressed cell has no incidents and stays suppressed here.
 *
 * @param flag ":" suppressed, "." not computed, "u" unreliable, "" ordinary
 */
public record RateCell(String period, Long incidents, Double fteYears, Double rate, Double lower, Double upper, String flag) {

    /** A cell the marts do not have at all (no row). */
    public static RateCell missing(String period) {
        return new RateCell(period, null, null, null, null, null, ":");
    }

    /** The cell of a mart row, or {@link #missing} when there is none. */
    public static RateCell of(String period, Map<String, Object> row) {
        if (row == null) return missing(period);
        return new RateCell(period, row.get("incidents") instanceof Number n ? n.longValue() : null,
                ChartData.number(row, "fte_years"), ChartData.number(row, "rate_per_100_fte"),
                ChartData.number(row, "rate_ci95_lower"), ChartData.number(row, "rate_ci95_upper"),
                row.get("flag") == null ? "" : String.valueOf(row.get("flag")));
    }

    /**
     * Twelve published months as one period: incidents and FTE-years added up, the rate and its exact interval
     * recomputed. Adding published cells reveals nothing new; if any month is suppressed the sum is suppressed too.
     */
    public static RateCell sum(String period, List<RateCell> months, int minRateNumerator) {
        long n = 0;
        double fte = 0;
        for (RateCell m : months) {
            if (m.incidents == null || m.fteYears == null) return missing(period);
            n += m.incidents;
            fte += m.fteYears;
        }
        if (fte <= 0 || n < minRateNumerator) return new RateCell(period, n, fte, null, null, null, ".");
        var r = no.trygg.jobs.gold.stats.PoissonInterval.rate(n, fte, 100);
        return new RateCell(period, n, fte, r.rate(), r.ci95().lower(), r.ci95().upper(), "");
    }

    public boolean suppressed() {
        return incidents == null;
    }

    /** Counts and exposure are there, so a change can be tested (the rate itself may be withheld for few events). */
    public boolean comparable() {
        return incidents != null && fteYears != null && fteYears > 0;
    }

    /** The change from {@code reference} to this cell, or null when either is not comparable. */
    public Change changeFrom(RateCell reference) {
        if (!comparable() || !reference.comparable()) return null;
        return Change.rateRatio(incidents, fteYears, reference.incidents, reference.fteYears);
    }
}
