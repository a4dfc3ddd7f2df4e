package no.trygg.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import no.trygg.schemas.codes.SecurityMeasure;
import no.trygg.schemas.codes.UnitType;
import no.trygg.schemas.sources.SourceFormat;

/**
 * security_measures/security_measures_{toYear}-12-31.csv: one full export of the measure register: ',', UTF-8.
 * Standing measures have a validity period (gyldig_til empty while in force); drills and risk assessments are
 * events valid for one year. Only dates from {fromYear − 3}-01-01 to the export date appear: older measures
 * still in force carry the register's start of history as gyldig_fra.
 */
final class SecurityMeasuresSource {

    static final SourceFormat FORMAT = SourceFormat.SECURITY_MEASURES;
    static final List<DefectReason> REASONS = List.of(DefectReason.UNKNOWN_OFFICE, DefectReason.UNPARSEABLE_VALUE,
            DefectReason.MISSING_MANDATORY, DefectReason.INVALID_CODE, DefectReason.DUPLICATE_CONFLICT,
            DefectReason.ENCODING_ERROR);

    /** A measure record before ids are assigned; to is exclusive, null while in force. */
    record Measure(String officeId, SecurityMeasure code, LocalDate from, LocalDate to) {
    }

    private final GeneratorOptions options;
    private final UnitCatalog catalog;
    private final LocalDate windowStart;
    private final LocalDate exportDate;

    SecurityMeasuresSource(GeneratorOptions options, UnitCatalog catalog) {
        this.options = options;
        this.catalog = catalog;
        this.windowStart = LocalDate.of(options.fromYear() - 3, 1, 1);
        this.exportDate = LocalDate.of(options.toYear(), 12, 31);
    }

    SourceResult write(Path root, Consumer<String> progress) throws IOException {
        List<Measure> measures = new ArrayList<>();
        for (Unit u : catalog.sortedById()) {
            measures.addAll(measuresFor(u));
        }
        measures.sort(Comparator.comparing(Measure::from).thenComparing(Measure::officeId)
                .thenComparing(Measure::code));

        SplittableRandom r = Rng.stream(options.seed(), FORMAT.folder);
        long id = 100_000 + r.nextInt(900);
        List<String[]> out = new ArrayList<>(measures.size() + 16);
        for (Measure m : measures) {
            id += Rng.between(r, 1, 3);
            out.add(row("T" + Fmt.pad(id, 6), m).values());
        }
        long clean = out.size();
        DefectPlan plan = new DefectPlan(options.defectShare() / 10, REASONS, r.split());
        List<Unit> units = catalog.sortedById();
        for (DefectReason reason : plan.next(clean)) {
            id += Rng.between(r, 1, 3);
            String freshId = "T" + Fmt.pad(id, 6);
            Unit u = Rng.pick(r, units);
            int span = (int) (exportDate.toEpochDay() - windowStart.toEpochDay());
            LocalDate from = windowStart.plusDays(r.nextInt(span));
            Measure base = new Measure(u.id, Rng.pick(r, SecurityMeasure.values()), from, null);
            Row row = row(freshId, base);
            switch (reason) {
                case UNKNOWN_OFFICE -> row.set("enhet_nr", catalog.unknownOfficeId(r));
                case UNPARSEABLE_VALUE -> {
                    switch (r.nextInt(3)) {
                        case 0 -> row.set("gyldig_fra", from.getYear() + "-13-45");
                        case 1 -> row.set("gyldig_fra", "45.13." + from.getYear());
                        default -> row.set("gyldig_fra", "i fjor");
                    }
                }
                case MISSING_MANDATORY -> {
                    switch (r.nextInt(3)) {
                        case 0 -> row.set("gyldig_fra", "");
                        case 1 -> row.set("tiltak_kode", "");
                        default -> row.set("enhet_nr", "");
                    }
                }
                case INVALID_CODE -> row.set("tiltak_kode", r.nextBoolean() ? "LASER" : "VAKTHUND");
                case ENCODING_ERROR -> row.set("tiltak_id", freshId + CsvOut.raw(0xE6));
                case DUPLICATE_CONFLICT -> {
                    Row twin = row.copy();
                    SecurityMeasure other = base.code() == SecurityMeasure.VEKTER
                            ? SecurityMeasure.PULTALARM : SecurityMeasure.VEKTER;
                    twin.set("tiltak_kode", other.name());
                    out.add(r.nextInt(out.size() + 1), twin.values());
                }
                default -> throw new IllegalArgumentException("not a measures defect: " + reason);
            }
            out.add(r.nextInt(out.size() + 1), row.values());
        }

        Path file = root.resolve(FORMAT.folder).resolve("security_measures_" + Fmt.date(exportDate) + ".csv");
        try (CsvOut csv = CsvOut.open(file, ',', CsvOut.Encoding.UTF8, FORMAT.headers())) {
            csv.rows(out);
        }
        progress.accept("security_measures: 1 file (" + Fmt.thousands(out.size()) + " rows)");
        return new SourceResult(FORMAT.folder, 1, out.size(), plan.counts(), clean);
    }

    private Row row(String id, Measure m) {
        return new Row(FORMAT)
                .set("tiltak_id", id)
                .set("enhet_nr", m.officeId())
                .set("tiltak_kode", m.code().name())
                .set("gyldig_fra", Fmt.date(m.from()))
                .set("gyldig_til", m.to() == null ? "" : Fmt.date(m.to()));
    }

    /** The unit's measures as the register would show them at the export date, clipped to the window. */
    List<Measure> measuresFor(Unit u) {
        SplittableRandom r = Rng.stream(options.seed(), FORMAT.folder + "/" + u.id);
        List<Measure> raw = new ArrayList<>();
        if (u.isLocalOffice()) {
            double fte = u.baseFte;
            if (Rng.chance(r, 0.85)) {
                raw.add(new Measure(u.id, SecurityMeasure.SIKKER_SONE, randomDate(r, 2014, 2017), null));
            }
            LocalDate tbm = Rng.chance(r, 0.85) ? randomDate(r, 2022, 2023) : null;
            if (tbm != null) {
                raw.add(new Measure(u.id, SecurityMeasure.TRYGGE_BRUKERMOTER, tbm, null));
            }
            if (Rng.chance(r, 0.70)) {
                raw.add(new Measure(u.id, SecurityMeasure.MINSTD, randomDate(r, 2012, 2016), tbm));
            }
            if (Rng.chance(r, 0.90)) {
                raw.add(new Measure(u.id, SecurityMeasure.PULTALARM, randomDate(r, 2008, 2018), null));
            }
            if (Rng.chance(r, 0.50)) {
                raw.add(new Measure(u.id, SecurityMeasure.UTLOSERALARM, randomDate(r, 2015, 2022), null));
            }
            double guard = fte >= 100 ? 0.80 : fte >= 50 ? 0.45 : fte >= 20 ? 0.12 : 0.03;
            if (Rng.chance(r, guard)) {
                LocalDate from = randomDate(r, 2012, 2022);
                LocalDate to = Rng.chance(r, 0.25) ? from.plusDays(Rng.between(r, 365, 4 * 365)) : null;
                raw.add(new Measure(u.id, SecurityMeasure.VEKTER, from, to));
            }
            if (Rng.chance(r, 0.40)) {
                raw.add(new Measure(u.id, SecurityMeasure.POLITISAMARBEID, randomDate(r, 2012, 2021), null));
            }
            raw.addAll(events(u, SecurityMeasure.OVELSE, Rng.uniform(r, 0.40, 0.95), 0.30, r));
            raw.addAll(events(u, SecurityMeasure.RISIKOVURDERING, Rng.uniform(r, 0.50, 0.95), 0.15, r));
        } else {
            if (u.type == UnitType.CONTROL_UNIT) {
                raw.add(new Measure(u.id, SecurityMeasure.POLITISAMARBEID, randomDate(r, 2012, 2016), null));
            }
            raw.addAll(events(u, SecurityMeasure.OVELSE, 0.85, 0.0, r));
            raw.addAll(events(u, SecurityMeasure.RISIKOVURDERING, 0.95, 0.0, r));
        }
        List<Measure> out = new ArrayList<>();
        for (Measure m : raw) {
            Measure c = clip(m);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /**
     * Yearly events (drills, risk assessments) from 2010 to the export year: held with probability
     * {@code diligence} each year, except during a lapse of 3–5 years (with probability {@code lapseChance}).
     */
    private List<Measure> events(Unit u, SecurityMeasure code, double diligence, double lapseChance,
                                 SplittableRandom r) {
        int lapseFrom = Integer.MAX_VALUE;
        int lapseTo = Integer.MIN_VALUE;
        if (Rng.chance(r, lapseChance)) {
            lapseFrom = Rng.between(r, 2012, 2022);
            lapseTo = lapseFrom + Rng.between(r, 3, 5) - 1;
        }
        List<Measure> out = new ArrayList<>();
        for (int year = 2010; year <= options.toYear(); year++) {
            double p = code == SecurityMeasure.RISIKOVURDERING && year >= 2017 ? Math.min(0.98, diligence + 0.1)
                    : diligence;
            boolean held = Rng.chance(r, p);
            LocalDate date = randomDate(r, year, year);
            if (held && (year < lapseFrom || year > lapseTo)) {
                out.add(new Measure(u.id, code, date, date.plusYears(1)));
            }
        }
        return out;
    }

    /** Fits a measure to the export: drops what is outside the window, clamps old starts, opens future ends. */
    private Measure clip(Measure m) {
        boolean event = m.code() == SecurityMeasure.OVELSE || m.code() == SecurityMeasure.RISIKOVURDERING;
        if (m.from().isAfter(exportDate)) {
            return null;
        }
        if (m.to() != null && !m.to().isAfter(windowStart)) {
            return null;
        }
        LocalDate from = m.from();
        if (from.isBefore(windowStart)) {
            if (event) {
                return null;
            }
            from = windowStart;
        }
        LocalDate to = m.to() != null && m.to().isAfter(exportDate) ? null : m.to();
        return new Measure(m.officeId(), m.code(), from, to);
    }

    private static LocalDate randomDate(SplittableRandom r, int fromYear, int toYear) {
        LocalDate a = LocalDate.of(fromYear, 1, 1);
        LocalDate b = LocalDate.of(toYear, 12, 31);
        return a.plusDays(r.nextInt((int) (b.toEpochDay() - a.toEpochDay()) + 1));
    }
}
