package no.trygg.schemas.sources;

import static no.trygg.schemas.sources.ColumnType.*;
import static no.trygg.schemas.sources.SourceColumn.code;
import static no.trygg.schemas.sources.SourceColumn.optional;
import static no.trygg.schemas.sources.SourceColumn.required;

import java.util.ArrayList;
import java.util.List;
import no.trygg.schemas.codes.Channel;
import no.trygg.schemas.codes.ChannelStrategyStage;
import no.trygg.schemas.codes.CodeList;
import no.trygg.schemas.codes.County;
import no.trygg.schemas.codes.Employer;
import no.trygg.schemas.codes.IncidentType;
import no.trygg.schemas.codes.Injury;
import no.trygg.schemas.codes.PoliceReport;
import no.trygg.schemas.codes.SecurityMeasure;
import no.trygg.schemas.codes.StaffRole;
import no.trygg.schemas.codes.SurveyQuestion;
import no.trygg.schemas.codes.UnitType;

/**
 * The five source exports Trygg reads. Each lives in its own folder under the sources directory; files are
 * CSV with a header row, separated by ';' or ',' (detected), UTF-8 (with or without BOM) or Windows-1252.
 * Documented for people in schemas/sources.md, which a test keeps in step with this class.
 */
public enum SourceFormat {

    /** Office register (kontorregister): one file per month, one row per unit, a full snapshot. */
    OFFICE_REGISTER("office_register", "office_register_YYYY-MM.csv", "windows-1252", List.of("office_id", "period"), null, List.of(
            required("periode", "period", MONTH, "Snapshot month"),
            required("enhet_nr", "office_id", OFFICE_NUMBER, "Unit number (enhetsnummer), 4 digits, stable over time"),
            required("enhet_navn", "office_name", TEXT, "Unit name, e.g. NAV Moss"),
            code("enhet_type", "unit_type", true, CodeList.codes(UnitType.class), "Local office, contact centre or control unit"),
            required("kommune_nr", "municipality_no", TEXT, "Municipality number as of the snapshot month"),
            required("kommune_navn", "municipality_name", TEXT, "Municipality name"),
            code("fylke_nr", "county_no", true, County.numbers(), "County number in force in the snapshot month"),
            required("fylke_navn", "county_name", TEXT, "County name in force in the snapshot month"),
            required("arsverk_budsjett", "budget_fte", DECIMAL, "Budgeted FTE (årsverk); gives the size class"),
            required("andel_statlig", "state_share", DECIMAL, "Share of staff employed by the state (0–1); the rest are municipal"),
            code("kanalstrategi", "channel_strategy_stage", true, CodeList.codes(ChannelStrategyStage.class), "Channel-strategy stage"),
            optional("apningstid", "opening_hours", TEXT, "Drop-in opening hours as published, e.g. 'Man-Fre 10-14'"),
            optional("apent_timer_uke", "open_hours_per_week", DECIMAL, "Drop-in hours per week"))),

    /** Security-measure register (sikkerhetstiltak): full export, one row per measure and period. */
    SECURITY_MEASURES("security_measures", "security_measures_YYYY-MM-DD.csv", "UTF-8", List.of("measure_id"), null, List.of(
            required("tiltak_id", "measure_id", TEXT, "Register id of the measure record"),
            required("enhet_nr", "office_id", OFFICE_NUMBER, "Unit number"),
            code("tiltak_kode", "measure_code", true, CodeList.codes(SecurityMeasure.class), "Measure code (report_extract.md 5)"),
            required("gyldig_fra", "valid_from", DATE, "In force from (drills and risk assessments: the date held)"),
            optional("gyldig_til", "valid_to", DATE, "In force until, exclusive; empty while in force"))),

    /** Monthly FTE and visitors per unit (årsverk og besøk): one file per year. The rate denominators. */
    OFFICE_MONTH("office_month", "office_month_YYYY.csv", "UTF-8", List.of("office_id", "month"), null, List.of(
            required("enhet_nr", "office_id", OFFICE_NUMBER, "Unit number"),
            required("maaned", "month", MONTH, "Month"),
            required("arsverk", "fte", DECIMAL, "FTE worked in the month (årsverk, > 0)"),
            required("ansatte", "headcount", INTEGER, "Employees on the payroll"),
            optional("besok", "visitors", INTEGER, "Visitors to reception in the month; empty where there is no reception"))),

    /**
     * Incident reports (avviksmeldinger om vold og trusler): the reporting system's daily export of every
     * report created or changed that day. A report changed later comes again with a newer version time.
     */
    INCIDENTS("incidents", "incidents_YYYY-MM-DD.csv", "UTF-8", List.of("incident_id"), "version_time", List.of(
            required("hendelse_id", "incident_id", TEXT, "Report id in the reporting system"),
            required("versjon_tidspunkt", "version_time", TIMESTAMP, "When this version was saved; the newest wins"),
            required("registrert_tidspunkt", "reported_at", TIMESTAMP, "When the report was first filed"),
            required("hendelse_tidspunkt", "occurred_at", TIMESTAMP, "When the incident happened (Europe/Oslo)"),
            required("enhet_nr", "office_id", OFFICE_NUMBER, "Unit where it happened"),
            code("hendelsestype", "incident_type", true, CodeList.codes(IncidentType.class), "Incident type"),
            code("kanal", "channel", true, CodeList.codes(Channel.class), "Channel or setting"),
            required("alvorlighet", "severity", INTEGER, "Severity 1 (low) to 5 (extreme)"),
            code("personskade", "injury", false, CodeList.codes(Injury.class), "Physical injury"),
            optional("sykefravaer_dager", "sick_leave_days", INTEGER, "Sick-leave days that followed (>= 0)"),
            code("politianmeldt", "police_report", false, CodeList.codes(PoliceReport.class), "Police report and by whom"),
            optional("alarm_utlost", "alarm_triggered", YES_NO, "Was an alarm triggered (J/N)"),
            optional("oppfolging", "follow_up", YES_NO, "Was a follow-up conversation held (J/N)"),
            required("melder_ansattnr", "reporter_id", PERSON_ID, "Employee number of the reporter"),
            code("melder_arbeidsgiver", "reporter_employer", false, CodeList.codes(Employer.class), "Reporter's employer"),
            optional("beskrivelse", "description", FREE_TEXT, "What happened, in the reporter's words"))),

    /** Yearly staff survey (medarbeiderundersøkelse): wide export, one row per respondent. */
    STAFF_SURVEY("staff_survey", "staff_survey_YYYY.csv", "UTF-8", List.of("survey_year", "respondent_id"), null, surveyColumns());

    /** Folder under the sources directory that holds this source's files. */
    public final String folder;
    /** File naming convention, for the documentation. */
    public final String filePattern;
    /** The encoding the exporting system writes; other encodings are detected, see SourceFileReader. */
    public final String exportEncoding;
    /** Silver columns that identify one entity (with the version column: one version of it). */
    public final List<String> key;
    /** Silver column that orders versions of the same key (newest wins), or null when a key has one version. */
    public final String versionColumn;
    public final List<SourceColumn> columns;

    SourceFormat(String folder, String filePattern, String exportEncoding, List<String> key, String versionColumn,
                 List<SourceColumn> columns) {
        this.folder = folder;
        this.filePattern = filePattern;
        this.exportEncoding = exportEncoding;
        this.key = key;
        this.versionColumn = versionColumn;
        this.columns = List.copyOf(columns);
    }

    public List<String> headers() {
        return columns.stream().map(SourceColumn::header).toList();
    }

    public SourceColumn column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(this + " has no column " + name));
    }

    private static List<SourceColumn> surveyColumns() {
        List<SourceColumn> cols = new ArrayList<>(List.of(
                required("respondent_id", "respondent_id", PERSON_ID, "Respondent id issued by the survey vendor"),
                required("undersokelse_ar", "survey_year", INTEGER, "Survey year (fielded in October)"),
                required("enhet_nr", "office_id", OFFICE_NUMBER, "Unit the respondent works at"),
                code("rolle", "role", true, CodeList.codes(StaffRole.class), "Leader, employee or security officer"),
                code("arbeidsgiver", "employer", true, CodeList.codes(Employer.class), "State or municipal employee"),
                optional("brukerkontakt", "user_contact", YES_NO, "Has contact with users (J/N)")));
        for (SurveyQuestion q : SurveyQuestion.values()) {
            if (q.scale == SurveyQuestion.Scale.LIKERT_5) {
                cols.add(code(q.column, q.name().toLowerCase(), false, List.of("1", "2", "3", "4", "5"), q.labelEn() + " (1–5)"));
            } else {
                cols.add(optional(q.column, q.name().toLowerCase(), YES_NO, q.labelEn() + " (J/N)"));
            }
        }
        return cols;
    }
}
