package no.trygg.generator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import no.trygg.schemas.codes.County;
import no.trygg.schemas.codes.UnitType;

/**
 * The units of the synthetic organisation: round(250 × scale) local offices (at least 5), one contact centre and
 * max(1, round(5 × scale)) NAV Kontroll units. Built from the "units" stream of the seed only, so every source
 * sees the same units. Office ids are stable: the 250 reference offices always get the same id at any scale.
 */
final class UnitCatalog {

    static final int REFERENCE_OFFICES = 250;
    /** Average budgeted FTE of a local office at scale 1 (≈16,000 FTE in all). */
    static final double MEAN_LOCAL_FTE = 64.0;
    static final double MIN_FTE = 8.0;
    static final double MAX_FTE = 150.0;

    private static final String[][] CONTROL_UNITS = {
            {"NAV Kontroll Øst", "0301", "Oslo"}, {"NAV Kontroll Sør", "1001", "Kristiansand"},
            {"NAV Kontroll Vest", "1201", "Bergen"}, {"NAV Kontroll Midt-Norge", "1601", "Trondheim"},
            {"NAV Kontroll Nord", "1902", "Tromsø"},
    };

    private final List<Unit> units;
    private final Map<String, Unit> byId;
    private final IdAllocator ids;
    private final Map<String, String> suffixByMunicipalityNumber;

    private UnitCatalog(List<Unit> units, IdAllocator ids, Map<String, String> suffixes) {
        this.units = List.copyOf(units);
        Map<String, Unit> m = new LinkedHashMap<>();
        for (Unit u : units) {
            m.put(u.id, u);
        }
        this.byId = Collections.unmodifiableMap(m);
        this.ids = ids;
        this.suffixByMunicipalityNumber = suffixes;
    }

    List<Unit> units() {
        return units;
    }

    /** Units sorted by id (the order registers list them in). */
    List<Unit> sortedById() {
        List<Unit> s = new ArrayList<>(units);
        s.sort((a, b) -> a.id.compareTo(b.id));
        return s;
    }

    Unit byId(String id) {
        return byId.get(id);
    }

    boolean isUnitId(String id) {
        return byId.containsKey(id);
    }

    long count(UnitType type) {
        return units.stream().filter(u -> u.type == type).count();
    }

    /** A supply of fresh unit ids that no unit has, for defect rows that need a key of their own. */
    IdAllocator freshIds() {
        return ids.copy();
    }

    /** Stable two-digit municipality suffix for a pre-2018 municipality number (offices and extras). */
    String municipalitySuffix(String number) {
        return suffixByMunicipalityNumber.get(number);
    }

    /** "9" + three digits that is no unit's id, for UNKNOWN_OFFICE defects. */
    String unknownOfficeId(SplittableRandom r) {
        while (true) {
            String id = "9" + Fmt.pad(r.nextInt(1000), 3);
            if (!byId.containsKey(id)) {
                return id;
            }
        }
    }

    static UnitCatalog build(GeneratorOptions options) {
        long seed = options.seed();
        double scale = options.scale();
        SplittableRandom r = Rng.stream(seed, "units");

        Map<String, String> suffixes = assignSuffixes();
        IdAllocator ids = new IdAllocator();
        String[] referenceIds = referenceOfficeIds(ids);
        String contactCentreId = ids.reserve("4100");

        int localCount = Math.max(5, (int) Math.round(REFERENCE_OFFICES * scale));
        int controlCount = Math.max(1, (int) Math.round(5 * scale));
        List<String> controlIds = new ArrayList<>();
        ids.moveCursor(4810);
        for (int i = 0; i < controlCount; i++) {
            controlIds.add(ids.next());
        }
        ids.moveCursor(2100);

        // Which reference offices, and which copies (scale > 1 repeats the list with a suffix " 2", " 3", …).
        List<int[]> picks = new ArrayList<>(); // {reference index, copy number}
        int fullRounds = localCount / REFERENCE_OFFICES;
        int rest = localCount % REFERENCE_OFFICES;
        for (int round = 1; round <= fullRounds; round++) {
            for (int i = 0; i < REFERENCE_OFFICES; i++) {
                picks.add(new int[] {i, round});
            }
        }
        for (int k = 0; k < rest; k++) {
            int i = (int) Math.floor((k + 0.5) * REFERENCE_OFFICES / rest);
            picks.add(new int[] {i, fullRounds + 1});
        }
        picks.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(a[0], b[0]));

        // Sizes: FTE ∝ population^0.95 with lognormal noise, Oslo districts busier; calibrated to the mean.
        double[] raw = new double[picks.size()];
        boolean[] pinned = new boolean[picks.size()];
        for (int k = 0; k < picks.size(); k++) {
            Places.Place p = Places.OFFICES.get(picks.get(k)[0]);
            double noise = StrictMath.exp(0.3 * Rng.normal(r));
            double busy = p.municipality().equals("Oslo") ? 1.5 : 1.0;
            double v = StrictMath.pow(p.population(), 0.95) * noise * busy;
            raw[k] = v;
            if (picks.get(k)[1] == 1 && p.officeName().equals("Moss")) {
                raw[k] = 73.0; // NAV Moss: about 80 employees (report_extract.md 3.4)
                pinned[k] = true;
            } else if (picks.get(k)[1] == 1 && p.officeName().equals("Grorud")) {
                raw[k] = 110.0; // a large Oslo office with about 120 employees
                pinned[k] = true;
            }
        }
        double[] fte = calibrate(raw, pinned, MEAN_LOCAL_FTE * picks.size());

        List<Unit> units = new ArrayList<>();
        long staffStart = 0;
        for (int k = 0; k < picks.size(); k++) {
            int refIndex = picks.get(k)[0];
            int copy = picks.get(k)[1];
            Places.Place p = Places.OFFICES.get(refIndex);
            String id = copy == 1 ? referenceIds[refIndex] : ids.next();
            String name = "NAV " + p.officeName() + (copy == 1 ? "" : " " + copy);
            double trend = Rng.uniform(r, -0.03, 0.03);
            double state = Math.round(Rng.uniform(r, 0.40, 0.90) * 100) / 100.0;
            YearMonth start = null;
            YearMonth implemented = null;
            if (!Rng.chance(r, 0.12)) {
                start = YearMonth.of(2015, 1).plusMonths(r.nextInt(84));
                if (!Rng.chance(r, 0.08)) {
                    implemented = start.plusMonths(Rng.between(r, 12, 36));
                }
            }
            int hoursVariant = r.nextInt(3);
            double reception = Rng.uniform(r, 0.30, 0.50);
            int staff = staffFor(fte[k]);
            units.add(new Unit(units.size(), id, name, UnitType.LOCAL_OFFICE, p.municipality(), p.county(),
                    suffixes.get(p.number()), p.urban(), fte[k], trend, state, start, implemented, hoursVariant,
                    staffStart, staff, reception, seed));
            staffStart += staff;
        }

        double ccFte = Math.max(20.0, Math.round(900.0 * scale * 10) / 10.0);
        int ccStaff = staffFor(ccFte);
        units.add(new Unit(units.size(), contactCentreId, "NAV Kontaktsenter", UnitType.CONTACT_CENTRE, "Oslo", "03",
                suffixes.get("0301"), true, ccFte, Rng.uniform(r, -0.01, 0.01), 1.0, null, null, 0,
                staffStart, ccStaff, 0.0, seed));
        staffStart += ccStaff;

        for (int i = 0; i < controlCount; i++) {
            String[] c = CONTROL_UNITS[i % CONTROL_UNITS.length];
            int copy = i / CONTROL_UNITS.length + 1;
            String name = c[0] + (copy == 1 ? "" : " " + copy);
            double f = Math.round(Rng.uniform(r, 25, 45) * 10) / 10.0;
            int staff = staffFor(f);
            units.add(new Unit(units.size(), controlIds.get(i), name, UnitType.CONTROL_UNIT, c[2],
                    c[1].substring(0, 2), suffixes.get(c[1]), Places.URBAN.contains(c[2]), f,
                    Rng.uniform(r, -0.01, 0.01), 1.0, null, null, 0, staffStart, staff, 0.0, seed));
            staffStart += staff;
        }
        return new UnitCatalog(units, ids, suffixes);
    }

    private static int staffFor(double fte) {
        return Math.max(3, (int) Math.round(fte * 1.15));
    }

    /**
     * Scales the unpinned sizes by one factor so the total hits {@code total}: below {@link #MIN_FTE} is lifted,
     * and above 110 FTE sizes bend smoothly towards {@link #MAX_FTE} (no pile-up at a hard cap). One decimal.
     */
    private static double[] calibrate(double[] raw, boolean[] pinned, double total) {
        double fixed = 0;
        for (int i = 0; i < raw.length; i++) {
            if (pinned[i]) {
                fixed += raw[i];
            }
        }
        double lo = 1e-4;
        double hi = 1e4;
        for (int iter = 0; iter < 200; iter++) {
            double mid = StrictMath.sqrt(lo * hi);
            double sum = fixed;
            for (int i = 0; i < raw.length; i++) {
                if (!pinned[i]) {
                    sum += shape(raw[i] * mid);
                }
            }
            if (sum < total) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        double f = StrictMath.sqrt(lo * hi);
        double[] v = new double[raw.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.round((pinned[i] ? raw[i] : shape(raw[i] * f)) * 10) / 10.0;
        }
        return v;
    }

    private static double shape(double x) {
        double knee = 110;
        double room = MAX_FTE - knee;
        double y = x <= knee ? x : knee + room * (1 - StrictMath.exp(-(x - knee) / room));
        return Math.max(MIN_FTE, y);
    }

    /**
     * The stable ids of the 250 reference offices: the pre-2018 municipality number for a municipality's only
     * office; city-district offices (Oslo, Bergen, Trondheim) get free numbers in their county's range.
     */
    private static String[] referenceOfficeIds(IdAllocator ids) {
        Map<String, Integer> officesPerNumber = new HashMap<>();
        for (Places.Place p : Places.OFFICES) {
            officesPerNumber.merge(p.number(), 1, Integer::sum);
        }
        String[] out = new String[Places.OFFICES.size()];
        for (int i = 0; i < out.length; i++) {
            Places.Place p = Places.OFFICES.get(i);
            if (officesPerNumber.get(p.number()) == 1) {
                out[i] = ids.reserve(p.number());
            }
        }
        // Also keep the numbers of the extra municipalities and the district cities themselves free of offices.
        for (Places.Place p : Places.EXTRA) {
            ids.reserve(p.number());
        }
        for (int i = 0; i < out.length; i++) {
            Places.Place p = Places.OFFICES.get(i);
            if (out[i] == null) {
                ids.reserve(p.number());
                int county = Integer.parseInt(p.county());
                for (int s = 12; s < 100; s++) {
                    String candidate = Fmt.pad(county * 100L + s, 4);
                    if (!ids.isUsed(candidate)) {
                        out[i] = ids.reserve(candidate);
                        break;
                    }
                }
                if (out[i] == null) {
                    throw new IllegalStateException("no free office id in county " + p.county());
                }
            }
        }
        return out;
    }

    /**
     * Two-digit municipality suffixes, unique within every group of counties that were merged in 2018–2020 (so
     * kommune_nr stays unique after the reforms): the real pre-2018 suffix where free, else the highest free one.
     */
    private static Map<String, String> assignSuffixes() {
        Map<String, Set<String>> usedByGroup = new HashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        List<Places.Place> all = new ArrayList<>(Places.OFFICES);
        all.addAll(Places.EXTRA);
        for (Places.Place p : all) {
            if (out.containsKey(p.number())) {
                continue;
            }
            String group = County.successorOn(p.county(), LocalDate.of(2020, 6, 1)).number();
            Set<String> used = usedByGroup.computeIfAbsent(group, g -> new HashSet<>());
            String suffix = p.number().substring(2);
            if (used.contains(suffix)) {
                suffix = null;
                for (int s = 99; s >= 1; s--) {
                    String c = Fmt.pad(s, 2);
                    if (!used.contains(c)) {
                        suffix = c;
                        break;
                    }
                }
                if (suffix == null) {
                    throw new IllegalStateException("no free municipality suffix in county group " + group);
                }
            }
            used.add(suffix);
            out.put(p.number(), suffix);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Hands out unique unit ids: 4 digits, never 9000–9999 (kept for unknown-office defects). */
    static final class IdAllocator {
        private final TreeSet<String> used = new TreeSet<>();
        private int cursor = 2100;

        IdAllocator copy() {
            IdAllocator c = new IdAllocator();
            c.used.addAll(used);
            c.cursor = cursor;
            return c;
        }

        String reserve(String id) {
            used.add(id);
            return id;
        }

        boolean isUsed(String id) {
            return used.contains(id);
        }

        void moveCursor(int to) {
            cursor = to;
        }

        String next() {
            while (true) {
                if (cursor >= 9000 && cursor <= 9999) {
                    cursor = 10000;
                }
                String id = Fmt.pad(cursor++, 4);
                if (used.add(id)) {
                    return id;
                }
            }
        }
    }
}
