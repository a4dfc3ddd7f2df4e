package no.trygg.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import no.trygg.schemas.codes.ChannelStrategyStage;
import no.trygg.schemas.codes.County;
import no.trygg.schemas.codes.UnitType;
import no.trygg.schemas.sources.SourceFormat;

/**
 * office_register/office_register_YYYY-MM.csv: a full snapshot of every unit each month, from the old register
 * system: ';', decimal comma, Windows-1252. County and municipality number follow the reforms in force on the
 * first day of the month.
 */
final class OfficeRegisterSource {

    static final SourceFormat FORMAT = SourceFormat.OFFICE_REGISTER;
    static final List<DefectReason> REASONS = List.of(DefectReason.UNPARSEABLE_VALUE,
            DefectReason.MISSING_MANDATORY, DefectReason.INVALID_CODE);

    private final GeneratorOptions options;
    private final UnitCatalog catalog;

    OfficeRegisterSource(GeneratorOptions options, UnitCatalog catalog) {
        this.options = options;
        this.catalog = catalog;
    }

    SourceResult write(Path root, Consumer<String> progress) throws IOException {
        Path dir = root.resolve(FORMAT.folder);
        SplittableRandom r = Rng.stream(options.seed(), FORMAT.folder);
        DefectPlan plan = new DefectPlan(options.defectShare() / 10, REASONS, r.split());
        List<Unit> units = catalog.sortedById();
        UnitCatalog.IdAllocator freshIds = catalog.freshIds();
        int files = 0;
        long rows = 0;
        long clean = 0;
        for (YearMonth m = YearMonth.of(options.fromYear(), 1); !m.isAfter(YearMonth.of(options.toYear(), 12));
             m = m.plusMonths(1)) {
            List<String[]> out = new ArrayList<>(units.size() + 4);
            for (Unit u : units) {
                out.add(cleanRow(u, m).values());
            }
            clean += out.size();
            final var month = m;
            plan.mixInto(out, reason -> defectRow(reason, month, r, freshIds.next()).values(), r);
            CsvOut.write(dir.resolve("office_register_" + m + ".csv"), ';', CsvOut.Encoding.WINDOWS_1252, FORMAT.headers(), out);
            files++;
            rows += out.size();
        }
        progress.accept("office_register: " + files + " files (" + Fmt.thousands(rows) + " rows)");
        return new SourceResult(FORMAT.folder, files, rows, plan.counts(), clean);
    }

    static Row cleanRow(Unit u, YearMonth m) {
        LocalDate date = m.atDay(1);
        County county = u.county(date);
        Unit.OpeningHours hours = u.openingHours(m);
        return new Row(FORMAT)
                .set("periode", m.toString())
                .set("enhet_nr", u.id)
                .set("enhet_navn", u.name)
                .set("enhet_type", u.type.name())
                .set("kommune_nr", county.number() + u.municipalitySuffix)
                .set("kommune_navn", u.municipality)
                .set("fylke_nr", county.number())
                .set("fylke_navn", county.name())
                .set("arsverk_budsjett", Fmt.decimal(u.budgetFte(m.getYear()), 1, ','))
                .set("andel_statlig", Fmt.decimal(u.stateShare, 2, ','))
                .set("kanalstrategi", u.stage(m).name())
                .set("apningstid", hours == null ? "" : hours.text())
                .set("apent_timer_uke", hours == null ? "" : Fmt.decimal(hours.hoursPerWeek(), 1, ','));
    }

    /** A row for an office that is not in the register otherwise (fresh id), with one defect. */
    private Row defectRow(DefectReason reason, YearMonth m, SplittableRandom r, String freshId) {
        Places.Place p = Rng.pick(r, Places.EXTRA);
        County county = County.successorOn(p.county(), m.atDay(1));
        ChannelStrategyStage stage = Rng.pick(r, ChannelStrategyStage.values());
        Row row = new Row(FORMAT)
                .set("periode", m.toString())
                .set("enhet_nr", freshId)
                .set("enhet_navn", "NAV " + p.officeName())
                .set("enhet_type", UnitType.LOCAL_OFFICE.name())
                .set("kommune_nr", county.number() + catalog.municipalitySuffix(p.number()))
                .set("kommune_navn", p.municipality())
                .set("fylke_nr", county.number())
                .set("fylke_navn", county.name())
                .set("arsverk_budsjett", Fmt.decimal(Rng.uniform(r, 6, 25), 1, ','))
                .set("andel_statlig", Fmt.decimal(Rng.uniform(r, 0.4, 0.9), 2, ','))
                .set("kanalstrategi", stage.name())
                .set("apningstid", "Man-Fre 10-14")
                .set("apent_timer_uke", "20,0");
        switch (reason) {
            case UNPARSEABLE_VALUE -> {
                switch (r.nextInt(3)) {
                    case 0 -> row.set("arsverk_budsjett", "tolv");
                    case 1 -> row.set("arsverk_budsjett", "12,5,0");
                    default -> row.set("andel_statlig", "0,6,5");
                }
            }
            case MISSING_MANDATORY -> {
                switch (r.nextInt(4)) {
                    case 0 -> row.set("enhet_navn", "");
                    case 1 -> row.set("kanalstrategi", "");
                    case 2 -> row.set("arsverk_budsjett", "");
                    default -> row.set("enhet_type", "");
                }
            }
            case INVALID_CODE -> {
                switch (r.nextInt(3)) {
                    case 0 -> row.set("kanalstrategi", "KANSKJE");
                    case 1 -> row.set("enhet_type", "FILIAL");
                    default -> row.set("fylke_nr", "13");
                }
            }
            default -> throw new IllegalArgumentException("not a register defect: " + reason);
        }
        return row;
    }
}
