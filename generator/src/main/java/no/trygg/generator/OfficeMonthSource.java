package no.trygg.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import no.trygg.schemas.codes.ChannelStrategyStage;
import no.trygg.schemas.sources.SourceFormat;

/**
 * office_month/office_month_YYYY.csv: FTE worked, headcount and reception visitors per unit and month (the rate
 * denominators): ',', decimal point, UTF-8.
 */
final class OfficeMonthSource {

    static final SourceFormat FORMAT = SourceFormat.OFFICE_MONTH;
    static final List<DefectReason> REASONS = List.of(DefectReason.UNKNOWN_OFFICE, DefectReason.UNPARSEABLE_VALUE,
            DefectReason.MISSING_MANDATORY, DefectReason.ENCODING_ERROR);

    /** Visitors per FTE and month at an office that has not started the channel strategy. */
    static final double VISITORS_PER_FTE = 60.0;
    /** Reception traffic by month: quiet in July (holidays) and December. */
    private static final double[] VISIT_SEASON = {1.10, 1.05, 1.05, 0.95, 0.95, 0.95, 0.60, 1.00, 1.05, 1.05, 1.05,
            0.80};

    private final GeneratorOptions options;
    private final UnitCatalog catalog;

    OfficeMonthSource(GeneratorOptions options, UnitCatalog catalog) {
        this.options = options;
        this.catalog = catalog;
    }

    static double stageVisitFactor(ChannelStrategyStage s) {
        return switch (s) {
            case NOT_STARTED -> 1.0;
            case IN_PROGRESS -> 0.7;
            case IMPLEMENTED -> 0.45;
        };
    }

    SourceResult write(Path root, Consumer<String> progress) throws IOException {
        Path dir = root.resolve(FORMAT.folder);
        DefectPlan plan = new DefectPlan(options.defectShare(), REASONS, Rng.stream(options.seed(), FORMAT.folder));
        List<Unit> units = catalog.sortedById();
        int files = 0;
        long rows = 0;
        long clean = 0;
        for (int year = options.fromYear(); year <= options.toYear(); year++) {
            SplittableRandom r = Rng.stream(options.seed(), FORMAT.folder, year);
            List<String[]> out = new ArrayList<>(units.size() * 12 + 8);
            for (Unit u : units) {
                double budget = u.budgetFte(year);
                for (int month = 1; month <= 12; month++) {
                    YearMonth ym = YearMonth.of(year, month);
                    double fte = Math.max(0.1, Math.round(budget * Rng.uniform(r, 0.88, 1.0) * 10) / 10.0);
                    long headcount = Math.max(1, Math.round(fte * 1.1));
                    String visitors = "";
                    if (u.isLocalOffice()) {
                        double v = fte * stageVisitFactor(u.stage(ym)) * VISITORS_PER_FTE * VISIT_SEASON[month - 1]
                                * Rng.uniform(r, 0.9, 1.1);
                        visitors = Long.toString(Math.round(v));
                    }
                    out.add(new Row(FORMAT)
                            .set("enhet_nr", u.id)
                            .set("maaned", ym.toString())
                            .set("arsverk", Fmt.decimal(fte, 1, '.'))
                            .set("ansatte", Long.toString(headcount))
                            .set("besok", visitors).values());
                }
            }
            clean += out.size();
            final int y = year;
            plan.mixInto(out, reason -> defectRow(reason, y, units, r).values(), r);
            CsvOut.write(dir.resolve("office_month_" + year + ".csv"), ',', CsvOut.Encoding.UTF8, FORMAT.headers(), out);
            files++;
            rows += out.size();
        }
        progress.accept("office_month: " + files + " files (" + Fmt.thousands(rows) + " rows)");
        return new SourceResult(FORMAT.folder, files, rows, plan.counts(), clean);
    }

    /** A defect row with a key no clean row has (unknown, unreadable or missing office or month). */
    private Row defectRow(DefectReason reason, int year, List<Unit> units, SplittableRandom r) {
        Unit u = Rng.pick(r, units);
        int month = Rng.between(r, 1, 12);
        double fte = Math.max(0.1, Math.round(u.budgetFte(year) * Rng.uniform(r, 0.88, 1.0) * 10) / 10.0);
        Row row = new Row(FORMAT)
                .set("enhet_nr", u.id)
                .set("maaned", YearMonth.of(year, month).toString())
                .set("arsverk", Fmt.decimal(fte, 1, '.'))
                .set("ansatte", Long.toString(Math.max(1, Math.round(fte * 1.1))))
                .set("besok", u.isLocalOffice() ? Long.toString(Math.round(fte * 45)) : "");
        switch (reason) {
            case UNKNOWN_OFFICE -> row.set("enhet_nr", catalog.unknownOfficeId(r));
            case UNPARSEABLE_VALUE -> {
                switch (r.nextInt(3)) {
                    case 0 -> row.set("maaned", year + "-13");
                    case 1 -> row.set("maaned", "mars " + year);
                    default -> row.set("maaned", month + "/" + year + "x").set("arsverk", "tolv");
                }
            }
            case MISSING_MANDATORY -> {
                if (r.nextBoolean()) {
                    row.set("enhet_nr", "");
                } else {
                    row.set("maaned", "");
                }
            }
            case ENCODING_ERROR -> {
                // The office id as typed on a Latin-1 terminal: a stray 'ø' byte inside it.
                String id = u.id;
                row.set("enhet_nr", id.substring(0, 2) + CsvOut.raw(0xF8) + id.substring(2));
            }
            default -> throw new IllegalArgumentException("not an office_month defect: " + reason);
        }
        return row;
    }
}
