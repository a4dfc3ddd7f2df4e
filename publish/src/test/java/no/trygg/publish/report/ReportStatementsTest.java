package no.trygg.publish.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.trygg.jobs.gold.disclosure.DisclosureRules;
import org.junit.jupiter.api.Test;

/** The wording rule: a change inside its interval is normal variation, never an increase or a decrease. */
class ReportStatementsTest {

    private static final List<String> CHANGE_WORDS = List.of("økte", "økning", "gikk ned", "nedgang", "increase", "decrease");

    @Test
    void aQuarterInsideTheIntervalIsNormalVariationInBothLanguages() {
        // 2025Q3: 33 a month against 30 (rate ratio 1.10, 95 % CI about 0.94–1.29): inside.
        for (ReportLanguage l : ReportLanguage.values()) {
            String s = build(l, 30, 33).statements().get(0);
            assertTrue(s.contains(l == ReportLanguage.NB ? "innenfor normal variasjon" : "within normal variation"), s);
            for (String word : CHANGE_WORDS) assertFalse(s.toLowerCase(Locale.ROOT).contains(word), "'" + word + "' in: " + s);
            assertTrue(s.contains(l.number(99 / 250.0 * 100, 1)), "the quarter's rate is quoted: " + s);
        }
    }

    @Test
    void aQuarterOutsideTheIntervalIsAnIncreaseOrADecrease() {
        QuarterlyReport up = build(ReportLanguage.NB, 30, 45);
        assertTrue(up.statements().get(0).contains("raten økte fra 36,0"), up.statements().get(0));
        assertTrue(up.statements().get(0).contains("Økningen er større enn det tilfeldig variasjon forklarer"), up.statements().get(0));
        assertEquals(Change.Verdict.HIGHER, up.keyFigures().get(1).change().verdict());

        QuarterlyReport down = build(ReportLanguage.EN, 30, 18);
        assertTrue(down.statements().get(0).contains("the rate decreased from 36.0"), down.statements().get(0));
        assertTrue(down.statements().get(0).contains("The decrease is larger than random variation explains"), down.statements().get(0));
    }

    @Test
    void rollingTwelveMonthsAddUpThePublishedMonths() {
        QuarterlyReport r = build(ReportLanguage.NB, 30, 45);
        KeyFigure rolling = r.keyFigures().get(2);
        assertEquals(9 * 30 + 3 * 45, rolling.current().incidents());
        assertEquals(12 * 30, rolling.reference().incidents());
        assertEquals(1000.0, rolling.current().fteYears(), 1e-9);
        assertEquals((9 * 30 + 3 * 45) / 10.0, rolling.current().rate(), 1e-9);
    }

    @Test
    void aSuppressedMonthSuppressesTheRollingSum() {
        List<Map<String, Object>> national = new java.util.ArrayList<>(ReportRows.national(30, 30));
        national.replaceAll(row -> "2025-01".equals(row.get("period")) ? ReportRows.rate("MONTH", "2025-01", "national", Map.of(), null, 83.3) : row);
        QuarterlyReport r = QuarterlyReport.build(new Quarter(2025, 3), ReportLanguage.NB, rows(national, List.of()), methods());
        assertTrue(r.keyFigures().get(2).current().suppressed());
        assertEquals(":", ReportHtml.value(ReportLanguage.NB, r.keyFigures().get(2).current(), false));
        assertTrue(r.statements().get(1).contains("kan ikke sammenlignes"), r.statements().get(1));
    }

    @Test
    void groupsNameOnlyThoseBeyondNormalVariationAndCountTheUncomparable() {
        Map<String, RateCell[]> groups = new LinkedHashMap<>();
        groups.put("Små", cells(10, 12));          // inside
        groups.put("Store", cells(200, 100));      // higher
        groups.put("Svært store", new RateCell[] {RateCell.missing("2025Q3"), cell(40)}); // suppressed now
        String s = ReportStatements.groups(ReportLanguage.NB, "size_class", "3. kvartal 2024", groups);
        assertTrue(s.startsWith("Etter kontorstørrelse: endring større enn normal variasjon fra 3. kvartal 2024 for Store (høyere, rateforhold 2,00"), s);
        assertFalse(s.contains("Små"), s);
        assertTrue(s.endsWith("(1 grupper kunne ikke sammenlignes fordi tallene er prikket eller for små.)"), s);

        groups.remove("Store");
        String none = ReportStatements.groups(ReportLanguage.EN, "size_class", "Q3 2024", groups);
        assertTrue(none.startsWith("By office size: no group changed beyond normal variation since Q3 2024."), none);
    }

    @Test
    void surveySharesAreComparedWithTheirIntervals() {
        String inside = ReportStatements.survey(ReportLanguage.NB, "Føler seg trygg på jobb",
                ReportRows.survey(2025, "FEEL_SAFE", 1000, 905), ReportRows.survey(2024, "FEEL_SAFE", 1000, 900));
        assertTrue(inside.contains("90,5\u00A0% i 2025, mot 90,0\u00A0% i 2024. Forskjellen er innenfor normal variasjon"), inside);
        String outside = ReportStatements.survey(ReportLanguage.EN, "Exposed", ReportRows.survey(2025, "EXPOSED_12M", 2000, 700),
                ReportRows.survey(2024, "EXPOSED_12M", 2000, 500));
        assertTrue(outside.startsWith("Exposed: the share increased from 25.0% in 2024 to 35.0% in 2025, beyond normal variation"), outside);
    }

    @Test
    void controlChartSignalsAreReported() {
        List<Map<String, Object>> months = ReportRows.monthly(ReportRows.national(30, 30)).stream()
                .filter(m -> m.get("period").toString().startsWith("2025-0") && m.get("period").toString().compareTo("2025-07") >= 0).toList();
        assertEquals(List.of("Ingen måned i 3. kvartal 2025 ligger utenfor kontrollgrensene i u-diagrammet.",
                "Løpsreglene (Anhøj) gir ikke signal: månedsserien varierer tilfeldig rundt senterlinjen."),
                ReportStatements.controlChart(ReportLanguage.NB, new Quarter(2025, 3), months));
        Map<String, Object> high = new LinkedHashMap<>(months.get(0));
        high.put("rate_per_100_fte", 50.0);
        high.put("outside_limits", true);
        high.put("run_signal", true);
        List<String> s = ReportStatements.controlChart(ReportLanguage.EN, new Quarter(2025, 3), List.of(high, months.get(1)));
        assertEquals("1 of the months of Q3 2025 lie above the upper control limit: a signal of special-cause variation worth looking into.", s.get(0));
        assertTrue(s.get(1).startsWith("The run rules (Anhøj) signal"), s.get(1));
    }

    static QuarterlyReport build(ReportLanguage l, long perMonth, long q3PerMonth) {
        List<Map<String, Object>> national = ReportRows.national(perMonth, q3PerMonth);
        return QuarterlyReport.build(new Quarter(2025, 3), l, rows(national, List.of()), methods());
    }

    static MartRows rows(List<Map<String, Object>> national, List<Map<String, Object>> groups) {
        return new MartRows(national, groups, ReportRows.monthly(national),
                List.of(ReportRows.survey(2024, "FEEL_SAFE", 1000, 900), ReportRows.survey(2025, "FEEL_SAFE", 1000, 905)),
                List.of(ReportRows.coverage(2024, "PULTALARM", 200, 180), ReportRows.coverage(2024, "VEKTER", 200, 40)));
    }

    static ReportMethods methods() {
        return new ReportMethods(DisclosureRules.DEFAULT, new ReportMethods.QualityStatus(java.time.Instant.parse("2025-10-01T05:00:00Z"),
                "run-1", 40, 0, 2), "silver-1", "1234", "test", java.time.Instant.parse("2025-10-05T07:00:00Z"));
    }

    private static RateCell cell(long n) {
        return RateCell.of("p", ReportRows.rate("QUARTER", "p", "size_class", Map.of(), n, 250));
    }

    private static RateCell[] cells(long now, long before) {
        return new RateCell[] {cell(now), cell(before)};
    }
}
