package no.trygg.publish.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.gold.stats.PoissonInterval;

/** Gold rows made by hand for the report tests: rates computed the way the marts compute them. */
final class ReportRows {

    private ReportRows() {
    }

    /** A national incident_rates row. */
    static Map<String, Object> rate(String grain, String period, long incidents, double fte) {
        return rate(grain, period, "national", Map.of(), incidents, fte);
    }

    static Map<String, Object> rate(String grain, String period, String breakdown, Map<String, String> group, Long incidents, double fte) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("period_grain", grain);
        r.put("period", period);
        r.put("breakdown", breakdown);
        r.putAll(group);
        r.put("incidents", incidents);
        r.put("fte_years", fte);
        if (incidents == null) {
            r.put("flag", ":");
        } else if (incidents >= 3) {
            var rate = PoissonInterval.rate(incidents, fte, 100);
            r.put("rate_per_100_fte", rate.rate());
            r.put("rate_ci95_lower", rate.ci95().lower());
            r.put("rate_ci95_upper", rate.ci95().upper());
            r.put("flag", incidents < 20 ? "u" : "");
        } else {
            r.put("flag", ".");
        }
        r.put("silver_snapshot", "silver-1");
        r.put("code_version", "test");
        return r;
    }

    /**
     * National rows for 2023-10 … 2025-09 (24 months, their quarters), with {@code perMonth} incidents a month on
     * 1000 FTE-years a year, except that the quarter 2025Q3's months have {@code q3PerMonth}.
     */
    static List<Map<String, Object>> national(long perMonth, long q3PerMonth) {
        List<Map<String, Object>> rows = new ArrayList<>();
        double fteMonth = 1000 / 12.0;
        Map<String, long[]> quarters = new LinkedHashMap<>();
        for (String m : new Quarter(2025, 3).monthsEndingHere(24)) {
            long n = m.compareTo("2025-07") >= 0 ? q3PerMonth : perMonth;
            rows.add(rate("MONTH", m, n, fteMonth));
            String q = Quarter.of(LocalDate.parse(m + "-01")).id();
            quarters.computeIfAbsent(q, k -> new long[1])[0] += n;
        }
        quarters.forEach((q, n) -> rows.add(rate("QUARTER", q, n[0], fteMonth * 3)));
        return rows;
    }

    /** national_monthly rows for the months of the national series, none outside the limits. */
    static List<Map<String, Object>> monthly(List<Map<String, Object>> national) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> r : national) {
            if (!"MONTH".equals(r.get("period_grain"))) continue;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("period", r.get("period"));
            m.put("period_start", LocalDate.parse(r.get("period") + "-01"));
            m.put("incidents", r.get("incidents"));
            m.put("rate_per_100_fte", r.get("rate_per_100_fte"));
            m.put("centre_line_per_100_fte", 12.0);
            m.put("lower_limit_per_100_fte", 1.0);
            m.put("upper_limit_per_100_fte", 40.0);
            m.put("outside_limits", false);
            m.put("run_signal", false);
            m.put("flag", "");
            rows.add(m);
        }
        return rows;
    }

    static Map<String, Object> survey(int year, String question, long respondents, long positive) {
        var ci = no.trygg.jobs.gold.stats.WilsonInterval.of(positive, respondents);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("survey_year", year);
        r.put("question_code", question);
        r.put("breakdown", "national");
        r.put("respondents", respondents);
        r.put("positive_answers", positive);
        r.put("share", positive / (double) respondents);
        r.put("share_ci95_lower", ci.lower());
        r.put("share_ci95_upper", ci.upper());
        r.put("flag", "");
        return r;
    }

    static Map<String, Object> coverage(int year, String measure, long offices, long with) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("year", year);
        r.put("grouping", "ALL");
        r.put("measure_code", measure);
        r.put("offices", offices);
        r.put("offices_with_measure", with);
        r.put("share", with / (double) offices);
        return r;
    }
}
