package no.trygg.publish.research;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every published column means, in bokmål and English: one place, so the research views' column
 * comments and the data dictionary cannot drift apart. A column without an entry fails the build (see the tests).
 */
public final class Glossary {

    public record Term(String nb, String en) {
        /** The column comment Trino and DBeaver show: "bokmål / English". */
        public String comment() {
            return nb + " / " + en;
        }
    }

    private static final Map<String, Term> TERMS = new LinkedHashMap<>();

    private static void term(String column, String nb, String en) {
        TERMS.put(column, new Term(nb, en));
    }

    static {
        term("period_grain", "Periodetype: MONTH, QUARTER eller YEAR", "Period grain: MONTH, QUARTER or YEAR");
        term("period", "Periode: 2024-03, 2024Q1 eller 2024", "Period: 2024-03, 2024Q1 or 2024");
        term("period_start", "Første dag i perioden", "First day of the period");
        term("breakdown", "Inndeling: hvilke dimensjoner raden er fordelt på (national = hele landet)",
                "Breakdown: the dimensions the row is split by (national = whole country)");
        term("size_class", "Kontorstørrelse etter årsverk, slik den var da (ALL = alle)", "Office size class by FTE, as it was then (ALL = all)");
        term("county_no", "Fylkesnummer, slik fylket var da (ALL = alle)", "County number, as the county was then (ALL = all)");
        term("county_name", "Fylkesnavn", "County name");
        term("channel_strategy_stage", "Kanalstrategi: NOT_STARTED, IN_PROGRESS eller IMPLEMENTED", "Channel-strategy stage");
        term("incident_type", "Hendelsestype (ALL = alle)", "Incident type (ALL = all)");
        term("channel", "Kanal/sted for hendelsen (ALL = alle)", "Channel or setting of the incident (ALL = all)");
        term("severity", "Alvorlighetsgrad 1–5 (ALL = alle)", "Severity 1–5 (ALL = all)");
        term("incidents", "Antall registrerte hendelser; tom når prikket (:)", "Registered incidents; empty when suppressed (:)");
        term("fte_years", "Årsverk i perioden (sum månedlige årsverk / 12): nevneren", "FTE-years in the period (sum of monthly FTE / 12): the denominator");
        term("rate_per_100_fte", "Hendelser per 100 årsverk; tom under 3 hendelser eller når prikket",
                "Incidents per 100 FTE-years; empty below 3 incidents or when suppressed");
        term("rate_ci95_lower", "Nedre grense, eksakt 95 % konfidensintervall (Garwood)", "Lower bound, exact 95 % confidence interval (Garwood)");
        term("rate_ci95_upper", "Øvre grense, eksakt 95 % konfidensintervall (Garwood)", "Upper bound, exact 95 % confidence interval (Garwood)");
        term("flag", "Symbol: ':' prikket, '.' ikke beregnet, 'u' usikker (under 20 hendelser), '' vanlig tall",
                "Symbol: ':' suppressed, '.' not computed, 'u' unreliable (under 20 events), '' ordinary figure");
        term("flag_reason", "Begrunnelse for symbolet: SUPPRESSED for alle prikkede celler (aldri hvorfor), ellers f.eks. FEW_EVENTS_NO_RATE",
                "Reason for the symbol: SUPPRESSED for every suppressed cell (never why), otherwise e.g. FEW_EVENTS_NO_RATE");
        term("silver_snapshot", "Silver-snapshotene tallene er beregnet fra (sporbarhet)", "Silver snapshots the figures were computed from (traceability)");
        term("code_version", "Trygg-versjonen som beregnet tallene", "Trygg version that computed the figures");
        term("centre_line_per_100_fte", "Senterlinje i u-diagrammet, per 100 årsverk", "u-chart centre line, per 100 FTE-years");
        term("lower_limit_per_100_fte", "Nedre kontrollgrense (3 sigma), per 100 årsverk", "Lower control limit (3 sigma), per 100 FTE-years");
        term("upper_limit_per_100_fte", "Øvre kontrollgrense (3 sigma), per 100 årsverk", "Upper control limit (3 sigma), per 100 FTE-years");
        term("outside_limits", "Punktet ligger utenfor kontrollgrensene", "The point is outside the control limits");
        term("longest_run", "Lengste løp på samme side av senterlinjen (Anhøj)", "Longest run on one side of the centre line (Anhøj)");
        term("longest_run_limit", "Grense for lengste løp: round(log2(n) + 3)", "Longest-run limit: round(log2(n) + 3)");
        term("crossings", "Antall kryssinger av senterlinjen", "Number of centre-line crossings");
        term("crossings_limit", "Nedre grense for kryssinger: qbinom(0,05; n−1; 0,5)", "Lower crossings limit: qbinom(0.05, n−1, 0.5)");
        term("run_signal", "Løpsregelen gir signal: ikke-tilfeldig variasjon i serien", "Run rules signal non-random variation in the series");
        term("year", "År", "Year");
        term("office_id", "Enhetsnummer (kontor)", "Unit number (office)");
        term("office_name", "Enhetsnavn", "Unit name");
        term("unit_type", "Enhetstype: lokalkontor, kontaktsenter eller NAV Kontroll", "Unit type: local office, contact centre or NAV Kontroll");
        term("observed_incidents", "Observerte hendelser; tom når prikket", "Observed incidents; empty when suppressed");
        term("national_rate_per_100_fte", "Nasjonal rate samme år, per 100 årsverk", "National rate the same year, per 100 FTE-years");
        term("expected_incidents", "Forventede hendelser ved nasjonal rate og kontorets årsverk", "Expected incidents at the national rate for the office's FTE-years");
        term("observed_to_expected", "Observert / forventet", "Observed / expected");
        term("limit95_lower", "Nedre 95 % traktgrense (antall)", "Lower 95 % funnel limit (count)");
        term("limit95_upper", "Øvre 95 % traktgrense (antall)", "Upper 95 % funnel limit (count)");
        term("limit998_lower", "Nedre 99,8 % traktgrense (antall)", "Lower 99.8 % funnel limit (count)");
        term("limit998_upper", "Øvre 99,8 % traktgrense (antall)", "Upper 99.8 % funnel limit (count)");
        term("position", "Plassering i traktplottet: INSIDE, ABOVE_95, ABOVE_998, BELOW_95, BELOW_998 (ingen rangering)",
                "Position in the funnel plot (not a ranking)");
        term("survey_year", "Undersøkelsesår", "Survey year");
        term("question_code", "Spørsmål i medarbeiderundersøkelsen", "Staff-survey question");
        term("sensitive", "Sensitivt spørsmål (vold, trakassering): minst 10 svar før noe vises",
                "Sensitive item (violence, harassment): at least 10 respondents before anything is shown");
        term("role", "Rolle: leder eller medarbeider (ALL = alle)", "Role: leader or employee (ALL = all)");
        term("employer", "Arbeidsgiver: stat eller kommune (ALL = alle)", "Employer: state or municipality (ALL = all)");
        term("respondents", "Antall som svarte; tom når gruppen er for liten", "Respondents; empty when the group is too small");
        term("positive_answers", "Antall positive svar (enig 4–5, eller ja)", "Positive answers (agree 4–5, or yes)");
        term("share", "Andel positive svar", "Share of positive answers");
        term("share_ci95_lower", "Nedre grense, 95 % Wilson-intervall", "Lower bound, 95 % Wilson interval");
        term("share_ci95_upper", "Øvre grense, 95 % Wilson-intervall", "Upper bound, 95 % Wilson interval");
        term("registered_incidents", "Registrerte hendelser i året", "Incidents registered in the year");
        term("exposed_share", "Andel som oppgir å ha vært utsatt siste 12 måneder", "Share reporting exposure in the last 12 months");
        term("staff", "Ansatte (gjennomsnittlig antall personer i året)", "Staff (average headcount in the year)");
        term("estimated_exposed_staff", "Anslått antall utsatte ansatte (andel × ansatte)", "Estimated exposed staff (share × staff)");
        term("registered_per_exposed", "Registrerte hendelser per utsatt ansatt: under 1 tyder på underrapportering",
                "Registered incidents per exposed employee: below 1 suggests under-reporting");
        term("ratio_ci95_lower", "Nedre grense, konservativt 95 % intervall", "Lower bound, conservative 95 % interval");
        term("ratio_ci95_upper", "Øvre grense, konservativt 95 % intervall", "Upper bound, conservative 95 % interval");
        term("reference_date", "Dato tiltakene gjelder for (årets siste dag)", "Day the measures refer to (the year's last day)");
        term("has_sikker_sone", "Sikker sone på plass", "Secure zone in place");
        term("has_minstd", "Minimumsstandard på plass", "Minimum standard in place");
        term("has_trygge_brukermoter", "Standard for trygge brukermøter på plass", "Safe-user-meetings standard in place");
        term("has_pultalarm", "Pultalarm på plass", "Desk alarm in place");
        term("has_utloseralarm", "Utløseralarm på kroppen på plass", "Body-worn alarm in place");
        term("has_vekter", "Vekter på plass", "Security guard in place");
        term("has_politisamarbeid", "Samarbeid med politiet på plass", "Police cooperation in place");
        term("has_ovelse", "Praktisk øvelse siste år", "Drill within the last year");
        term("has_risikovurdering", "Risikovurdering siste år", "Risk assessment within the last year");
        term("maturity_score", "Sikkerhetsmodenhet: antall tiltak på plass (0–9)", "Security maturity: number of measures in place (0–9)");
        term("missing_measures", "Tiltak som mangler (øvelse/risikovurdering: forfalt)", "Measures missing (drill/risk assessment: overdue)");
        term("grouping", "Gruppering: ALL, size_class, county eller channel_strategy_stage", "Grouping: ALL, size_class, county or channel_strategy_stage");
        term("group_value", "Gruppens kode", "Group code");
        term("group_label", "Gruppens navn", "Group label");
        term("measure_code", "Tiltak (kodeverk)", "Security measure (code list)");
        term("offices", "Antall kontorer i gruppen", "Offices in the group");
        term("offices_with_measure", "Kontorer med tiltaket på plass", "Offices with the measure in place");
        term("mean", "Gjennomsnittlig modenhet", "Mean maturity score");
        term("min", "Laveste modenhet", "Lowest maturity score");
        term("p25", "25-persentil (lineær interpolasjon)", "25th percentile (linear interpolation)");
        term("median", "Median", "Median");
        term("p75", "75-persentil (lineær interpolasjon)", "75th percentile (linear interpolation)");
        term("max", "Høyeste modenhet", "Highest maturity score");
        term("minimum_score", "Minstekrav til modenhet brukt i tellingen under", "Minimum maturity used in the count below");
        term("offices_below_minimum", "Kontorer under minstekravet", "Offices below the minimum");
    }

    private Glossary() {
    }

    /** The term for a column, if documented (tables outside the research schema may have others). */
    public static java.util.Optional<Term> find(String column) {
        return java.util.Optional.ofNullable(TERMS.get(column));
    }

    /** @throws IllegalStateException for an undocumented column: document it here before publishing it */
    public static Term of(String column) {
        Term t = TERMS.get(column);
        if (t == null) throw new IllegalStateException("Column " + column + " has no entry in the research glossary (Glossary.java)");
        return t;
    }
}
