package no.trygg.publish.trino;

import java.util.List;

/** The README's example research questions as SQL on the research views: used in the docs, the tests and the benchmark. */
public final class ExampleQueries {

    public record Example(String question, String sql) {
    }

    public static final Example RATE_BY_SIZE_CLASS = new Example("Rate per 100 FTE-years by office size class, per year",
            "SELECT period AS year, size_class, incidents, fte_years, rate_per_100_fte, rate_ci95_lower, rate_ci95_upper, flag\n"
                    + "FROM research.incident_rates\n"
                    + "WHERE period_grain = 'YEAR' AND breakdown = 'size_class'\n"
                    + "ORDER BY year, size_class");

    public static final Example OUTSIDE_FUNNEL = new Example("Offices outside the 99.8 % funnel limit",
            "SELECT year, office_name, county_name, observed_incidents, expected_incidents, limit998_lower, limit998_upper, position\n"
                    + "FROM research.office_funnel\n"
                    + "WHERE position IN ('ABOVE_998', 'BELOW_998')\n"
                    + "ORDER BY year, office_name");

    public static final Example FEEL_SAFE_BY_STAGE = new Example("Share who feel safe at work, by channel-strategy stage",
            "SELECT survey_year, channel_strategy_stage, respondents, share, share_ci95_lower, share_ci95_upper, flag\n"
                    + "FROM research.survey_indicators\n"
                    + "WHERE question_code = 'FEEL_SAFE' AND breakdown = 'channel_strategy_stage'\n"
                    + "ORDER BY survey_year, channel_strategy_stage");

    public static final List<Example> ALL = List.of(RATE_BY_SIZE_CLASS, OUTSIDE_FUNNEL, FEEL_SAFE_BY_STAGE);

    private ExampleQueries() {
    }
}
