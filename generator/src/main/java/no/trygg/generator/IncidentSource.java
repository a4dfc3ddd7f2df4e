package no.trygg.generator;

import java.io.IOException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Consumer;
import no.trygg.schemas.codes.Channel;
import no.trygg.schemas.codes.ChannelStrategyStage;
import no.trygg.schemas.codes.Employer;
import no.trygg.schemas.codes.IncidentType;
import no.trygg.schemas.codes.Injury;
import no.trygg.schemas.codes.PoliceReport;
import no.trygg.schemas.codes.UnitType;
import no.trygg.schemas.sources.SourceFormat;

/**
 * incidents/incidents_YYYY-MM-DD.csv: the reporting system's daily export of every report created or changed
 * that day: ';', UTF-8 without BOM, local Europe/Oslo timestamps, J/N booleans. The number of distinct incidents
 * occurring in year y is exactly round(1702 × scale × exp(−0.035 × (y − 2020))). About 20 % of reports get one
 * or two later versions. Years are generated one at a time; versions that fall in a later year wait for it.
 */
final class IncidentSource {

    static final SourceFormat FORMAT = SourceFormat.INCIDENTS;
    static final List<DefectReason> REASONS = List.of(DefectReason.values());

    static final double BASE_2020 = 1702.0;
    static final double DECLINE = 0.035;
    static final double CONTACT_CENTRE_SHARE = 0.10;
    static final double REEXPORT_SHARE = 0.20;
    static final double NORWEGIAN_TIMESTAMP_SHARE = 0.03;

    private static final ZoneId OSLO = ZoneId.of("Europe/Oslo");
    private static final IncidentType[] TYPES = IncidentType.values();
    /** Types that need physical presence, weighted up where possible so the national mix stays on target. */
    private static final Map<IncidentType, Double> PRESENCE_BOOST = Map.of(IncidentType.PHYSICAL,
            1 / (1 - CONTACT_CENTRE_SHARE), IncidentType.THREAT_WEAPON, 1 / (1 - CONTACT_CENTRE_SHARE),
            IncidentType.PROPERTY_DAMAGE, 1 / (1 - CONTACT_CENTRE_SHARE));
    private static final Channel[] CHANNELS = Channel.values();
    /** Incidents by month of occurrence: fewer in July (holidays) and December. */
    private static final double[] SEASON = {1.05, 1.05, 1.05, 1.0, 1.0, 0.95, 0.65, 1.0, 1.05, 1.05, 1.05, 0.80};

    /** Distinct incidents that occur in {@code year}. */
    static int incidentsInYear(int year, double scale) {
        return (int) Math.round(BASE_2020 * scale * StrictMath.exp(-DECLINE * (year - 2020)));
    }

    /** Type mix (report_extract.md; NAV's registrations): threats dominate. */
    static double typeWeight(IncidentType t) {
        return switch (t) {
            case THREAT -> 45;
            case VERBAL -> 20;
            case SELF_HARM -> 11;
            case HARASSMENT -> 9;
            case HATE_SPEECH -> 5;
            case PROPERTY_DAMAGE -> 4;
            case THREAT_WEAPON -> 3;
            case PHYSICAL -> 3;
        };
    }

    /** Whether an incident of this type can happen in this channel (no punches by phone). */
    static boolean compatible(IncidentType t, Channel c) {
        boolean physicalPresence = c == Channel.RECEPTION || c == Channel.MEETING_ROOM || c == Channel.HOME_VISIT
                || c == Channel.OUTSIDE || c == Channel.FIELD_INSPECTION;
        return switch (t) {
            case PHYSICAL, THREAT_WEAPON -> physicalPresence;
            case PROPERTY_DAMAGE -> c == Channel.RECEPTION || c == Channel.MEETING_ROOM || c == Channel.OUTSIDE;
            default -> true;
        };
    }

    /** Channel weights by unit type and, for local offices, channel-strategy stage. */
    static double channelWeight(Unit u, ChannelStrategyStage stage, Channel c) {
        if (u.type == UnitType.CONTACT_CENTRE) {
            return switch (c) {
                case PHONE -> 80;
                case DIGITAL -> 20;
                default -> 0;
            };
        }
        if (u.type == UnitType.CONTROL_UNIT) {
            return switch (c) {
                case FIELD_INSPECTION -> 55;
                case PHONE -> 30;
                case DIGITAL -> 10;
                case OUTSIDE -> 5;
                default -> 0;
            };
        }
        double reception = switch (stage) {
            case NOT_STARTED -> 1.15;
            case IN_PROGRESS -> 1.0;
            case IMPLEMENTED -> 0.75;
        };
        double remote = 2.0 - reception;
        return switch (c) {
            case PHONE -> 36 * remote;
            case RECEPTION -> 27.5 * reception;
            case MEETING_ROOM -> 16.5;
            case DIGITAL -> 11 * remote;
            case OUTSIDE -> 4.5;
            case HOME_VISIT -> 4.5;
            case FIELD_INSPECTION -> 0;
        };
    }

    static double stageIncidentFactor(ChannelStrategyStage s) {
        return switch (s) {
            case NOT_STARTED -> 1.0;
            case IN_PROGRESS -> 0.9;
            case IMPLEMENTED -> 0.8;
        };
    }

    /** One version of a report, as exported. */
    private static final class Version {
        LocalDateTime time;
        int severity;
        Injury injury;
        Integer sickLeave;
        PoliceReport police;
        String alarm;
        String followUp;
        String description;

        Version copy() {
            Version v = new Version();
            v.time = time;
            v.severity = severity;
            v.injury = injury;
            v.sickLeave = sickLeave;
            v.police = police;
            v.alarm = alarm;
            v.followUp = followUp;
            v.description = description;
            return v;
        }
    }

    private static final class Incident {
        String id;
        Unit unit;
        IncidentType type;
        Channel channel;
        LocalDateTime occurred;
        LocalDateTime reported;
        int staff;
        final List<Version> versions = new ArrayList<>();
    }

    /** A row waiting for its day's file. */
    private record Pending(LocalDateTime versionTime, String id, String[] values) {
    }

    private final GeneratorOptions options;
    private final UnitCatalog catalog;
    private final LocalDateTime end;
    private final TreeMap<LocalDate, List<Pending>> pending = new TreeMap<>();

    private final Map<Integer, Integer> perYear = new TreeMap<>();
    private final Map<Integer, Map<IncidentType, Integer>> perYearAndType = new TreeMap<>();
    private final Map<Integer, Long> sickLeavePerYear = new TreeMap<>();

    IncidentSource(GeneratorOptions options, UnitCatalog catalog) {
        this.options = options;
        this.catalog = catalog;
        this.end = LocalDate.of(options.toYear(), 12, 31).atTime(23, 59, 59);
    }

    Map<Integer, Integer> incidentsPerYear() {
        return perYear;
    }

    Map<Integer, Map<IncidentType, Integer>> incidentsPerYearAndType() {
        return perYearAndType;
    }

    Map<Integer, Long> sickLeaveDaysPerYear() {
        return sickLeavePerYear;
    }

    SourceResult write(Path root, Consumer<String> progress) throws IOException {
        Path dir = root.resolve(FORMAT.folder);
        DefectPlan plan = new DefectPlan(options.defectShare(), REASONS, Rng.stream(options.seed(), FORMAT.folder));
        int files = 0;
        long rows = 0;
        long cleanRows = 0;
        long distinctClean = 0;
        for (int year = options.fromYear(); year <= options.toYear(); year++) {
            SplittableRandom r = Rng.stream(options.seed(), FORMAT.folder, year);
            int maxNumber = generateYear(year, r);
            distinctClean += perYear.get(year);

            // All rows for this year's files are known now: later years cannot be filed earlier.
            TreeMap<LocalDate, List<String[]>> days = new TreeMap<>();
            long clean = 0;
            for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
                List<Pending> list = pending.remove(d);
                List<String[]> out = new ArrayList<>();
                if (list != null) {
                    list.sort(Comparator.comparing(Pending::versionTime).thenComparing(Pending::id));
                    for (Pending p : list) {
                        out.add(p.values());
                    }
                }
                clean += out.size();
                days.put(d, out);
            }
            cleanRows += clean;
            SplittableRandom dr = Rng.stream(options.seed(), FORMAT.folder + "/defects", year);
            long defectNumber = maxNumber + 1 + dr.nextInt(20);
            for (DefectReason reason : plan.next(clean)) {
                LocalDate day = LocalDate.of(year, 1, 1).plusDays(dr.nextInt(LocalDate.of(year, 1, 1).lengthOfYear()));
                String id = "H" + year + "-" + Fmt.pad(defectNumber, 6);
                defectNumber += Rng.between(dr, 1, 3);
                List<String[]> out = days.get(day);
                for (String[] row : defectRows(reason, id, day, dr)) {
                    out.add(dr.nextInt(out.size() + 1), row);
                }
            }
            for (Map.Entry<LocalDate, List<String[]>> e : days.entrySet()) {
                Path file = dir.resolve("incidents_" + Fmt.date(e.getKey()) + ".csv");
                try (CsvOut csv = CsvOut.open(file, ';', CsvOut.Encoding.UTF8, FORMAT.headers())) {
                    csv.rows(e.getValue());
                }
                files++;
                rows += e.getValue().size();
            }
            progress.accept("incidents: " + year + " (" + Fmt.thousands(perYear.get(year)) + " incidents)");
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("rows after the last day: " + pending.firstKey());
        }
        return new SourceResult(FORMAT.folder, files, rows, plan.counts(), distinctClean);
    }

    /** Generates the incidents occurring in {@code year} into {@link #pending}; returns the highest id number. */
    private int generateYear(int year, SplittableRandom r) {
        int n = incidentsInYear(year, options.scale());
        List<Unit> units = catalog.units();
        // Cells (month, unit) weighted by FTE, urban factor, stage and season; the contact centre takes 10 %.
        int u = units.size();
        double[] cumulative = new double[12 * u];
        double acc = 0;
        for (int m = 0; m < 12; m++) {
            YearMonth ym = YearMonth.of(year, m + 1);
            double monthFactor = SEASON[m] * ym.lengthOfMonth() / 30.4;
            double[] w = new double[u];
            double others = 0;
            int centres = 0;
            for (int i = 0; i < u; i++) {
                Unit unit = units.get(i);
                double fte = unit.budgetFte(year);
                if (unit.type == UnitType.LOCAL_OFFICE) {
                    w[i] = fte * (unit.urban ? 1.5 : 1.0) * stageIncidentFactor(unit.stage(ym));
                } else if (unit.type == UnitType.CONTROL_UNIT) {
                    w[i] = fte * 0.5;
                } else {
                    centres++;
                }
                others += w[i];
            }
            for (int i = 0; i < u; i++) {
                if (units.get(i).type == UnitType.CONTACT_CENTRE) {
                    w[i] = others * CONTACT_CENTRE_SHARE / (1 - CONTACT_CENTRE_SHARE) / centres;
                }
                acc += w[i] * monthFactor;
                cumulative[m * u + i] = acc;
            }
        }

        List<Incident> incidents = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            int cell = Rng.cumulative(r, cumulative);
            int month = cell / u + 1;
            Incident in = new Incident();
            in.unit = units.get(cell % u);
            YearMonth ym = YearMonth.of(year, month);
            ChannelStrategyStage stage = in.unit.stage(ym);
            double[] cw = new double[CHANNELS.length];
            for (int c = 0; c < CHANNELS.length; c++) {
                cw[c] = channelWeight(in.unit, stage, CHANNELS[c]);
            }
            double[] tw = new double[TYPES.length];
            for (int t = 0; t < TYPES.length; t++) {
                boolean possible = false;
                for (int c = 0; c < CHANNELS.length; c++) {
                    possible |= cw[c] > 0 && compatible(TYPES[t], CHANNELS[c]);
                }
                // Units that can have every type make up for the contact centre's lack of physical ones.
                tw[t] = possible ? typeWeight(TYPES[t]) * (in.unit.type == UnitType.CONTACT_CENTRE ? 1.0
                        : PRESENCE_BOOST.getOrDefault(TYPES[t], 1.0)) : 0;
            }
            in.type = TYPES[Rng.weighted(r, tw)];
            double[] allowed = new double[CHANNELS.length];
            for (int c = 0; c < CHANNELS.length; c++) {
                allowed[c] = compatible(in.type, CHANNELS[c]) ? cw[c] : 0;
            }
            in.channel = CHANNELS[Rng.weighted(r, allowed)];
            in.occurred = occurrence(r, ym, in.channel);
            in.reported = reported(r, in.occurred);
            in.staff = r.nextInt(in.unit.staffCount);
            incidents.add(in);
        }
        // The reporting system numbers reports as they are filed.
        incidents.sort(Comparator.comparing((Incident i) -> i.reported));
        int number = Rng.between(r, 1, 200);
        int max = number;
        for (Incident in : incidents) {
            in.id = "H" + year + "-" + Fmt.pad(number, 6);
            max = number;
            number += Rng.between(r, 1, 3);
        }

        EnumMap<IncidentType, Integer> byType = new EnumMap<>(IncidentType.class);
        for (IncidentType t : TYPES) {
            byType.put(t, 0);
        }
        long sick = 0;
        for (Incident in : incidents) {
            firstVersion(in, r);
            laterVersions(in, r);
            for (Version v : in.versions) {
                LocalDate day = v.time.toLocalDate();
                pending.computeIfAbsent(day, d -> new ArrayList<>())
                        .add(new Pending(v.time, in.id, row(in, v, r).values()));
            }
            byType.merge(in.type, 1, Integer::sum);
            Version latest = in.versions.get(in.versions.size() - 1);
            sick += latest.sickLeave == null ? 0 : latest.sickLeave;
        }
        perYear.put(year, incidents.size());
        perYearAndType.put(year, byType);
        sickLeavePerYear.put(year, sick);
        return max;
    }

    private LocalDateTime occurrence(SplittableRandom r, YearMonth ym, Channel channel) {
        double weekend = switch (channel) {
            case DIGITAL -> 0.6;
            case PHONE -> 0.05;
            default -> 0.03;
        };
        double[] dw = new double[ym.lengthOfMonth()];
        for (int d = 0; d < dw.length; d++) {
            DayOfWeek dow = ym.atDay(d + 1).getDayOfWeek();
            dw[d] = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY ? weekend : 1.0;
        }
        LocalDate day = ym.atDay(Rng.weighted(r, dw) + 1);
        int hour = switch (channel) {
            case DIGITAL -> Rng.between(r, 7, 22);
            case OUTSIDE -> Rng.between(r, 7, 17);
            case HOME_VISIT -> Rng.between(r, 9, 14);
            case RECEPTION, MEETING_ROOM -> Rng.chance(r, 0.7) ? Rng.between(r, 9, 13) : Rng.between(r, 8, 15);
            default -> Rng.between(r, 8, 15);
        };
        return day.atTime(hour, r.nextInt(60));
    }

    /** When the report was first filed: 0–5 days after, never after the last exported day. */
    private LocalDateTime reported(SplittableRandom r, LocalDateTime occurred) {
        double x = r.nextDouble();
        LocalDateTime t;
        if (x < 0.55) {
            t = occurred.plusMinutes(Rng.between(r, 10, 360)).withSecond(r.nextInt(60));
        } else {
            int days = x < 0.85 ? Rng.between(r, 1, 2) : Rng.between(r, 3, 5);
            t = officeTime(r, occurred.toLocalDate().plusDays(days));
        }
        t = existingLocalTime(t);
        if (t.isAfter(end)) {
            long room = Duration.between(occurred, end).getSeconds();
            t = occurred.plusSeconds(Math.max(1, Math.min(room, 60 + r.nextInt((int) Math.max(1, room)))));
        }
        return t;
    }

    /** Local times in the spring-forward gap (02:00–03:00 on the last Sunday of March) do not exist in Oslo. */
    static LocalDateTime existingLocalTime(LocalDateTime t) {
        return OSLO.getRules().getValidOffsets(t).isEmpty() ? t.plusHours(1) : t;
    }

    private static LocalDateTime officeTime(SplittableRandom r, LocalDate day) {
        return day.atTime(LocalTime.of(Rng.between(r, 8, 15), r.nextInt(60), r.nextInt(60)));
    }

    private void firstVersion(Incident in, SplittableRandom r) {
        Version v = new Version();
        v.time = in.reported;
        v.severity = severity(r, in.type);
        v.injury = injury(r, in.type);
        v.sickLeave = sickLeave(r, in.type, v.injury, v.severity);
        v.police = police(r, in.type, v.severity, in.occurred.getYear());
        boolean facing = in.channel == Channel.RECEPTION || in.channel == Channel.MEETING_ROOM;
        boolean alarm = facing && Rng.chance(r, 0.05 + 0.12 * (v.severity - 1));
        v.alarm = Rng.chance(r, 0.04) ? "" : Fmt.yesNo(alarm);
        v.followUp = Rng.chance(r, 0.03) ? "" : Fmt.yesNo(Rng.chance(r, 0.35 + 0.10 * v.severity));
        v.description = Descriptions.describe(r, in.type, in.channel, alarm);
        in.versions.add(v);
    }

    /** About 20 % of reports are updated once or twice, 1–60 days apart, within the exported period. */
    private void laterVersions(Incident in, SplittableRandom r) {
        if (!Rng.chance(r, REEXPORT_SHARE)) {
            return;
        }
        int count = Rng.chance(r, 0.7) ? 1 : 2;
        for (int k = 0; k < count; k++) {
            Version prev = in.versions.get(in.versions.size() - 1);
            LocalDateTime t = officeTime(r, prev.time.toLocalDate().plusDays(Rng.between(r, 1, 60)));
            if (t.isAfter(end)) {
                return;
            }
            Version v = prev.copy();
            v.time = t;
            int changes = Rng.chance(r, 0.3) ? 2 : 1;
            List<String> notes = new ArrayList<>();
            boolean[] used = new boolean[4];
            int guard = 0;
            while (notes.size() < changes && guard++ < 20) {
                int kind = r.nextInt(4);
                if (used[kind]) {
                    continue;
                }
                String note = change(kind, in, v, r);
                if (note != null) {
                    used[kind] = true;
                    notes.add(note);
                }
            }
            if (notes.isEmpty()) {
                notes.add(change(3, in, v, r)); // severity can always be reassessed
            }
            v.description = prev.description + " Oppdatert " + Fmt.date(t.toLocalDate()) + ": "
                    + String.join(", ", notes) + ".";
            in.versions.add(v);
        }
    }

    /** Applies one change to a later version; null if the chosen field could not change. */
    private static String change(int kind, Incident in, Version v, SplittableRandom r) {
        switch (kind) {
            case 0 -> {
                int before = v.sickLeave == null ? 0 : v.sickLeave;
                boolean hurt = in.type == IncidentType.PHYSICAL || in.type == IncidentType.THREAT_WEAPON
                        || (v.injury != null && v.injury != Injury.NONE);
                v.sickLeave = before + (hurt ? Rng.between(r, 1, 14) : Rng.between(r, 1, 5));
                return "sykmeldt " + v.sickLeave + (v.sickLeave == 1 ? " dag" : " dager");
            }
            case 1 -> {
                if (v.police == PoliceReport.BY_OFFICE) {
                    return null;
                }
                v.police = v.police == PoliceReport.BY_EMPLOYEE || Rng.chance(r, 0.6) ? PoliceReport.BY_OFFICE
                        : PoliceReport.BY_EMPLOYEE;
                return v.police == PoliceReport.BY_OFFICE ? "anmeldt av kontoret" : "anmeldt av ansatt";
            }
            case 2 -> {
                if ("J".equals(v.followUp)) {
                    return null;
                }
                v.followUp = "J";
                return "oppfølgingssamtale holdt";
            }
            default -> {
                int s = v.severity;
                v.severity = s == 5 ? 4 : s == 1 ? 2 : (r.nextBoolean() ? s + 1 : s - 1);
                return "alvorlighet vurdert til " + v.severity;
            }
        }
    }

    private static int severity(SplittableRandom r, IncidentType t) {
        double[] w = switch (t) {
            case VERBAL -> new double[] {50, 35, 12, 3, 0};
            case THREAT -> new double[] {10, 35, 35, 15, 5};
            case THREAT_WEAPON -> new double[] {0, 0, 30, 45, 25};
            case SELF_HARM -> new double[] {0, 20, 40, 30, 10};
            case HARASSMENT -> new double[] {30, 45, 20, 5, 0};
            case HATE_SPEECH -> new double[] {25, 45, 25, 5, 0};
            case PROPERTY_DAMAGE -> new double[] {20, 45, 30, 5, 0};
            case PHYSICAL -> new double[] {0, 10, 35, 40, 15};
        };
        return Rng.weighted(r, w) + 1;
    }

    private static Injury injury(SplittableRandom r, IncidentType t) {
        return switch (t) {
            case PHYSICAL -> Injury.values()[Rng.weighted(r, new double[] {55, 30, 12, 3})];
            case THREAT_WEAPON -> Rng.chance(r, 0.04) ? Injury.MINOR : Injury.NONE;
            case PROPERTY_DAMAGE -> Rng.chance(r, 0.03) ? Injury.MINOR : Injury.NONE;
            default -> Rng.chance(r, 0.02) ? null : Injury.NONE;
        };
    }

    private static Integer sickLeave(SplittableRandom r, IncidentType t, Injury injury, int severity) {
        if (t == IncidentType.PHYSICAL) {
            if (injury == Injury.MEDICAL || injury == Injury.HOSPITAL) {
                return Rng.chance(r, 0.8) ? Rng.between(r, 3, 30) : 0;
            }
            if (injury == Injury.MINOR) {
                return Rng.chance(r, 0.4) ? Rng.between(r, 1, 10) : 0;
            }
            return Rng.chance(r, 0.15) ? Rng.between(r, 1, 5) : 0;
        }
        if (t == IncidentType.THREAT_WEAPON) {
            return Rng.chance(r, 0.25) ? Rng.between(r, 1, 14) : 0;
        }
        if (Rng.chance(r, 0.01)) {
            return null;
        }
        if (severity >= 4 && (t == IncidentType.THREAT || t == IncidentType.SELF_HARM)) {
            return Rng.chance(r, 0.05) ? Rng.between(r, 1, 10) : 0;
        }
        return 0;
    }

    private static PoliceReport police(SplittableRandom r, IncidentType t, int severity, int year) {
        if (Rng.chance(r, 0.01)) {
            return null;
        }
        double p = new double[] {0.01, 0.05, 0.20, 0.50, 0.80}[severity - 1];
        if (t == IncidentType.PHYSICAL || t == IncidentType.THREAT_WEAPON) {
            p = Math.min(0.95, p + 0.2);
        }
        if (!Rng.chance(r, p)) {
            return PoliceReport.NONE;
        }
        double byOffice = year < 2018 ? 0.25 : 0.60;
        return Rng.chance(r, byOffice) ? PoliceReport.BY_OFFICE : PoliceReport.BY_EMPLOYEE;
    }

    private static String occurredText(SplittableRandom r, LocalDateTime t) {
        return Rng.chance(r, NORWEGIAN_TIMESTAMP_SHARE) ? Fmt.NO_TS.format(t) : Fmt.ts(t);
    }

    private static Row row(Incident in, Version v, SplittableRandom r) {
        Employer employer = in.unit.staffEmployer(in.staff);
        return new Row(FORMAT)
                .set("hendelse_id", in.id)
                .set("versjon_tidspunkt", Fmt.ts(v.time))
                .set("registrert_tidspunkt", Fmt.ts(in.reported))
                .set("hendelse_tidspunkt", occurredText(r, in.occurred))
                .set("enhet_nr", in.unit.id)
                .set("hendelsestype", in.type.name())
                .set("kanal", in.channel.name())
                .set("alvorlighet", Integer.toString(v.severity))
                .set("personskade", v.injury == null ? "" : v.injury.name())
                .set("sykefravaer_dager", v.sickLeave == null ? "" : v.sickLeave.toString())
                .set("politianmeldt", v.police == null ? "" : v.police.name())
                .set("alarm_utlost", v.alarm)
                .set("oppfolging", v.followUp)
                .set("melder_ansattnr", in.unit.staffIdent(in.staff))
                .set("melder_arbeidsgiver", employer.name())
                .set("beskrivelse", v.description);
    }

    /** One defect (two rows for a duplicate conflict) filed on {@code day} with the fresh id {@code id}. */
    private List<String[]> defectRows(DefectReason reason, String id, LocalDate day, SplittableRandom r) {
        List<Unit> units = catalog.units();
        Incident in = new Incident();
        in.id = id;
        in.unit = units.get(r.nextInt(units.size()));
        ChannelStrategyStage stage = in.unit.stage(YearMonth.from(day));
        double[] tw = new double[TYPES.length];
        double[] cw = new double[CHANNELS.length];
        for (int c = 0; c < CHANNELS.length; c++) {
            cw[c] = channelWeight(in.unit, stage, CHANNELS[c]);
        }
        in.channel = CHANNELS[Rng.weighted(r, cw)];
        for (int t = 0; t < TYPES.length; t++) {
            tw[t] = compatible(TYPES[t], in.channel) ? typeWeight(TYPES[t]) : 0;
        }
        in.type = TYPES[Rng.weighted(r, tw)];
        in.reported = officeTime(r, day);
        in.occurred = in.reported.minusHours(Rng.between(r, 1, 48)).withSecond(0);
        in.staff = r.nextInt(in.unit.staffCount);
        firstVersion(in, r);
        Version v = in.versions.get(0);
        Row row = row(in, v, r).set("hendelse_tidspunkt", Fmt.ts(in.occurred));
        List<String[]> out = new ArrayList<>(2);
        switch (reason) {
            case UNKNOWN_OFFICE -> row.set("enhet_nr", catalog.unknownOfficeId(r));
            case UNPARSEABLE_VALUE -> {
                switch (r.nextInt(4)) {
                    case 0 -> row.set("hendelse_tidspunkt", "31.02." + day.getYear() + " 25:61");
                    case 1 -> row.set("hendelse_tidspunkt", "i går");
                    case 2 -> row.set("hendelse_tidspunkt", "forrige uke");
                    default -> row.set("alvorlighet", "høy");
                }
            }
            case MISSING_MANDATORY -> {
                String[] mandatory = {"hendelsestype", "enhet_nr", "kanal", "melder_ansattnr", "alvorlighet",
                        "hendelse_tidspunkt"};
                row.set(Rng.pick(r, mandatory), "");
            }
            case INVALID_CODE -> {
                switch (r.nextInt(3)) {
                    case 0 -> row.set("hendelsestype", "SPARK");
                    case 1 -> row.set("kanal", "FAX");
                    default -> row.set("kanal", "BREV");
                }
            }
            case FUTURE_DATE -> row.set("hendelse_tidspunkt",
                    Fmt.ts(in.reported.plusDays(Rng.between(r, 31, 400)).withSecond(0)));
            case DUPLICATE_CONFLICT -> {
                Row twin = row.copy();
                int s = v.severity;
                twin.set("alvorlighet", Integer.toString(s == 5 ? 4 : s + 1));
                out.add(twin.values());
            }
            case ENCODING_ERROR -> row.set("beskrivelse", Descriptions.withLatin1Byte(v.description));
        }
        out.add(0, row.values());
        return out;
    }
}
