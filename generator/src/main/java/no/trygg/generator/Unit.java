package no.trygg.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import no.trygg.schemas.codes.ChannelStrategyStage;
import no.trygg.schemas.codes.County;
import no.trygg.schemas.codes.Employer;
import no.trygg.schemas.codes.UnitType;

/**
 * One organisational unit with everything the sources say about it. Attributes that vary by year or month are
 * functions of the seed and the period only, so every source sees the same unit history.
 */
final class Unit {

    /** Published drop-in opening hours and hours per week. */
    record OpeningHours(String text, double hoursPerWeek) {
    }

    private static final OpeningHours[][] HOURS = {
            {new OpeningHours("Man-Fre 09-15", 30.0), new OpeningHours("Man-Fre 08.30-15", 32.5),
                    new OpeningHours("Man-Fre 09-15, tor 10-15", 29.0)},
            {new OpeningHours("Man-Fre 10-14", 20.0), new OpeningHours("Man-Fre 10-15", 25.0),
                    new OpeningHours("Man-Tor 10-14, fre 10-13", 19.0)},
            {new OpeningHours("Man, Ons, Fre 10-14", 12.0), new OpeningHours("Man-Fre 12-14", 10.0),
                    new OpeningHours("Tir og Tor 10-14", 8.0)},
    };

    final int index;
    final String id;
    final String name;
    final UnitType type;
    final String municipality;
    /** County number in the 19-county structure before 2018. */
    final String preReformCounty;
    /** Stable last two digits of the municipality number. */
    final String municipalitySuffix;
    final boolean urban;
    /** Budgeted FTE at the 2020 level; other years drift from it. */
    final double baseFte;
    /** Yearly relative drift of the budget (−0.03 to 0.03 for local offices). */
    final double trend;
    /** Share of staff employed by the state. */
    final double stateShare;
    /** First month of the channel-strategy roll-out; null if it never starts. */
    final YearMonth stageStart;
    /** First month with the strategy implemented; null if never. */
    final YearMonth stageImplemented;
    final int hoursVariant;
    /** First index of this unit's staff in the global staff numbering, and how many staff it has. */
    final long staffStart;
    final int staffCount;
    /** Share of staff who face users in reception or meeting rooms (survey exposure). */
    final double receptionShare;
    private final long seed;

    Unit(int index, String id, String name, UnitType type, String municipality, String preReformCounty,
         String municipalitySuffix, boolean urban, double baseFte, double trend, double stateShare,
         YearMonth stageStart, YearMonth stageImplemented, int hoursVariant, long staffStart, int staffCount,
         double receptionShare, long seed) {
        this.index = index;
        this.id = id;
        this.name = name;
        this.type = type;
        this.municipality = municipality;
        this.preReformCounty = preReformCounty;
        this.municipalitySuffix = municipalitySuffix;
        this.urban = urban;
        this.baseFte = baseFte;
        this.trend = trend;
        this.stateShare = stateShare;
        this.stageStart = stageStart;
        this.stageImplemented = stageImplemented;
        this.hoursVariant = hoursVariant;
        this.staffStart = staffStart;
        this.staffCount = staffCount;
        this.receptionShare = receptionShare;
        this.seed = seed;
    }

    boolean isLocalOffice() {
        return type == UnitType.LOCAL_OFFICE;
    }

    /** Budgeted FTE for a year, to one decimal: the 2020 level with the unit's drift and ±1 % noise. */
    double budgetFte(int year) {
        double noise = 1 + 0.02 * (Rng.unit(seed, "budget", index, year) - 0.5);
        // The drift bends off far from 2020, so distant years stay plausible (within 0.6–1.6 × the 2020 level).
        double drift = Math.max(0.6, Math.min(1.6, StrictMath.pow(1 + trend, year - 2020)));
        double v = baseFte * drift * noise;
        return Math.max(1.0, Math.round(v * 10) / 10.0);
    }

    ChannelStrategyStage stage(YearMonth month) {
        if (!isLocalOffice()) {
            return ChannelStrategyStage.IMPLEMENTED;
        }
        if (stageStart == null || month.isBefore(stageStart)) {
            return ChannelStrategyStage.NOT_STARTED;
        }
        if (stageImplemented != null && !month.isBefore(stageImplemented)) {
            return ChannelStrategyStage.IMPLEMENTED;
        }
        return ChannelStrategyStage.IN_PROGRESS;
    }

    /** Drop-in opening hours in a month; null for units without a reception. */
    OpeningHours openingHours(YearMonth month) {
        if (!isLocalOffice()) {
            return null;
        }
        return HOURS[stage(month).ordinal()][hoursVariant];
    }

    County county(LocalDate date) {
        return County.successorOn(preReformCounty, date);
    }

    String municipalityNumber(LocalDate date) {
        return county(date).number() + municipalitySuffix;
    }

    /** NAV-ident style employee number of staff member {@code i} (0-based) of this unit. */
    String staffIdent(int i) {
        return StaffIdents.ident(seed, staffStart + i);
    }

    Employer staffEmployer(int i) {
        if (!isLocalOffice()) {
            return Employer.STATE;
        }
        return Rng.unit(seed, "employer", staffStart + i) < stateShare ? Employer.STATE : Employer.MUNICIPAL;
    }

    @Override
    public String toString() {
        return id + " " + name;
    }
}
