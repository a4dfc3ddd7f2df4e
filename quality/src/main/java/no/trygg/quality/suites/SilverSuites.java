package no.trygg.quality.suites;

import static no.trygg.quality.rules.Level.ERROR;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.quality.rules.Rule;
import no.trygg.quality.rules.Rule.Complete;
import no.trygg.quality.rules.Rule.InCodeList;
import no.trygg.quality.rules.Rule.InRange;
import no.trygg.quality.rules.Rule.NotInFuture;
import no.trygg.quality.rules.Rule.OfficeValidAt;
import no.trygg.quality.rules.Rule.Unique;
import no.trygg.quality.rules.Rule.Volume;
import no.trygg.schemas.codes.Channel;
import no.trygg.schemas.codes.ChannelStrategyStage;
import no.trygg.schemas.codes.CodeList;
import no.trygg.schemas.codes.County;
import no.trygg.schemas.codes.Employer;
import no.trygg.schemas.codes.IncidentType;
import no.trygg.schemas.codes.Injury;
import no.trygg.schemas.codes.OfficeSizeClass;
import no.trygg.schemas.codes.PoliceReport;
import no.trygg.schemas.codes.SecurityMeasure;
import no.trygg.schemas.codes.StaffRole;
import no.trygg.schemas.codes.SurveyQuestion;
import no.trygg.schemas.codes.UnitType;

/**
 * The promises silver makes to gold, one method per table. Silver's own validation should make every
 * one of them hold, so any failure here is an Error: something upstream changed, and nothing is published.
 */
public final class SilverSuites {

    /** Generous bounds: an empty table or an absurd one stops the run; the anomaly watch catches jumps. */
    private static final long MAX_ROWS = 1_000_000_000L;

    private SilverSuites() {
    }

    public static List<TableSuite> all() {
        return List.of(officeHistory(), securityMeasures(), officeMonth(), incidents(), surveyRespondents(), surveyAnswers());
    }

    public static String dataset(String table) {
        return "silver." + table;
    }

    /** Kontorhistorikk. */
    public static TableSuite officeHistory() {
        return suite(SilverTables.OFFICE_HISTORY, rules(
                complete("office_version_key", "office_id", "office_name", "unit_type", "county_no", "size_class",
                        "channel_strategy_stage", "valid_from"),
                List.of(new Unique(List.of("office_version_key"), ERROR),
                        new InCodeList("unit_type", CodeList.codes(UnitType.class), 1.0, ERROR),
                        new InCodeList("county_no", County.numbers(), 1.0, ERROR),
                        new InCodeList("size_class", CodeList.codes(OfficeSizeClass.class), 1.0, ERROR),
                        new InCodeList("channel_strategy_stage", CodeList.codes(ChannelStrategyStage.class), 1.0, ERROR),
                        new InRange("state_share", "BETWEEN 0 AND 1", ERROR),
                        new InRange("valid_to", "> valid_from", ERROR),
                        new NotInFuture("valid_from", ERROR),
                        new Volume(1, MAX_ROWS, ERROR))));
    }

    /** Sikkerhetstiltak. */
    public static TableSuite securityMeasures() {
        return suite(SilverTables.SECURITY_MEASURES, rules(
                complete("measure_id", "office_id", "measure_code", "valid_from"),
                List.of(new Unique(List.of("measure_id"), ERROR),
                        new InCodeList("measure_code", CodeList.codes(SecurityMeasure.class), 1.0, ERROR),
                        new InRange("valid_to", "> valid_from", ERROR),
                        new OfficeValidAt("office_id", null, ERROR),
                        new NotInFuture("valid_from", ERROR),
                        new Volume(1, MAX_ROWS, ERROR))));
    }

    /** Årsverk og besøk per month: the rate denominators. */
    public static TableSuite officeMonth() {
        return suite(SilverTables.OFFICE_MONTH, rules(
                complete("office_id", "office_version_key", "month", "fte", "headcount"),
                List.of(new Unique(List.of("office_id", "month"), ERROR),
                        new InRange("fte", "> 0", ERROR),
                        new InRange("headcount", ">= 0", ERROR),
                        new InRange("visitors", ">= 0", ERROR),
                        new OfficeValidAt("office_id", "month", ERROR),
                        new NotInFuture("month", ERROR),
                        new Volume(1, MAX_ROWS, ERROR))));
    }

    /** Hendelser: the newest version of each report. */
    public static TableSuite incidents() {
        return suite(SilverTables.INCIDENTS, rules(
                complete("incident_id", "version_time", "reported_at", "occurred_at", "office_id", "office_version_key",
                        "incident_type", "channel", "severity", "reporter_pseudonym"),
                List.of(new Unique(List.of("incident_id"), ERROR),
                        new InCodeList("incident_type", CodeList.codes(IncidentType.class), 1.0, ERROR),
                        new InCodeList("channel", CodeList.codes(Channel.class), 1.0, ERROR),
                        new InCodeList("injury", CodeList.codes(Injury.class), 1.0, ERROR),
                        new InCodeList("police_report", CodeList.codes(PoliceReport.class), 1.0, ERROR),
                        new InCodeList("reporter_employer", CodeList.codes(Employer.class), 1.0, ERROR),
                        new InRange("severity", "BETWEEN 1 AND 5", ERROR),
                        new InRange("sick_leave_days", ">= 0", ERROR),
                        new NotInFuture("occurred_at", ERROR),
                        new NotInFuture("reported_at", ERROR),
                        new OfficeValidAt("office_id", "occurred_at", ERROR),
                        new Volume(1, MAX_ROWS, ERROR))));
    }

    /** Respondents of the medarbeiderundersøkelse. */
    public static TableSuite surveyRespondents() {
        return suite(SilverTables.SURVEY_RESPONDENTS, rules(
                complete("survey_year", "respondent_pseudonym", "office_id", "office_version_key", "role", "employer"),
                List.of(new Unique(List.of("survey_year", "respondent_pseudonym"), ERROR),
                        new InCodeList("role", CodeList.codes(StaffRole.class), 1.0, ERROR),
                        new InCodeList("employer", CodeList.codes(Employer.class), 1.0, ERROR),
                        new NotInFuture("survey_date", ERROR),
                        new OfficeValidAt("office_id", "survey_date", ERROR),
                        new Volume(1, MAX_ROWS, ERROR))),
                "make_date(survey_year, 10, 1) AS survey_date");
    }

    /** Survey answers, one row per respondent and question. */
    public static TableSuite surveyAnswers() {
        return suite(SilverTables.SURVEY_ANSWERS, rules(
                complete("survey_year", "respondent_pseudonym", "question_code", "answer_value"),
                List.of(new Unique(List.of("survey_year", "respondent_pseudonym", "question_code"), ERROR),
                        new InCodeList("question_code", Arrays.stream(SurveyQuestion.values()).map(Enum::name).toList(), 1.0, ERROR),
                        new InRange("answer_value", "BETWEEN 0 AND 5", ERROR),
                        new Volume(1, MAX_ROWS, ERROR))));
    }

    private static List<Rule> complete(String... columns) {
        return Arrays.stream(columns).<Rule>map(c -> new Complete(c, 1.0, ERROR)).toList();
    }

    private static List<Rule> rules(List<Rule> first, List<Rule> rest) {
        List<Rule> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }

    /** {@code derived}: extra columns in Spark SQL that rules refer to, e.g. a survey's fielding date. */
    private static TableSuite suite(String table, List<Rule> rules, String... derived) {
        return new TableSuite(dataset(table), w -> w.exists(Warehouse.SILVER, table)
                ? Optional.of(derived.length == 0 ? w.read(Warehouse.SILVER, table)
                        : w.read(Warehouse.SILVER, table).selectExpr(concat("*", derived)))
                : Optional.empty(), rules);
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
