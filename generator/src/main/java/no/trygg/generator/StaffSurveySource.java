package no.trygg.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import no.trygg.schemas.codes.Employer;
import no.trygg.schemas.codes.OfficeSizeClass;
import no.trygg.schemas.codes.StaffRole;
import no.trygg.schemas.codes.SurveyQuestion;
import no.trygg.schemas.codes.UnitType;
import no.trygg.schemas.sources.SourceFormat;

/**
 * staff_survey/staff_survey_YYYY.csv: the yearly staff survey (fielded in October), one row per respondent: ';',
 * UTF-8 with BOM (an Excel export). About 18,000 × scale staff with user contact are invited, spread over units
 * by FTE; 65–78 % respond. Calibrated to "feel safe at work" 96 % and "safety work is good" 82 % (4 or 5), and
 * about a third exposed to violence, threats or harassment in the last 12 months.
 */
final class StaffSurveySource {

    static final SourceFormat FORMAT = SourceFormat.STAFF_SURVEY;
    static final List<DefectReason> REASONS = List.of(DefectReason.UNKNOWN_OFFICE, DefectReason.UNPARSEABLE_VALUE,
            DefectReason.MISSING_MANDATORY, DefectReason.INVALID_CODE, DefectReason.DUPLICATE_CONFLICT,
            DefectReason.ENCODING_ERROR);

    static final double INVITED_AT_SCALE_1 = 18_000;
    static final double EXPOSED_SHARE = 0.33;
    static final double LEADER_SHARE = 0.08;
    /**
     * Security officers (sikkerhetsansvarlig) among local-office staff who are not leaders: a handful per county, the
     * small groups that the survey's disclosure thresholds must meet. Drawn from a stream of its own, so every
     * other value of the survey stays as before.
     */
    static final double SECURITY_OFFICER_SHARE = 0.012;
    static final double ITEM_NONRESPONSE = 0.02;
    /** Odd multiplier: k → k·M + offset mod 2^32 is a bijection, so respondent ids are unique within a year. */
    private static final long ID_MULTIPLIER = 0x9E3779B1L;

    private final GeneratorOptions options;
    private final UnitCatalog catalog;

    StaffSurveySource(GeneratorOptions options, UnitCatalog catalog) {
        this.options = options;
        this.catalog = catalog;
    }

    /** Respondent as drawn, before the answers are written. */
    private record Person(Unit unit, boolean leader, Employer employer, boolean frontline, boolean securityOfficer) {
        /** The same person as a security officer, if a local office's non-leader: answers are drawn as before. */
        Person asSecurityOfficer() {
            return new Person(unit, leader, employer, frontline, !leader && unit.type == UnitType.LOCAL_OFFICE);
        }

        StaffRole role() {
            return leader ? StaffRole.LEADER : securityOfficer ? StaffRole.SECURITY_OFFICER : StaffRole.EMPLOYEE;
        }
    }

    SourceResult write(Path root, Consumer<String> progress) throws IOException {
        Path dir = root.resolve(FORMAT.folder);
        DefectPlan plan = new DefectPlan(options.defectShare(), REASONS, Rng.stream(options.seed(), FORMAT.folder));
        int files = 0;
        long rows = 0;
        long clean = 0;
        for (int year = options.fromYear(); year <= options.toYear(); year++) {
            SplittableRandom r = Rng.stream(options.seed(), FORMAT.folder, year);
            List<Unit> units = catalog.sortedById();
            double[] fte = new double[units.size()];
            for (int i = 0; i < fte.length; i++) {
                fte[i] = units.get(i).budgetFte(year);
            }
            int[] invited = largestRemainder(fte, (int) Math.round(INVITED_AT_SCALE_1 * options.scale()));
            double responseRate = Rng.uniform(r, 0.65, 0.78);
            double base = exposureBase(units, invited, year);
            long idOffset = r.nextLong();
            long k = 0;
            List<String[]> out = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                Unit u = units.get(i);
                double unitRate = Math.min(0.97, responseRate * (0.9 + 0.2 * Rng.unit(options.seed(), "response", i)));
                for (int p = 0; p < invited[i]; p++) {
                    if (!Rng.chance(r, unitRate)) {
                        continue;
                    }
                    Person person = person(u, r);
                    if (Rng.unit(options.seed(), "security-officer", year, k) < SECURITY_OFFICER_SHARE) {
                        person = person.asSecurityOfficer();
                    }
                    String id = respondentId(idOffset, k++);
                    out.add(answers(id, year, person, base, r).values());
                }
            }
            out.sort(Comparator.comparing(a -> a[0]));
            clean += out.size();
            for (DefectReason reason : plan.next(out.size())) {
                Unit u = units.get(r.nextInt(units.size()));
                String id = respondentId(idOffset, k++);
                Row row = answers(id, year, person(u, r), base, r);
                switch (reason) {
                    case UNKNOWN_OFFICE -> row.set("enhet_nr", catalog.unknownOfficeId(r));
                    case UNPARSEABLE_VALUE -> row.set("undersokelse_ar", r.nextBoolean() ? "i år" : "20" + (year % 100)
                            + "/" + ((year + 1) % 100) + "x");
                    case MISSING_MANDATORY -> row.set(r.nextBoolean() ? "rolle" : "arbeidsgiver", "");
                    case INVALID_CODE -> {
                        if (r.nextBoolean()) {
                            row.set("rolle", "SJEF");
                        } else {
                            row.set("arbeidsgiver", "PRIVAT");
                        }
                    }
                    case DUPLICATE_CONFLICT -> {
                        Row twin = row.copy();
                        String safe = twin.get(SurveyQuestion.FEEL_SAFE.column);
                        twin.set(SurveyQuestion.FEEL_SAFE.column, "5".equals(safe) ? "3" : "5");
                        out.add(r.nextInt(out.size() + 1), twin.values());
                    }
                    case ENCODING_ERROR -> row.set("respondent_id", id.substring(0, 5) + CsvOut.raw(0xF8)
                            + id.substring(5));
                    default -> throw new IllegalArgumentException("not a survey defect: " + reason);
                }
                out.add(r.nextInt(out.size() + 1), row.values());
            }
            Path file = dir.resolve("staff_survey_" + year + ".csv");
            try (CsvOut csv = CsvOut.open(file, ';', CsvOut.Encoding.UTF8_BOM, FORMAT.headers())) {
                csv.rows(out);
            }
            files++;
            rows += out.size();
            progress.accept("staff_survey: " + year + " (" + Fmt.thousands(out.size()) + " rows, response rate "
                    + Math.round(responseRate * 100) + " %)");
        }
        return new SourceResult(FORMAT.folder, files, rows, plan.counts(), clean);
    }

    private static String respondentId(long offset, long k) {
        return "R" + Fmt.hex8(k * ID_MULTIPLIER + offset).toUpperCase(Locale.ROOT);
    }

    private static Person person(Unit u, SplittableRandom r) {
        boolean leader = Rng.chance(r, LEADER_SHARE);
        Employer employer = u.type == UnitType.LOCAL_OFFICE && !Rng.chance(r, u.stateShare) ? Employer.MUNICIPAL
                : Employer.STATE;
        boolean frontline = u.type == UnitType.LOCAL_OFFICE && Rng.chance(r, u.receptionShare);
        return new Person(u, leader, employer, frontline, false);
    }

    /** Exposure multiplier of a unit: larger and urban offices more, the control units less. */
    private static double unitExposure(Unit u, int year) {
        return switch (u.type) {
            case CONTACT_CENTRE -> 1.1;
            case CONTROL_UNIT -> 0.8;
            case LOCAL_OFFICE -> (u.urban ? 1.25 : 1.0) * switch (OfficeSizeClass.ofFte(u.budgetFte(year))) {
                case SMALL -> 0.85;
                case MEDIUM -> 1.0;
                case LARGE -> 1.1;
                case VERY_LARGE -> 1.2;
            };
        };
    }

    private static double personExposure(Person p) {
        double m = p.unit().type != UnitType.LOCAL_OFFICE ? 1.0 : p.frontline() ? 1.5 : 0.75;
        return p.leader() ? m * 1.1 : m;
    }

    /** Base probability that makes the expected exposed share {@link #EXPOSED_SHARE} over the invited staff. */
    private static double exposureBase(List<Unit> units, int[] invited, int year) {
        double sum = 0;
        double weight = 0;
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(i);
            double personMean = u.type != UnitType.LOCAL_OFFICE ? 1.0
                    : u.receptionShare * 1.5 + (1 - u.receptionShare) * 0.75;
            personMean *= 1 + LEADER_SHARE * 0.1;
            sum += invited[i] * unitExposure(u, year) * personMean;
            weight += invited[i];
        }
        return weight == 0 ? EXPOSED_SHARE : EXPOSED_SHARE * weight / sum;
    }

    private Row answers(String id, int year, Person p, double base, SplittableRandom r) {
        Row row = new Row(FORMAT)
                .set("respondent_id", id)
                .set("undersokelse_ar", Integer.toString(year))
                .set("enhet_nr", p.unit().id)
                .set("rolle", p.role().name())
                .set("arbeidsgiver", p.employer().name())
                .set("brukerkontakt", skip(r) ? "" : "J");
        double pExposed = Math.min(0.9, base * unitExposure(p.unit(), year) * personExposure(p));
        boolean exposed = Rng.chance(r, pExposed);

        // Feel safe: ~90 % agree among the exposed, ~99 % among the rest (96 % overall).
        double[] safe = exposed ? new double[] {1, 3, 6, 45, 45} : new double[] {0.1, 0.2, 0.7, 29, 70};
        row.set(SurveyQuestion.FEEL_SAFE.column, likert(r, safe));
        double[] work = exposed ? new double[] {3, 7, 15, 50, 25} : new double[] {1, 3.5, 10, 55.5, 30};
        row.set(SurveyQuestion.SAFETY_WORK_GOOD.column, likert(r, work));
        double[] know = p.leader() ? new double[] {0.5, 1, 3.5, 45, 50} : new double[] {2, 5, 13, 50, 30};
        row.set(SurveyQuestion.KNOW_MEASURES.column, likert(r, know));

        if (skip(r)) {
            // Skipped the exposure question: the follow-ups are not asked.
            return row;
        }
        row.set(SurveyQuestion.EXPOSED_12M.column, Fmt.yesNo(exposed));
        SurveyQuestion[] subs = {SurveyQuestion.EXPOSED_VERBAL, SurveyQuestion.EXPOSED_THREAT,
                SurveyQuestion.EXPOSED_PHYSICAL, SurveyQuestion.EXPOSED_HARASSMENT};
        if (!exposed) {
            for (SurveyQuestion q : subs) {
                row.set(q.column, "N");
            }
            return row; // meldt_hendelse stays empty
        }
        boolean[] yes = {Rng.chance(r, 0.75), Rng.chance(r, 0.50), Rng.chance(r, 0.03), Rng.chance(r, 0.30)};
        if (!yes[0] && !yes[1] && !yes[2] && !yes[3]) {
            yes[r.nextInt(4) == 0 ? 3 : 0] = true;
        }
        int firstYes = -1;
        for (int i = 0; i < 4; i++) {
            if (yes[i] && firstYes < 0) {
                firstYes = i;
            }
        }
        for (int i = 0; i < 4; i++) {
            // Item non-response never hides the only "J".
            boolean blank = i != firstYes && skip(r);
            row.set(subs[i].column, blank ? "" : Fmt.yesNo(yes[i]));
        }
        double reported = 0.32 + (yes[1] ? 0.25 : 0) + (yes[2] ? 0.30 : 0);
        row.set(SurveyQuestion.REPORTED.column, skip(r) ? "" : Fmt.yesNo(Rng.chance(r, reported)));
        return row;
    }

    private static String likert(SplittableRandom r, double[] weights) {
        if (skip(r)) {
            return "";
        }
        return Integer.toString(Rng.weighted(r, weights) + 1);
    }

    private static boolean skip(SplittableRandom r) {
        return Rng.chance(r, ITEM_NONRESPONSE);
    }

    /** Splits {@code total} in proportion to {@code weights}, exactly (largest remainder, ties by index). */
    static int[] largestRemainder(double[] weights, int total) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] out = new int[weights.length];
        double[] rem = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = sum == 0 ? 0 : total * weights[i] / sum;
            out[i] = (int) Math.floor(exact);
            rem[i] = exact - out[i];
            given += out[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> rem[a] != rem[b] ? Double.compare(rem[b], rem[a]) : Integer.compare(a, b));
        for (int j = 0; given < total && j < order.length; j++, given++) {
            out[order[j]]++;
        }
        return out;
    }
}
