package no.trygg.pipelines;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.year;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import no.trygg.generator.DefectReason;
import no.trygg.generator.GenerationSummary;
import no.trygg.generator.GeneratorOptions;
import no.trygg.generator.Manifest;
import no.trygg.generator.SourceGenerator;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.gold.marts.Flags;
import no.trygg.publish.dashboards.ChartData;
import no.trygg.publish.dashboards.ChartSpec;
import no.trygg.publish.dashboards.DashboardDefinitions;
import no.trygg.publish.dashboards.DashboardSpec;
import no.trygg.publish.dashboards.StaticDashboardJob;
import no.trygg.jobs.privacy.PseudonymKey;
import no.trygg.jobs.silver.Quarantine;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.quality.Conservation;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The whole path on generated data with defects, re-exports and re-runs, on both catalogs. Expected
 * numbers come from the generator's manifest, which it computes independently of the pipeline.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PipelineIT {

    private static final PseudonymKey KEY = PseudonymKey.fromSecret("pipeline-it-key-0123456789abcdefghijkl");
    private Path sources;
    private Manifest manifest;

    @BeforeAll
    void generate() throws Exception {
        sources = TestWarehouse.root().resolve("pipeline-it-sources");
        GenerationSummary g = new SourceGenerator(new GeneratorOptions(7, 2019, 2021, 0.1, 0.02, sources)).generate(s -> { });
        manifest = g.manifest();
    }

    private Warehouse warehouse(String catalogUri) {
        Warehouse w = TestWarehouse.fresh(catalogUri);
        return new Warehouse(w.spark(), w.config().withSourcesDir(sources));
    }

    @Test
    void sqliteCatalogLoadsEverythingQuarantinesDefectsAndRerunsAsNoOp() throws Exception {
        Warehouse w = warehouse(null);
        Pipeline.Summary first = new Pipeline(w, KEY).run(s -> { });
        assertNumbersMatchTheManifest(w, first);
        for (Pipeline.Step step : Pipeline.Step.values()) {
            assertTrue(first.stepWork().get(step).jobs() > 0 && first.stepWork().get(step).sqlExecutions() > 0,
                    step + " started Spark work: " + first.stepWork().get(step));
        }
        assertNoPeopleOrFreeTextInSilver(w);
        assertGoldMatchesTheManifestAndLeaksNothing(w);
        assertEveryDashboardChartFindsItsColumnsAndRows(w);
        QuarterlyReportCheck.assertReportShowsTheMarts(w, no.trygg.publish.report.Quarter.parse("2021Q3"),
                TestWarehouse.root().resolve("pipeline-it-report"));

        // Same input again: nothing new is read and no table gets a new snapshot.
        Map<String, String> before = Pipeline.tableSnapshots(w);
        Pipeline.Summary again = new Pipeline(w, KEY).run(s -> { });
        assertEquals(0, again.ingest().stream().mapToInt(r -> r.filesNew()).sum());
        assertFalse(again.silver().rebuilt());
        assertTrue(again.stepWork().get(Pipeline.Step.SILVER).jobs() < first.stepWork().get(Pipeline.Step.SILVER).jobs(),
                "a silver with nothing new to do costs fewer jobs: " + again.stepWork() + " against " + first.stepWork());
        assertEquals(before, Pipeline.tableSnapshots(w), "re-running the same input changes no table");

        // A later export with an update of an existing incident and a new one: the update wins by its version time.
        Row existing = w.read(Warehouse.SILVER, SilverTables.INCIDENTS).orderBy("incident_id").first();
        String id = existing.getAs("incident_id");
        Path late = sources.resolve("incidents").resolve("incidents_2022-01-03.csv");
        String header = String.join(";", SourceFormat.INCIDENTS.headers());
        String office = existing.getAs("office_id");
        Files.writeString(late, header + "\n"
                + id + ";2022-01-03T09:00:00;2021-01-01T10:00:00;" + fmt(existing.getAs("occurred_at")) + ";" + office
                + ";" + existing.getAs("incident_type") + ";" + existing.getAs("channel") + ";5;NONE;14;BY_OFFICE;J;J;A000001;STATE;oppdatert\n"
                + "HNEW-1;2022-01-03T10:00:00;2022-01-03T10:00:00;2021-12-30T14:00:00;" + office
                + ";THREAT;PHONE;2;NONE;0;NONE;N;N;A000002;STATE;ny\n", StandardCharsets.UTF_8);
        Pipeline.Summary third = new Pipeline(w, KEY).run(s -> { });
        assertEquals(1, third.ingest().stream().mapToInt(r -> r.filesNew()).sum());
        assertTrue(third.conservation().holds());
        Row updated = w.read(Warehouse.SILVER, SilverTables.INCIDENTS).filter(col("incident_id").equalTo(id)).first();
        assertEquals(5, (int) updated.getAs("severity"));
        assertEquals(14, (int) updated.getAs("sick_leave_days"));
        assertEquals(manifest.source(SourceFormat.INCIDENTS).expectedSilverRows() + 1,
                w.read(Warehouse.SILVER, SilverTables.INCIDENTS).count());
        Files.delete(late);

        // The next register snapshot delivered cut in half: held back, the gate stops, and what is published stays.
        Path cut = sources.resolve("office_register").resolve("office_register_2022-01.csv");
        List<String> december = Files.readAllLines(sources.resolve("office_register").resolve("office_register_2021-12.csv"),
                java.nio.charset.Charset.forName("windows-1252"));
        List<String> half = new java.util.ArrayList<>(List.of(december.get(0)));
        december.stream().skip(1).limit((december.size() - 1) / 2).map(l -> l.replaceFirst("^2021-12;", "2022-01;")).forEach(half::add);
        Files.write(cut, half, java.nio.charset.Charset.forName("windows-1252"));
        Map<String, String> published = published(w);
        no.trygg.quality.QualityGateException stop = org.junit.jupiter.api.Assertions.assertThrows(
                no.trygg.quality.QualityGateException.class, () -> new Pipeline(w, KEY).run(s -> { }));
        assertTrue(stop.getMessage().contains("held back as cut off, not read as"), stop.getMessage());
        assertEquals(published, published(w), "gold and the research views are as before the cut snapshot");
        Files.delete(cut);
    }

    /** Snapshot ids of what readers see: gold and the research views. */
    private static Map<String, String> published(Warehouse w) {
        Map<String, String> all = new java.util.TreeMap<>(Pipeline.tableSnapshots(w));
        all.keySet().removeIf(k -> k.startsWith(Warehouse.BRONZE + ".") || k.startsWith(Warehouse.SILVER + "."));
        return all;
    }

    @Test
    void postgresCatalogGivesTheSameTables() {
        String url = System.getenv("TRYGG_TEST_PG_URL");
        if (System.getenv("CI") != null) {
            assertTrue(url != null, "CI runs bin/test, which starts PostgreSQL and sets TRYGG_TEST_PG_URL");
        }
        assumeTrue(url != null, "TRYGG_TEST_PG_URL not set: run bin/test to start PostgreSQL");
        // Through silver: gold and the research views on PostgreSQL are built and read by the cli module's shared
        // warehouse (Trino, Superset, export) and compared with an uninterrupted run by the kill test.
        Warehouse pg = warehouse(url);
        Pipeline.Summary s = new Pipeline(pg, KEY).run(x -> { }, null, Pipeline.Step.SILVER);
        assertNumbersMatchTheManifest(pg, s);
        Map<String, String> before = Pipeline.tableSnapshots(pg);
        assertFalse(new Pipeline(pg, KEY).run(x -> { }, null, Pipeline.Step.SILVER).silver().rebuilt());
        assertEquals(before, Pipeline.tableSnapshots(pg));
    }

    private void assertNumbersMatchTheManifest(Warehouse w, Pipeline.Summary s) {
        assertTrue(s.conservation().holds(), "bronze = silver + quarantine for every source");
        assertEquals(0, s.rejectedFiles());
        for (SourceFormat f : SourceFormat.values()) {
            Manifest.SourceStats m = manifest.source(f);
            Conservation.SourceBalance b = s.conservation().balances().stream().filter(x -> x.source() == f).findFirst().orElseThrow();
            assertEquals(m.rows(), b.bronzeRows(), f + ": every data row reaches bronze");
            assertEquals(m.defectRows(), b.quarantinedRows(), f + ": exactly the defective rows are quarantined");
            Map<String, Long> expected = new TreeMap<>();
            m.defects().forEach((reason, n) -> { if (n > 0) expected.put(reason.name(), n); });
            assertEquals(expected, new TreeMap<>(s.silver().quarantineBySourceAndReason().getOrDefault(f.folder, Map.of())),
                    f + ": quarantine reasons");
            if (f != SourceFormat.OFFICE_REGISTER) {
                assertEquals(m.expectedSilverRows(), b.silverRows(), f + ": silver rows");
            }
        }
        // Published reference numbers: distinct incidents per year, and sick-leave days of the newest versions.
        Map<Integer, Long> perYear = new TreeMap<>();
        Map<Integer, Long> sickLeave = new TreeMap<>();
        for (Row r : w.read(Warehouse.SILVER, SilverTables.INCIDENTS).groupBy(year(col("occurred_at")).as("y"))
                .agg(org.apache.spark.sql.functions.count("*"), sum("sick_leave_days")).collectAsList()) {
            perYear.put(r.getInt(0), r.getLong(1));
            sickLeave.put(r.getInt(0), r.isNullAt(2) ? 0L : r.getLong(2));
        }
        assertEquals(manifest.incidentsPerYear().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().longValue(), (a, b) -> a, TreeMap::new)), perYear);
        assertEquals(new TreeMap<>(manifest.sickLeaveDaysPerYear()), sickLeave);
        long currentVersions = w.read(Warehouse.SILVER, SilverTables.OFFICE_HISTORY).filter("is_current").count();
        assertEquals(manifest.units().values().stream().mapToInt(Integer::intValue).sum(), currentVersions,
                "one current office version per unit");
    }

    private static void assertNoPeopleOrFreeTextInSilver(Warehouse w) {
        Set<String> forbidden = Set.of("description", "beskrivelse", "reporter_id", "respondent_id", "melder_ansattnr");
        for (String t : SilverTables.ALL) {
            for (String c : w.read(Warehouse.SILVER, t).columns()) {
                assertFalse(forbidden.contains(c), "silver." + t + " has column " + c);
            }
        }
        List<String> rawIds = w.read(Warehouse.BRONZE, "incidents").selectExpr("record['melder_ansattnr']")
                .distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(0, w.read(Warehouse.SILVER, SilverTables.INCIDENTS)
                .filter(col("reporter_pseudonym").isin(rawIds.toArray())).count(), "no raw employee number in silver");
        long leaked = w.read(Warehouse.SILVER, Quarantine.TABLE)
                .filter("map_contains_key(record, 'beskrivelse') OR map_contains_key(record, 'melder_ansattnr')"
                        + " OR map_contains_key(record, 'respondent_id')").count();
        assertEquals(0, leaked, "quarantine keeps no free text or person ids");

        // No person's id of the sources in any column of quarantine, also not quoted in a reason: the generator plants
        // conflicting duplicates of survey answers, whose key is the respondent's id (the control: they are there).
        Dataset<Row> quarantine = w.read(Warehouse.SILVER, Quarantine.TABLE);
        assertTrue(quarantine.filter("source = 'staff_survey' AND reason = 'DUPLICATE_CONFLICT'").count() > 0,
                "survey conflicts reach quarantine");
        List<String> people = w.read(Warehouse.BRONZE, "staff_survey").selectExpr("record['respondent_id'] AS id")
                .union(w.read(Warehouse.BRONZE, "incidents").selectExpr("record['melder_ansattnr'] AS id"))
                .filter("length(id) >= 4").distinct().as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertTrue(people.size() > 100, "ids to look for: " + people.size());
        Dataset<Row> text = quarantine.selectExpr("concat_ws(' ', source, source_file, reason, reason_detail, to_json(record)) AS text");
        Set<String> ids = Set.copyOf(people);
        List<String> found = text.as(org.apache.spark.sql.Encoders.STRING()).collectAsList().stream()
                .flatMap(line -> ids.stream().filter(line::contains)).distinct().toList();
        assertEquals(List.of(), found, "person ids quoted in silver.quarantine");
    }

    /** Unsuppressed national totals equal the generator's truth; no differencing recovers a hidden cell; no person in gold. */
    /** The dashboard definitions against real published tables: columns, filter values, and the static page. */
    private void assertEveryDashboardChartFindsItsColumnsAndRows(Warehouse w) throws Exception {
        for (DashboardSpec d : DashboardDefinitions.load()) {
            for (ChartSpec c : d.charts()) {
                assertTrue(w.exists(c.schema(), c.table()), c.name() + ": " + c.dataset() + " is published");
                Set<String> columns = Set.of(w.read(c.schema(), c.table()).columns());
                for (String column : c.readColumns()) assertTrue(columns.contains(column), c.name() + " reads " + column + " of " + c.dataset());
                // Whether any office lies beyond the 99.8 % limits depends on the data; every other selection must find rows.
                if (c.filters().containsKey("position")) continue;
                ChartData data = StaticDashboardJob.read(w, c);
                assertFalse(data.isEmpty(), c.name() + ": the filters " + c.filters() + " select rows of " + c.dataset());
            }
        }
        Path page = StaticDashboardJob.write(w, TestWarehouse.root().resolve("pipeline-it-dashboard"), line -> { });
        String html = Files.readString(page);
        for (DashboardSpec d : DashboardDefinitions.load()) assertTrue(html.contains("id=\"" + d.slug() + "\""), d.slug());
    }

    private void assertGoldMatchesTheManifestAndLeaksNothing(Warehouse w) {
        Dataset<Row> rates = w.read(Warehouse.GOLD, GoldTables.INCIDENT_RATES).cache();
        Map<Integer, Long> national = new TreeMap<>();
        for (Row r : rates.filter("period_grain = 'YEAR' AND breakdown = 'national'").collectAsList()) {
            national.put(Integer.parseInt(r.getAs("period")), r.getAs("incidents"));
        }
        assertEquals(manifest.incidentsPerYear().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getValue().longValue(), (a, b) -> a, TreeMap::new)), national, "national yearly incidents = generator truth");
        long monthsSummed = rates.filter("period_grain = 'MONTH' AND breakdown = 'national' AND period LIKE '2020-%'")
                .agg(sum("incidents")).first().getLong(0);
        assertEquals(manifest.incidentsPerYear().get(2020).longValue(), monthsSummed, "the twelve national months add up to the year");

        // An intruder with every published table: differencing, then an LP solver that must find no hidden cell pinned
        // and no primary cell in a range under 3 wide; incidents with offices, then the survey's group sizes and, for
        // sensitive items, positive answers and their complements.
        Set<String> reasons = Set.copyOf(w.read(Warehouse.GOLD, GoldTables.DISCLOSURE_DECISIONS).select("reason")
                .as(org.apache.spark.sql.Encoders.STRING()).collectAsList());
        // The controls: what the rules protect is in the data (the generator's security officers make small groups).
        assertTrue(reasons.containsAll(Set.of(Flags.PRIMARY_SMALL_COUNT, Flags.PRIMARY_SMALL_GROUP, Flags.PRIMARY_SENSITIVE_ANSWERS)),
                "every primary rule hides cells: " + reasons);
        for (PublishedTablesIntruder.Finding f : PublishedTablesIntruder.attack(w, 3)) {
            assertTrue(f.hiddenCells() > 0, f.quantity() + ": hidden cells to attack");
            assertEquals(Map.of(), f.recovered(), f.quantity() + " recovered from " + f.relations() + " published sums");
            assertEquals(Map.of(), f.pinned(), f.quantity() + ": hidden cells an LP intruder pins down (primaries need a range of 3)");
        }
        assertEquals(0, w.read(Warehouse.GOLD, GoldTables.SURVEY_INDICATORS)
                .filter("sensitive AND (positive_answers IN (1, 2) OR respondents - positive_answers IN (1, 2))").count(),
                "no sensitive item published with 1–2 positive answers or all but 1–2");

        for (String t : GoldTables.ALL) {
            for (String c : w.read(Warehouse.GOLD, t).columns()) {
                assertFalse(c.contains("pseudonym") || c.contains("respondent_id") || c.contains("description"), "gold." + t + " has " + c);
            }
        }
        assertEquals(0, rates.filter("flag = ':' AND (incidents IS NOT NULL OR rate_per_100_fte IS NOT NULL OR rate_ci95_lower IS NOT NULL)")
                .count(), "a suppressed cell shows neither count nor rate nor interval");
        assertEquals(0, rates.filter("incidents IN (1, 2)").count(), "no published count of 1 or 2");
    }

    private static String fmt(Object timestamp) {
        return ((java.sql.Timestamp) timestamp).toLocalDateTime().toString();
    }
}
