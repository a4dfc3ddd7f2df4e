package no.trygg.publish.report;

import java.util.List;
import java.util.Map;

/**
 * The gold rows one quarterly report is made from, as plain Java values (see
 * {@link no.trygg.publish.dashboards.ChartData} for the value types). The job reads them; everything after is pure.
 *
 * @param nationalRates   {@code gold.incident_rates}, breakdown national, every grain
 * @param groupRates      {@code gold.incident_rates}, QUARTER rows of the quarter and the same quarter last year, by
 *                        size class, county, channel-strategy stage, incident type and channel
 * @param nationalMonthly {@code gold.national_monthly}
 * @param survey          {@code gold.survey_indicators}, breakdown national
 * @param measures        {@code gold.measures_coverage}, grouping ALL
 */
public record MartRows(List<Map<String, Object>> nationalRates, List<Map<String, Object>> groupRates,
                       List<Map<String, Object>> nationalMonthly, List<Map<String, Object>> survey,
                       List<Map<String, Object>> measures) {

    /** The breakdowns the report compares groups by, and those it shows as the incident mix. */
    public static final List<String> GROUP_BREAKDOWNS = List.of("size_class", "county_no", "channel_strategy_stage");
    public static final List<String> MIX_BREAKDOWNS = List.of("incident_type", "channel");
}
