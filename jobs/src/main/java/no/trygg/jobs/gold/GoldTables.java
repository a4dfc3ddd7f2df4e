package no.trygg.jobs.gold;

import java.util.List;

/**
 * Gold table names: the marts every channel (SQL, dashboards, reports, exports) reads. Every row carries
 * the silver snapshot it was computed from and the code version; disclosure control is applied before
 * anything is written here, so no channel can bypass it.
 */
public final class GoldTables {
    /** Incidents, FTE-years and rates per 100 FTE-years by period and office/incident dimensions (hendelsesrater). */
    public static final String INCIDENT_RATES = "incident_rates";
    /** Observed and expected incidents per office and year with funnel limits: comparison without a ranking. */
    public static final String OFFICE_FUNNEL = "office_funnel";
    /** National monthly series with u-chart control limits and run-rule signals. */
    public static final String NATIONAL_MONTHLY = "national_monthly";
    /** Staff-survey shares with Wilson intervals by year, office dimensions, role and employer. */
    public static final String SURVEY_INDICATORS = "survey_indicators";
    /** Registered incidents against survey-reported exposure (an under-reporting indicator). */
    public static final String REPORTING_RATIO = "reporting_ratio";
    /** Security measures in force per office at year end, with a maturity score (sikkerhetsmodenhet). */
    public static final String OFFICE_MEASURES = "office_measures";
    /** Share of offices with each measure in force, by office group. */
    public static final String MEASURES_COVERAGE = "measures_coverage";
    /** Spread of the maturity score by office group. */
    public static final String MATURITY_SPREAD = "maturity_spread";

    /**
     * Internal: why each hidden cell is hidden (primary small count, small office, small group, complement). Not
     * published: Trino denies it to every role but the pipeline's, and no research view reads it.
     */
    public static final String DISCLOSURE_DECISIONS = "disclosure_decisions";

    public static final List<String> ALL = List.of(INCIDENT_RATES, OFFICE_FUNNEL, NATIONAL_MONTHLY, SURVEY_INDICATORS,
            REPORTING_RATIO, OFFICE_MEASURES, MEASURES_COVERAGE, MATURITY_SPREAD, DISCLOSURE_DECISIONS);

    /** Columns every gold row carries: where it came from. */
    public static final String SILVER_SNAPSHOT = "silver_snapshot";
    public static final String CODE_VERSION = "code_version";

    private GoldTables() {
    }
}
