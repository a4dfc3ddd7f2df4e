package no.trygg.publish.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.trygg.publish.dashboards.ChartData;

/**
 * The report's plain-language sentences, generated from the numbers. The rule that matters: a change whose
 * interval covers "no change" is described as normal variation; only a change outside it may be called an
 * increase or a decrease. Pure functions, so the wording is tested against constructed cases.
 */
public final class ReportStatements {

    private ReportStatements() {
    }

    /** National rate now against a reference period. */
    public static String rate(ReportLanguage l, String subject, RateCell current, String referenceName, RateCell reference) {
        Change c = current.changeFrom(reference);
        if (c == null || current.rate() == null || reference.rate() == null) {
            return l.text("statement.rate.none", "subject", subject, "reference", referenceName);
        }
        return l.text("statement.rate." + c.verdict(), "subject", subject, "rate", l.number(current.rate(), 1),
                "referenceRate", l.number(reference.rate(), 1), "reference", referenceName,
                "ratio", l.number(c.estimate(), 2), "lower", l.number(c.lower(), 2), "upper", l.number(c.upper(), 2));
    }

    /**
     * The u-chart's verdict on the quarter's months: points outside the control limits, and the run rules of the
     * series (rows of {@code gold.national_monthly}, the quarter's months only).
     */
    public static List<String> controlChart(ReportLanguage l, Quarter q, List<Map<String, Object>> quarterMonths) {
        if (quarterMonths.isEmpty()) return List.of(l.text("statement.control.missing", "quarter", l.quarter(q)));
        long above = 0, below = 0;
        boolean runSignal = false;
        for (Map<String, Object> m : quarterMonths) {
            Double rate = ChartData.number(m, "rate_per_100_fte");
            if (Boolean.TRUE.equals(m.get("outside_limits")) && rate != null) {
                Double centre = ChartData.number(m, "centre_line_per_100_fte");
                if (centre != null && rate > centre) above++;
                else below++;
            }
            runSignal |= Boolean.TRUE.equals(m.get("run_signal"));
        }
        List<String> out = new ArrayList<>();
        if (above == 0 && below == 0) out.add(l.text("statement.control.none", "quarter", l.quarter(q)));
        if (above > 0) out.add(l.text("statement.control.above", "count", above, "quarter", l.quarter(q)));
        if (below > 0) out.add(l.text("statement.control.below", "count", below, "quarter", l.quarter(q)));
        out.add(l.text(runSignal ? "statement.runs.signal" : "statement.runs.none"));
        return out;
    }

    /**
     * Groups of one breakdown whose rate changed beyond normal variation since the same quarter last year.
     *
     * @param groups group label → (current cell, reference cell), in display order
     */
    public static String groups(ReportLanguage l, String breakdown, String referenceName, Map<String, RateCell[]> groups) {
        List<String> changed = new ArrayList<>();
        int uncomparable = 0;
        for (Map.Entry<String, RateCell[]> g : groups.entrySet()) {
            Change c = g.getValue()[0].changeFrom(g.getValue()[1]);
            if (c == null) {
                uncomparable++;
            } else if (c.verdict() != Change.Verdict.WITHIN_NORMAL_VARIATION) {
                changed.add(l.text("statement.groups.item", "group", g.getKey(), "direction", l.text("direction." + c.verdict()),
                        "ratio", l.number(c.estimate(), 2), "lower", l.number(c.lower(), 2), "upper", l.number(c.upper(), 2)));
            }
        }
        String name = l.text("breakdown." + breakdown);
        String s = changed.isEmpty() ? l.text("statement.groups.none", "breakdown", name, "reference", referenceName)
                : l.text("statement.groups.some", "breakdown", name, "reference", referenceName, "groups", String.join("; ", changed));
        return uncomparable == 0 ? s : s + " " + l.text("statement.groups.uncomparable", "count", uncomparable);
    }

    /** A survey share in one year against the survey before, from the published shares and Wilson intervals. */
    public static String survey(ReportLanguage l, String question, Map<String, Object> current, Map<String, Object> reference) {
        Double share = ChartData.number(current, "share");
        if (share == null) return null; // a suppressed national share: nothing to say beyond the ':' in the chart
        String year = String.valueOf(current.get("survey_year"));
        Double ref = reference == null ? null : ChartData.number(reference, "share");
        if (ref == null) return l.text("statement.survey.single", "question", question, "share", l.percent(share), "year", year);
        Change c = Change.shareDifference(share, ChartData.number(current, "share_ci95_lower"), ChartData.number(current, "share_ci95_upper"),
                ref, ChartData.number(reference, "share_ci95_lower"), ChartData.number(reference, "share_ci95_upper"));
        return l.text("statement.survey." + c.verdict(), "question", question, "share", l.percent(share), "year", year,
                "referenceShare", l.percent(ref), "referenceYear", String.valueOf(reference.get("survey_year")),
                "lower", l.number(c.lower() * 100, 1), "upper", l.number(c.upper() * 100, 1));
    }
}
