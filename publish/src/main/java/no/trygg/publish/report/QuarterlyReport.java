package no.trygg.publish.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import no.trygg.publish.dashboards.ChartData;
import no.trygg.publish.dashboards.ChartKind;
import no.trygg.publish.dashboards.ChartSpec;

/**
 * The leadership's quarterly trend report (kvartalsrapport) as content: key figures with their change from the same
 * quarter last year and over the rolling 12 months, sentences generated from those numbers, the charts, and the
 * methods box. Built by a pure function of the gold rows; {@link ReportHtml} and {@link ReportPdf} lay it out.
 *
 * @param sections section title key → the section's charts, in reading order
 */
public record QuarterlyReport(Quarter quarter, ReportLanguage language, List<KeyFigure> keyFigures, List<String> statements,
                              Map<String, List<ChartData>> sections, ReportMethods methods) {

    public static QuarterlyReport build(Quarter q, ReportLanguage l, MartRows rows, ReportMethods methods) {
        Objects.requireNonNull(q, "quarter");
        Quarter lastYear = q.sameQuarterLastYear();
        String qName = l.quarter(q), refName = l.quarter(lastYear);

        Map<String, Map<String, Object>> national = new LinkedHashMap<>();
        for (Map<String, Object> r : rows.nationalRates()) national.put((String) r.get("period"), r);
        RateCell quarter = RateCell.of(q.id(), national.get(q.id()));
        RateCell reference = RateCell.of(lastYear.id(), national.get(lastYear.id()));
        List<String> months = q.monthsEndingHere(24);
        int minRate = methods.rules().minRateNumerator();
        RateCell rolling = RateCell.sum("12m", months.subList(12, 24).stream().map(m -> RateCell.of(m, national.get(m))).toList(), minRate);
        RateCell rollingBefore = RateCell.sum("12m-1", months.subList(0, 12).stream().map(m -> RateCell.of(m, national.get(m))).toList(), minRate);

        List<KeyFigure> key = List.of(
                new KeyFigure(l.text("key.incidents.quarter", "quarter", qName, "reference", refName), quarter, reference, false, quarter.changeFrom(reference)),
                new KeyFigure(l.text("key.rate.quarter", "quarter", qName, "reference", refName), quarter, reference, true, quarter.changeFrom(reference)),
                new KeyFigure(l.text("key.incidents.rolling"), rolling, rollingBefore, false, rolling.changeFrom(rollingBefore)),
                new KeyFigure(l.text("key.rate.rolling"), rolling, rollingBefore, true, rolling.changeFrom(rollingBefore)));

        List<String> statements = new ArrayList<>();
        statements.add(ReportStatements.rate(l, l.text("subject.national.quarter", "quarter", qName), quarter, refName, reference));
        statements.add(ReportStatements.rate(l, l.text("subject.national.rolling"), rolling, l.text("period.rolling.before"), rollingBefore));
        statements.addAll(ReportStatements.controlChart(l, q, rows.nationalMonthly().stream()
                .filter(m -> q.equals(Quarter.of((LocalDate) m.get("period_start")))).toList()));
        for (String breakdown : MartRows.GROUP_BREAKDOWNS) {
            statements.add(ReportStatements.groups(l, breakdown, refName, groupCells(l, rows.groupRates(), breakdown, q, lastYear)));
        }
        Optional<Integer> surveyYear = latestYear(rows.survey(), "survey_year", q.year());
        if (surveyYear.isEmpty()) {
            statements.add(l.text("statement.survey.none", "year", q.year()));
        } else {
            statements.addAll(surveyStatements(l, rows.survey(), surveyYear.get()));
        }

        Map<String, List<ChartData>> sections = new LinkedHashMap<>();
        sections.put("section.trend", List.of(trend(l, rows.nationalMonthly(), q)));
        sections.put("section.groups", List.of(
                groupChart(l, rows.groupRates(), "size_class", "size_class", "chart.size", q),
                groupChart(l, rows.groupRates(), "channel_strategy_stage", "channel_strategy_stage", "chart.stage", q),
                groupChart(l, rows.groupRates(), "county_no", "county_name", "chart.county", q)));
        sections.put("section.mix", List.of(
                mixChart(l, rows.groupRates(), "incident_type", "chart.type", q),
                mixChart(l, rows.groupRates(), "channel", "chart.channel", q)));
        sections.put("section.survey", List.of(surveyChart(l, rows.survey(), surveyYear.orElse(q.year()))));
        int measuresYear = latestYear(rows.measures(), "year", q.quarter() == 4 ? q.year() : q.year() - 1).orElse(q.year());
        sections.put("section.measures", List.of(measuresChart(l, rows.measures(), measuresYear)));
        return new QuarterlyReport(q, l, key, List.copyOf(statements), sections, methods);
    }

    /** The latest quarter the national series has all three months of: the default when no quarter is asked for. */
    public static Optional<Quarter> latestComplete(List<Map<String, Object>> nationalRates) {
        java.util.Set<String> periods = new java.util.HashSet<>();
        for (Map<String, Object> r : nationalRates) periods.add(String.valueOf(r.get("period")));
        return nationalRates.stream().filter(r -> "QUARTER".equals(r.get("period_grain")))
                .map(r -> Quarter.parse(String.valueOf(r.get("period"))))
                .filter(x -> periods.containsAll(x.monthsEndingHere(3)))
                .max(Comparator.naturalOrder());
    }

    private static Map<String, RateCell[]> groupCells(ReportLanguage l, List<Map<String, Object>> groupRates, String breakdown, Quarter q, Quarter ref) {
        String labelColumn = breakdown.equals("county_no") ? "county_name" : breakdown;
        Map<String, RateCell[]> groups = new java.util.TreeMap<>();
        for (Map<String, Object> r : groupRates) {
            if (!breakdown.equals(r.get("breakdown"))) continue;
            String period = String.valueOf(r.get("period"));
            int slot = period.equals(q.id()) ? 0 : period.equals(ref.id()) ? 1 : -1;
            if (slot < 0) continue;
            String label = l.label(String.valueOf(r.get(labelColumn)));
            groups.computeIfAbsent(label, k -> new RateCell[] {RateCell.missing(q.id()), RateCell.missing(ref.id())})[slot] = RateCell.of(period, r);
        }
        return groups;
    }

    private static Optional<Integer> latestYear(List<Map<String, Object>> rows, String column, int notAfter) {
        return rows.stream().map(r -> r.get(column)).filter(v -> v instanceof Number).map(v -> ((Number) v).intValue())
                .filter(y -> y <= notAfter).max(Integer::compare);
    }

    private static List<String> surveyStatements(ReportLanguage l, List<Map<String, Object>> survey, int year) {
        List<String> out = new ArrayList<>();
        Optional<Integer> before = latestYear(survey, "survey_year", year - 1);
        for (Map<String, Object> r : sorted(survey, "question_code")) {
            if (((Number) r.get("survey_year")).intValue() != year) continue;
            Map<String, Object> ref = before.flatMap(b -> survey.stream().filter(x -> ((Number) x.get("survey_year")).intValue() == b
                    && Objects.equals(x.get("question_code"), r.get("question_code"))).findFirst()).orElse(null);
            String s = ReportStatements.survey(l, l.label(String.valueOf(r.get("question_code"))), r, ref);
            if (s != null) out.add(s);
        }
        return out;
    }

    private static ChartData trend(ReportLanguage l, List<Map<String, Object>> monthly, Quarter q) {
        LocalDate from = q.end().minusMonths(36).plusDays(1), to = q.end();
        List<Map<String, Object>> rows = sorted(monthly.stream().filter(m -> {
            LocalDate d = (LocalDate) m.get("period_start");
            return !d.isBefore(from) && !d.isAfter(to);
        }).toList(), "period_start");
        ChartSpec spec = new ChartSpec("trend", l.text("chart.trend"), "", "gold.national_monthly", ChartKind.TREND, "period_start",
                List.of("rate_per_100_fte"), null, null, null,
                List.of("centre_line_per_100_fte", "lower_limit_per_100_fte", "upper_limit_per_100_fte"), null, null, null, 12);
        return new ChartData(spec, true, rows);
    }

    private static ChartData groupChart(ReportLanguage l, List<Map<String, Object>> groupRates, String breakdown, String x, String title, Quarter q) {
        ChartSpec spec = new ChartSpec(breakdown, l.text(title, "quarter", l.quarter(q)), "", "gold.incident_rates", ChartKind.BARS, x,
                List.of("rate_per_100_fte"), null, "rate_ci95_lower", "rate_ci95_upper", null, null,
                Map.of("period_grain", "QUARTER", "breakdown", breakdown, "period", q.id()), null, 6);
        return new ChartData(spec, true, labelled(l, quarterRows(groupRates, breakdown, q), x));
    }

    private static ChartData mixChart(ReportLanguage l, List<Map<String, Object>> groupRates, String breakdown, String title, Quarter q) {
        ChartSpec spec = new ChartSpec(breakdown, l.text(title, "quarter", l.quarter(q)), "", "gold.incident_rates", ChartKind.BARS, breakdown,
                List.of("incidents"), null, null, null, null, null,
                Map.of("period_grain", "QUARTER", "breakdown", breakdown, "period", q.id()), null, 6);
        return new ChartData(spec, true, labelled(l, quarterRows(groupRates, breakdown, q), breakdown));
    }

    private static ChartData surveyChart(ReportLanguage l, List<Map<String, Object>> survey, int year) {
        ChartSpec spec = new ChartSpec("survey", l.text("chart.survey", "year", year), "", "gold.survey_indicators", ChartKind.BARS, "question_code",
                List.of("share"), null, "share_ci95_lower", "share_ci95_upper", null, null,
                Map.of("breakdown", "national", "survey_year", String.valueOf(year)), null, 6);
        List<Map<String, Object>> rows = survey.stream().filter(r -> ((Number) r.get("survey_year")).intValue() == year).toList();
        return new ChartData(spec, true, labelled(l, sorted(rows, "question_code"), "question_code"));
    }

    private static ChartData measuresChart(ReportLanguage l, List<Map<String, Object>> measures, int year) {
        ChartSpec spec = new ChartSpec("measures", l.text("chart.measures", "year", year), "", "gold.measures_coverage", ChartKind.BARS, "measure_code",
                List.of("share"), null, null, null, null, null, Map.of("grouping", "ALL", "year", String.valueOf(year)), null, 6);
        List<Map<String, Object>> rows = measures.stream().filter(r -> ((Number) r.get("year")).intValue() == year).toList();
        return new ChartData(spec, true, labelled(l, sorted(rows, "measure_code"), "measure_code"));
    }

    private static List<Map<String, Object>> quarterRows(List<Map<String, Object>> groupRates, String breakdown, Quarter q) {
        return groupRates.stream().filter(r -> breakdown.equals(r.get("breakdown")) && q.id().equals(r.get("period"))).toList();
    }

    /**
     * Codes on the category axis in the report's language. The charts already show sizes, stages, types and channels
     * in bokmål, in their natural order (small to very large), which needs the codes: bokmål keeps them; English
     * relabels and so lists those categories alphabetically.
     */
    private static List<Map<String, Object>> labelled(ReportLanguage l, List<Map<String, Object>> rows, String column) {
        if (l == ReportLanguage.NB && !column.equals("question_code") && !column.equals("measure_code")) return rows;
        return rows.stream().map(r -> {
            Map<String, Object> copy = new LinkedHashMap<>(r);
            copy.put(column, l.label(String.valueOf(r.get(column))));
            return (Map<String, Object>) copy;
        }).toList();
    }

    private static List<Map<String, Object>> sorted(List<Map<String, Object>> rows, String column) {
        return rows.stream().sorted(Comparator.comparing(r -> String.valueOf(r.get(column)))).toList();
    }
}
