package no.trygg.jobs.gold;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import no.trygg.jobs.TryggVersion;
import no.trygg.jobs.gold.disclosure.AdditiveRelations;
import no.trygg.jobs.gold.disclosure.CellKey;
import no.trygg.jobs.gold.disclosure.CellProtection;
import no.trygg.jobs.gold.disclosure.DisclosureRules;
import no.trygg.jobs.gold.disclosure.Relation;
import no.trygg.jobs.gold.disclosure.SurveyProtection;
import no.trygg.jobs.gold.marts.Breakdown;
import no.trygg.jobs.gold.marts.Dimension;
import no.trygg.jobs.gold.marts.Flags;
import no.trygg.jobs.gold.marts.IncidentCells;
import no.trygg.jobs.gold.marts.IncidentRates;
import no.trygg.jobs.gold.marts.MeasuresCoverage;
import no.trygg.jobs.gold.marts.NationalMonthly;
import no.trygg.jobs.gold.marts.OfficeFunnel;
import no.trygg.jobs.gold.marts.Periods;
import no.trygg.jobs.gold.marts.ReportingRatios;
import no.trygg.jobs.gold.marts.SurveyIndicators;
import no.trygg.jobs.silver.SilverInputs;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;

/**
 * Silver to gold: the marts, with disclosure control applied before anything is written. Gold is rebuilt
 * from silver, each mart replaced in one commit labelled with the silver build it came from, the code version
 * and the disclosure thresholds; when none of these changed the job does nothing. It reads silver only when
 * every silver table agrees on the build (a crash can leave them one build apart until the next run).
 */
public final class GoldBuildJob {

    public record Result(boolean rebuilt, String builtFrom, Map<String, Long> rowsPerTable, Map<String, Long> suppressedPerTable) {
    }

    private final Warehouse warehouse;
    private final Consumer<String> progress;
    private final DisclosureRules rules;

    public GoldBuildJob(Warehouse warehouse, Consumer<String> progress) {
        this.warehouse = warehouse;
        this.progress = progress;
        this.rules = warehouse.config().disclosure();
    }

    /** The one silver build all silver tables agree on ({@link SilverInputs#build}); fails clearly when they do not. */
    public String silverBuild() {
        SilverInputs.Build build = SilverInputs.build(warehouse);
        return build.label().orElseThrow(() -> new IllegalStateException("Silver is incomplete (tables not from one build: "
                + build.disagreeing() + "); run the pipeline again to finish the silver build before building gold"));
    }

    public String currentInputs() {
        return inputs(silverSnapshots());
    }

    private String inputs(String silverSnapshots) {
        return "silver=" + Integer.toHexString(silverBuild().hashCode()) + ";" + silverSnapshots + ";code=" + TryggVersion.get()
                + ";rules=" + rules.describe();
    }

    private String silverSnapshots() {
        return SilverTables.ALL.stream().map(t -> t + "@" + warehouse.snapshotId(Warehouse.SILVER, t)).collect(Collectors.joining(","));
    }

    public boolean upToDate(String inputs) {
        return warehouse.allBuiltFrom(Warehouse.GOLD, GoldTables.ALL, inputs);
    }

    public Result run(String runId) {
        String snapshots = silverSnapshots();
        String inputs = inputs(snapshots);
        if (upToDate(inputs)) {
            progress.accept("  gold is up to date with silver: nothing to rebuild");
            return new Result(false, inputs, counts(), Map.of());
        }
        Dataset<Row> history = read(SilverTables.OFFICE_HISTORY).persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> incidents = IncidentCells.incidentsWithOffice(read(SilverTables.INCIDENTS), history)
                .persist(StorageLevel.MEMORY_AND_DISK());
        Dataset<Row> exposure = IncidentCells.exposureWithOffice(read(SilverTables.OFFICE_MONTH), history)
                .persist(StorageLevel.MEMORY_AND_DISK());
        List<Dataset<Row>> cached = new ArrayList<>(List.of(history, incidents, exposure));
        try {
            Map<String, Dataset<Row>> marts = new LinkedHashMap<>();
            Map<String, Long> suppressed = new LinkedHashMap<>();

            progress.accept("  incident cells: " + IncidentRates.BREAKDOWNS.size() + " breakdowns × months, quarters, years");
            Dataset<Row> cells = withId(IncidentCells.build(Periods.explodeByPeriod(incidents, "occurred_date"),
                    Periods.explodeByPeriod(exposure, "month"), IncidentRates.BREAKDOWNS), lit(""), IncidentCells.dimensionColumns())
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(cells);
            Dataset<Row> offices = withId(OfficeFunnel.officeYears(incidents, exposure, history), lit(""), List.of("office_id"))
                    .persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(offices);
            List<Row> cellRows = cells.select(keyColumns(IncidentCells.dimensionColumns(), IncidentCells.INCIDENTS)).collectAsList();
            List<Row> officeRows = offices.select(col(Periods.GRAIN), col(Periods.PERIOD), col(CellProtection.BREAKDOWN),
                    col("office_id"), col(OfficeFunnel.OBSERVED), col(OfficeFunnel.AVG_FTE), col("county_no"), col("size_class"),
                    col("channel_strategy_stage")).collectAsList();
            Map<String, String> hidden = protectIncidents(cellRows, officeRows);
            cells = CellProtection.attach(cells, hidden);
            offices = CellProtection.attach(offices, hidden);

            Dataset<Row> rates = IncidentRates.publish(cells, rules).persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(rates);
            marts.put(GoldTables.INCIDENT_RATES, rates);
            marts.put(GoldTables.NATIONAL_MONTHLY, NationalMonthly.of(rates));
            Dataset<Row> nationalYears = rates.filter(col(Periods.GRAIN).equalTo(Periods.YEAR)
                    .and(col(IncidentCells.BREAKDOWN).equalTo(Breakdown.of().name())).and(col(IncidentRates.RATE).isNotNull()));
            marts.put(GoldTables.OFFICE_FUNNEL, OfficeFunnel.publish(offices, nationalYears));

            progress.accept("  survey cells");
            Dataset<Row> answers = SurveyIndicators.answersWithGroups(read(SilverTables.SURVEY_ANSWERS),
                    read(SilverTables.SURVEY_RESPONDENTS), history, read(SilverTables.SURVEY_QUESTIONS)).persist(StorageLevel.MEMORY_AND_DISK());
            Dataset<Row> surveyCells = withId(SurveyIndicators.cells(answers), col("question_code"),
                    dimensionColumns(SurveyIndicators.DIMENSIONS)).persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(answers);
            cached.add(surveyCells);
            Map<String, String> hiddenSurvey = protectSurvey(surveyCells);
            surveyCells = CellProtection.attach(surveyCells, hiddenSurvey);
            marts.put(GoldTables.SURVEY_INDICATORS, SurveyIndicators.publish(surveyCells));
            marts.put(GoldTables.REPORTING_RATIO, ReportingRatios.publish(cells, surveyCells, ReportingRatios.staff(exposure)));

            progress.accept("  security measures at each year end");
            Dataset<Row> officeMeasures = MeasuresCoverage.officeMeasuresAt(read(SilverTables.SECURITY_MEASURES), history,
                    yearEnds(exposure)).persist(StorageLevel.MEMORY_AND_DISK());
            cached.add(officeMeasures);
            marts.put(GoldTables.OFFICE_MEASURES, officeMeasures);
            // Shares are of local offices: the contact centre and NAV Kontroll have no reception to secure.
            Dataset<Row> localOffices = officeMeasures.filter(col("unit_type").equalTo("LOCAL_OFFICE"));
            marts.put(GoldTables.MEASURES_COVERAGE, MeasuresCoverage.coverage(localOffices));
            marts.put(GoldTables.MATURITY_SPREAD, MeasuresCoverage.maturitySpread(localOffices, MINIMUM_MATURITY));

            marts.put(GoldTables.DISCLOSURE_DECISIONS, CellProtection.decisions(cells.sparkSession(),
                    Map.of("incidents", hidden, "survey", hiddenSurvey)));

            Map<String, String> props = Map.of(Warehouse.BUILT_FROM, inputs, Warehouse.RUN_ID, runId);
            Map<String, Long> rows = new LinkedHashMap<>();
            for (Map.Entry<String, Dataset<Row>> m : marts.entrySet()) {
                Dataset<Row> stamped = m.getValue().withColumn(GoldTables.SILVER_SNAPSHOT, lit(snapshots))
                        .withColumn(GoldTables.CODE_VERSION, lit(TryggVersion.get())).persist(StorageLevel.MEMORY_AND_DISK());
                cached.add(stamped);
                warehouse.replace(stamped, Warehouse.GOLD, m.getKey(), props);
                long n = stamped.count();
                rows.put(m.getKey(), n);
                if (java.util.Arrays.asList(stamped.columns()).contains(Flags.FLAG)) {
                    long s = stamped.filter(col(Flags.FLAG).equalTo(Flags.SUPPRESSED)).count();
                    suppressed.put(m.getKey(), s);
                    progress.accept(String.format("  wrote gold.%-18s %,8d rows, %,6d suppressed (\":\")", m.getKey(), n, s));
                } else {
                    progress.accept(String.format("  wrote gold.%-18s %,8d rows", m.getKey(), n));
                }
            }
            return new Result(true, inputs, rows, suppressed);
        } finally {
            cached.forEach(Dataset::unpersist);
        }
    }

    /** Offices below this many measures in force are counted in the maturity spread. */
    static final int MINIMUM_MATURITY = 5;

    /**
     * Rate cells and office-year cells are protected together: a county's, size class's or stage's yearly count
     * minus the published counts of its offices must not reveal a hidden office, and vice versa. An office that
     * changed size class or stage during a year splits its count between two groups; that group-year's sum then
     * does not hold as published and is left out (what remains for an intruder is an inequality).
     */
    private Map<String, String> protectIncidents(List<Row> cellRows, List<Row> officeRows) {
        List<String> dims = IncidentCells.dimensionColumns();
        List<CellProtection.Candidate> candidates = new ArrayList<>();
        List<CellKey> keys = new ArrayList<>();
        for (Row r : cellRows) {
            CellKey k = CellProtection.key(r, "", dims);
            keys.add(k);
            candidates.add(new CellProtection.Candidate(k, r.getAs(IncidentCells.INCIDENTS), null));
        }
        List<Relation> relations = new ArrayList<>(AdditiveRelations.of(keys, IncidentCells.DIMENSIONS, IncidentRates.BREAKDOWNS));
        Map<Dimension, Map<String, String>> groupOf = new java.util.EnumMap<>(Dimension.class);
        for (Dimension d : OFFICE_GROUPS) groupOf.put(d, new HashMap<>());
        for (Row r : officeRows) {
            CellKey k = CellProtection.key(r, "", List.of("office_id"));
            double avgFte = r.getAs(OfficeFunnel.AVG_FTE);
            candidates.add(new CellProtection.Candidate(k, r.getAs(OfficeFunnel.OBSERVED),
                    avgFte < rules.minOfficeFte() ? Flags.PRIMARY_SMALL_OFFICE : null));
            for (Dimension group : OFFICE_GROUPS) {
                String value = r.getAs(group.column);
                if (value == null) continue;
                List<String> groupCell = new ArrayList<>();
                for (Dimension d : IncidentCells.DIMENSIONS) groupCell.add(d == group ? value : Dimension.TOTAL);
                groupOf.get(group).put(k.id(), new CellKey("", Periods.YEAR, k.period(), Breakdown.of(group).name(), groupCell).id());
            }
        }
        Map<String, Long> counts = new HashMap<>();
        candidates.forEach(c -> counts.put(c.key().id(), c.count()));
        int splitGroups = 0;
        for (Dimension group : OFFICE_GROUPS) {
            List<Relation> sums = AdditiveRelations.grouped(groupOf.get(group));
            List<Relation> holding = AdditiveRelations.holding(sums, counts);
            splitGroups += sums.size() - holding.size();
            relations.addAll(holding);
        }
        Map<String, String> hidden = CellProtection.decide(candidates, relations, rules.minCount(), rules.protectionWidth());
        progress.accept(String.format("  disclosure control: %,d cells, %,d sums protected (%,d office-group years left out: an office"
                + " changed group), %,d cells hidden", candidates.size(), relations.size(), splitGroups, hidden.size()));
        return hidden;
    }

    /** Office dimensions whose yearly cells are sums of the office-year cells. */
    private static final List<Dimension> OFFICE_GROUPS = List.of(Dimension.COUNTY, Dimension.SIZE_CLASS, Dimension.CHANNEL_STRATEGY_STAGE);

    /** Small groups, and for sensitive items small positive counts and their complements ({@link SurveyProtection}). */
    private Map<String, String> protectSurvey(Dataset<Row> surveyCells) {
        List<String> dims = dimensionColumns(SurveyIndicators.DIMENSIONS);
        List<Row> rows = surveyCells.select(keyColumns(dims, SurveyIndicators.RESPONDENTS, SurveyIndicators.POSITIVE, "question_code",
                "sensitive")).collectAsList();
        List<SurveyProtection.SurveyCell> cells = new ArrayList<>(rows.size());
        List<CellKey> keys = new ArrayList<>(rows.size());
        for (Row r : rows) {
            CellKey k = CellProtection.key(r, r.getAs("question_code"), dims);
            keys.add(k);
            cells.add(new SurveyProtection.SurveyCell(k, r.getAs("sensitive"), r.getAs(SurveyIndicators.RESPONDENTS),
                    r.getAs(SurveyIndicators.POSITIVE)));
        }
        List<Relation> relations = AdditiveRelations.of(keys, SurveyIndicators.DIMENSIONS, SurveyIndicators.BREAKDOWNS);
        Map<String, String> hidden = SurveyProtection.decide(cells, relations, rules);
        progress.accept(String.format("  disclosure control: %,d survey cells, %,d sums protected, %,d cells hidden",
                cells.size(), relations.size(), hidden.size()));
        return hidden;
    }

    private static Dataset<Row> withId(Dataset<Row> cells, org.apache.spark.sql.Column partition, List<String> dims) {
        return cells.withColumn(CellProtection.CELL_ID, CellProtection.id(partition, dims));
    }

    private static org.apache.spark.sql.Column[] keyColumns(List<String> dims, String... more) {
        List<String> names = new ArrayList<>(List.of(Periods.GRAIN, Periods.PERIOD, CellProtection.BREAKDOWN));
        names.addAll(dims);
        names.addAll(List.of(more));
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(org.apache.spark.sql.Column[]::new);
    }

    private static List<String> dimensionColumns(List<Dimension> dims) {
        return dims.stream().map(d -> d.column).toList();
    }

    /** 31 December of every year with staff data, or the last month's end for a year still running. */
    private static List<LocalDate> yearEnds(Dataset<Row> exposure) {
        Row range = exposure.agg(org.apache.spark.sql.functions.min("month"), org.apache.spark.sql.functions.max("month")).first();
        List<LocalDate> days = new ArrayList<>();
        if (range.isNullAt(0)) return days;
        LocalDate first = range.getDate(0).toLocalDate();
        LocalDate last = range.getDate(1).toLocalDate();
        for (int y = first.getYear(); y <= last.getYear(); y++) {
            LocalDate end = LocalDate.of(y, 12, 31);
            days.add(end.isAfter(last) ? last.plusMonths(1).minusDays(1) : end);
        }
        return days;
    }

    private Dataset<Row> read(String silverTable) {
        return warehouse.read(Warehouse.SILVER, silverTable);
    }

    private Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (String t : GoldTables.ALL) m.put(t, warehouse.exists(Warehouse.GOLD, t) ? warehouse.read(Warehouse.GOLD, t).count() : 0L);
        return m;
    }
}
