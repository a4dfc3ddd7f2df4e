package no.trygg.publish.research;

import java.util.List;
import no.trygg.jobs.gold.GoldTables;

/**
 * The {@code research} schema: what researchers query, so they never need bronze or silver. Each view shows
 * one gold mart, with disclosure control already applied there, and every column documented.
 */
public final class ResearchViews {

    public static final String NAMESPACE = "research";

    public static final List<ResearchView> ALL = List.of(
            new ResearchView("incident_rates", GoldTables.INCIDENT_RATES,
                    "Registrerte hendelser, årsverk og rate per 100 årsverk med eksakt 95 % KI, per periode og inndeling",
                    "Registered incidents, FTE-years and rate per 100 FTE-years with exact 95 % CI, by period and breakdown", List.of()),
            new ResearchView("national_monthly", GoldTables.NATIONAL_MONTHLY,
                    "Nasjonal månedsserie med u-diagram og løpsregler", "National monthly series with u-chart and run rules", List.of()),
            new ResearchView("office_funnel", GoldTables.OFFICE_FUNNEL,
                    "Kontorsammenligning for traktplott: observert mot forventet, aldri rangering",
                    "Office comparison for funnel plots: observed against expected, never a ranking", List.of()),
            new ResearchView("survey_indicators", GoldTables.SURVEY_INDICATORS,
                    "Medarbeiderundersøkelsen: andeler med Wilson-intervall per år og gruppe",
                    "Staff survey: shares with Wilson intervals by year and group", List.of()),
            new ResearchView("reporting_ratio", GoldTables.REPORTING_RATIO,
                    "Registrerte hendelser mot selvrapportert utsatthet (underrapportering)",
                    "Registered incidents against self-reported exposure (under-reporting)", List.of()),
            new ResearchView("office_measures", GoldTables.OFFICE_MEASURES,
                    "Sikkerhetstiltak per kontor ved årsslutt, med modenhetsskår",
                    "Security measures per office at year end, with maturity score", List.of("office_version_key")),
            new ResearchView("measures_coverage", GoldTables.MEASURES_COVERAGE,
                    "Andel lokalkontorer med hvert tiltak, per gruppe", "Share of local offices with each measure, by group", List.of()),
            new ResearchView("maturity_spread", GoldTables.MATURITY_SPREAD,
                    "Spredning i sikkerhetsmodenhet per gruppe", "Spread of security maturity by group", List.of()));

    private ResearchViews() {
    }
}
