package no.trygg.jobs.silver;

import java.util.List;

/** Silver table names: what a newcomer finds under the silver namespace. */
public final class SilverTables {
    /** Office dimension with history (kontorhistorikk), SCD type 2. */
    public static final String OFFICE_HISTORY = "office_history";
    /** Security measures with validity periods (sikkerhetstiltak). */
    public static final String SECURITY_MEASURES = "security_measures";
    /** FTE and visitors per office and month: the exposure (eksponering) and rate denominators. */
    public static final String OFFICE_MONTH = "office_month";
    /** Incidents, newest version of each report, pseudonymised, without free text. */
    public static final String INCIDENTS = "incidents";
    /** One row per survey respondent (pseudonymised). */
    public static final String SURVEY_RESPONDENTS = "survey_respondents";
    /** Survey answers in long format: one row per respondent and question. */
    public static final String SURVEY_ANSWERS = "survey_answers";
    /** Survey question dimension. */
    public static final String SURVEY_QUESTIONS = "survey_questions";

    /** Every table the silver build writes, quarantine first. */
    public static final List<String> ALL = List.of(Quarantine.TABLE, OFFICE_HISTORY, SECURITY_MEASURES, OFFICE_MONTH,
            INCIDENTS, SURVEY_RESPONDENTS, SURVEY_ANSWERS, SURVEY_QUESTIONS);

    private SilverTables() {
    }
}
