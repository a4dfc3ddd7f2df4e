package no.trygg.pipelines;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.trygg.generator.GeneratorOptions;
import no.trygg.generator.Manifest;
import no.trygg.generator.NationalIdNumbers;
import no.trygg.generator.SourceGenerator;
import no.trygg.jobs.bronze.BronzeTables;
import no.trygg.jobs.privacy.PersonalData;
import no.trygg.jobs.privacy.PersonalDataScan;
import no.trygg.jobs.privacy.PseudonymKey;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.publish.dashboards.StaticDashboardJob;
import no.trygg.quality.report.QualityReport;
import no.trygg.quality.report.ReportWriter;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No national identity number from the sources appears anywhere but bronze: generated data (ID numbers, phone numbers
 * and e-mail addresses in the free text) plus a few rows with ID numbers in columns that would reach silver, through
 * the whole pipeline, then every row of every table outside bronze, the files the run and the publishing steps write,
 * and the run's log. First the controls: the scan finds every number in the source files and in bronze, otherwise
 * finding none later would prove nothing.
 */
@Tag("integration")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyScanIT {

    private static final String SECRET = "privacy-scan-it-key-0123456789abcdefghijk";
    private static final PseudonymKey KEY = PseudonymKey.fromSecret(SECRET);
    /** Rows written by the test, each with personal data in a column that is not free text: all go to quarantine. */
    private static final int PLANTED_ROWS = 5;
    /**
     * Why each planted row is quarantined: personal data in a text column (hendelse_id, enhet_nr) is PERSONAL_DATA;
     * in a code column (kanal, melder_arbeidsgiver) or a time it fails that column's own check, with the quote masked.
     */
    private static final Map<String, Long> PLANTED_REASONS = Map.of("PERSONAL_DATA", 2L, "INVALID_CODE", 2L, "UNPARSEABLE_VALUE", 1L);

    private Path sources;
    private List<String> planted;
    private Set<String> sourceIds;
    private Manifest manifest;

    @BeforeAll
    void generate() throws IOException {
        sources = TestWarehouse.root().resolve("privacy-scan-sources");
        manifest = new SourceGenerator(new GeneratorOptions(11, 2021, 2021, 0.1, 0.02, sources)).generate(s -> { }).manifest();
        planted = plantPersonalDataInTextColumns(sources.resolve(SourceFormat.INCIDENTS.folder));
        sourceIds = new TreeSet<>();
        for (Path f : PersonalDataScan.regularFiles(sources)) sourceIds.addAll(PersonalData.nationalIdNumbers(PersonalDataScan.read(f)));
    }

    @Test
    void noIdNumberFromTheSourcesReachesSilverGoldQualityResearchOrAnyOutput() throws IOException {
        // Control 1: the detector finds in the files every number the generator's own validator sees, and no other.
        Set<String> byGenerator = new TreeSet<>();
        Pattern eleven = Pattern.compile("(?<![0-9])[0-9]{11}(?![0-9])");
        for (Path f : PersonalDataScan.regularFiles(sources)) {
            Matcher m = eleven.matcher(PersonalDataScan.read(f));
            while (m.find()) if (NationalIdNumbers.isValid(m.group())) byGenerator.add(m.group());
        }
        assertTrue(byGenerator.size() >= 5, "the generator planted ID numbers in free text: " + byGenerator.size());
        assertTrue(sourceIds.containsAll(byGenerator), "the detector misses none of the generator's numbers");
        assertTrue(sourceIds.containsAll(planted), "and finds the planted ones, also written 'ddmmyy nnnnn'");
        sourceIds.forEach(id -> assertTrue(NationalIdNumbers.isValid(id), "only valid numbers are reported"));

        Warehouse base = TestWarehouse.fresh();
        Warehouse w = new Warehouse(base.spark(), base.config().withSourcesDir(sources));
        List<String> log = new ArrayList<>();
        Pipeline.Summary run = new Pipeline(w, KEY).run(log::add);
        for (SourceFormat f : SourceFormat.values()) {
            Map<String, Long> expected = new TreeMap<>();
            manifest.source(f).defects().forEach((reason, n) -> { if (n > 0) expected.put(reason.name(), n); });
            if (f == SourceFormat.INCIDENTS) PLANTED_REASONS.forEach((reason, n) -> expected.merge(reason, n, Long::sum));
            assertEquals(expected, new TreeMap<>(run.silver().quarantineBySourceAndReason().getOrDefault(f.folder, Map.of())),
                    f + ": the generator's defects as before, and the planted rows in quarantine");
        }
        Map<String, Long> freeText = run.silver().freeTextPersonalData().get("incidents");
        assertTrue(freeText.get("NATIONAL_ID_NUMBER") > 0 && freeText.get("PHONE_NUMBER") > 0 && freeText.get("EMAIL_ADDRESS") > 0,
                "free text with personal data is counted: " + freeText);

        // Control 2: bronze holds them all (the raw rows, as received).
        Set<String> inBronze = new TreeSet<>();
        for (String t : List.of(SourceFormat.values()).stream().map(BronzeTables::tableOf).toList()) {
            inBronze.addAll(idNumbersIn(w.read(Warehouse.BRONZE, t)));
        }
        assertTrue(inBronze.containsAll(sourceIds), "bronze keeps every number of the sources");

        List<String> scanned = PersonalDataScan.tablesOutsideBronze(w);
        assertTrue(scanned.containsAll(List.of("silver.quarantine", "silver.incidents", "silver.survey_answers",
                "gold.incident_rates", "quality.metrics")), "scanned " + scanned);
        assertTrue(scanned.stream().anyMatch(t -> t.startsWith("research.")), "scanned " + scanned);
        assertEquals(Map.of(), PersonalDataScan.tables(w), "rows with personal data outside bronze, per kind");
        // A number column would hold an ID number without its leading zero.
        List<String> needles = new ArrayList<>(sourceIds);
        sourceIds.stream().filter(id -> id.startsWith("0")).forEach(id -> needles.add(id.substring(1)));
        Map<String, Long> withSourceIds = new TreeMap<>();
        for (String t : scanned) {
            long n = PersonalDataScan.rowsContaining(w.read(t.substring(0, t.indexOf('.')), t.substring(t.indexOf('.') + 1)), needles);
            if (n > 0) withSourceIds.put(t, n);
        }
        assertEquals(Map.of(), withSourceIds, "rows with an ID number of the sources, outside bronze");

        // Files: what the run wrote (data dictionary, table metadata), the quality report and the static dashboard.
        Path home = w.config().home();
        ReportWriter.write(QualityReport.read(w, run.runId()).orElseThrow(), home.resolve("reports"));
        StaticDashboardJob.write(w, home.resolve("dashboard"), log::add);
        List<Path> tableFiles = List.of(w.config().warehouseDir(), home.resolve("catalog.db"));
        Path bronzeFiles = w.config().warehouseDir().resolve(Warehouse.BRONZE);
        List<Path> outputs = PersonalDataScan.regularFiles(home).stream().filter(f -> tableFiles.stream().noneMatch(f::startsWith)).toList();
        assertTrue(outputs.size() >= 4, "data dictionary, quality report and dashboard: " + outputs);
        assertEquals(Map.of(), PersonalDataScan.files(home, tableFiles), "output files with personal data");
        for (Path f : PersonalDataScan.regularFiles(home)) {
            if (f.startsWith(bronzeFiles)) continue;
            String text = PersonalDataScan.read(f);
            assertFalse(sourceIds.stream().anyMatch(text::contains), "an ID number of the sources in " + home.relativize(f));
            assertFalse(text.contains(SECRET), "the pseudonymisation key is in " + f);
        }
        String joined = String.join("\n", log);
        assertFalse(PersonalData.contains(joined), "the run's log: " + PersonalData.kinds(joined));
        assertFalse(joined.contains(SECRET), "the pseudonymisation key is in no log line");
    }

    /**
     * Adds an export with rows whose ID number, phone number or e-mail address sits in a column that reaches silver
     * as text; returns the ID numbers planted.
     */
    private static List<String> plantPersonalDataInTextColumns(Path incidents) throws IOException {
        SplittableRandom r = new SplittableRandom(3);
        String id = NationalIdNumbers.generate(r, LocalDate.of(1985, 3, 15), false);
        String dNumber = NationalIdNumbers.generate(r, LocalDate.of(1992, 7, 1), true);
        String inOffice = NationalIdNumbers.generate(r, LocalDate.of(1970, 12, 24), false);
        String rest = ";2021-12-30T09:00:00;2021-12-30T09:00:00;2021-12-29T14:00:00;";
        List<String> rows = List.of(
                id + rest + "0301;THREAT;PHONE;2;NONE;0;NONE;N;N;A000001;STATE;Bruker ringte",
                "HPRIV-2" + rest + "0301;THREAT;" + dNumber.substring(0, 6) + " " + dNumber.substring(6) + ";2;NONE;0;NONE;N;N;A000001;STATE;x",
                "HPRIV-3" + rest + "0301 (" + inOffice + ");THREAT;PHONE;2;NONE;0;NONE;N;N;A000001;STATE;x",
                "HPRIV-4" + rest + "0301;THREAT;PHONE;2;NONE;0;NONE;N;N;A000001;kari.nordmann@epost.no;x",
                "HPRIV-5;2021-12-30T09:00:00;2021-12-30T09:00:00;ring +47 912 34 567;0301;THREAT;PHONE;2;NONE;0;NONE;N;N;A000001;STATE;x");
        assertEquals(PLANTED_ROWS, rows.size());
        Path file = incidents.resolve("incidents_2022-02-01.csv");
        assertFalse(Files.exists(file), "a new export, not one the generator wrote");
        Files.writeString(file, String.join(";", SourceFormat.INCIDENTS.headers()) + "\n" + String.join("\n", rows) + "\n",
                StandardCharsets.UTF_8);
        return List.of(id, dNumber, inOffice);
    }

    private static List<String> idNumbersIn(Dataset<Row> table) {
        return table.select(to_json(struct(col("*")))).as(Encoders.STRING())
                .flatMap((FlatMapFunction<String, String>) json -> PersonalData.nationalIdNumbers(json).iterator(), Encoders.STRING())
                .distinct().collectAsList();
    }
}
