package no.trygg.jobs.bronze;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import no.trygg.jobs.privacy.PseudonymKey;
import no.trygg.jobs.silver.Deduplication;
import no.trygg.jobs.silver.Quarantine;
import no.trygg.jobs.silver.SilverBuildJob;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.jobs.testing.BronzeRows;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of bad source files (src/test/resources/corpus, see its README.md for the table of cases). All files
 * go through the real path in one run, as a day's exports would: ingest to bronze, then the silver build. Each
 * case then checks its outcome: loaded, quarantined with a reason at a line, or the whole file rejected with a
 * message naming it and left in place; and for every file, that no row got lost on the way.
 */
class BadSourceCorpusTest {

    /** "Now" for the future-date rules: the corpus's exports are from 2025. */
    private static final Timestamp INGESTED = BronzeRows.INGESTED;
    /** Written by the set-up rather than kept in git: a 1 MB field. */
    private static final String HUGE = "incidents/incidents_2025-11-05.csv";
    private static final int HUGE_DESCRIPTION = 1_000_000;
    private static final int HUGE_CODE = 100_000;
    /** Entries that are not files, made by the set-up: git keeps no dangling links, loops or directories named .csv. */
    private static final String DANGLING_LINK = "incidents/incidents_2025-11-12.csv";
    private static final String LINK_LOOP = "incidents/incidents_2025-11-13.csv";
    private static final String DIRECTORY = "incidents/incidents_2025-11-14.csv";
    /** Two versions of one report in two files (the autumn fold): their rows balance together, not file by file. */
    private static final List<String> FOLD_FILES = List.of("incidents/incidents_2025-10-26.csv", "incidents/incidents_2025-10-27.csv");

    private static Warehouse warehouse;
    private static Path sources;
    private static final List<String> log = new ArrayList<>();
    private static List<BronzeIngestJob.SourceResult> ingested;

    @BeforeAll
    static void ingestTheCorpusAndBuildSilver() throws IOException {
        warehouse = TestWarehouse.fresh();
        sources = warehouse.config().sourcesDir();
        for (String file : corpusFiles().toList()) {
            Path to = sources.resolve(file);
            Files.createDirectories(to.getParent());
            if (!file.equals(HUGE)) Files.copy(corpus().resolve(file), to);
        }
        String header = String.join(";", SourceFormat.INCIDENTS.headers());
        Files.writeString(sources.resolve(HUGE), header + "\n"
                + incident("H2025-220001", "THREAT", "x".repeat(HUGE_DESCRIPTION)) + "\n"
                + incident("H2025-220002", "T".repeat(HUGE_CODE), "Trusler") + "\n", StandardCharsets.UTF_8);
        Files.createSymbolicLink(sources.resolve(DANGLING_LINK), sources.resolve("incidents/no-such-export.csv"));
        Files.createSymbolicLink(sources.resolve(LINK_LOOP), sources.resolve(LINK_LOOP).getFileName());
        Files.createDirectories(sources.resolve(DIRECTORY));

        ingested = new BronzeIngestJob(warehouse, log::add).run("run-corpus", INGESTED);
        new SilverBuildJob(warehouse, PseudonymKey.fromSecret("corpus-test-key-0123456789abcdefghijklmnop"), log::add)
                .run("run-corpus");
    }

    private static String incident(String id, String type, String description) {
        return id + ";2025-11-05T15:00:00;2025-11-05T14:00:00;2025-11-05T09:10:00;0301;" + type
                + ";RECEPTION;2;NONE;0;NONE;N;J;A100001;STATE;" + description;
    }

    // ---- every file -------------------------------------------------------------------------------------------

    /** Every corpus file by its path under the sources folder, e.g. incidents/incidents_2025-02-03.csv. */
    static Stream<String> corpusFiles() {
        try (Stream<Path> walk = Files.walk(corpus())) {
            List<String> files = new ArrayList<>(walk.filter(Files::isRegularFile)
                    .map(p -> corpus().relativize(p).toString()).filter(p -> p.contains("/")).sorted().toList());
            files.add(HUGE);
            return files.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("corpusFiles")
    void everyFileIsLoadedOrRejectedWholeAndNoRowIsLost(String file) {
        SourceFormat source = sourceOf(file);
        Path path = sources.resolve(file);
        SourceFileReader reader = new SourceFileReader(source);
        if (rejection(file).isPresent()) {
            assertTrue(Files.exists(path), "a rejected file stays in place for a re-run");
            assertThrows(SourceFileReader.RejectedFileException.class, () -> reader.checkReadable(path));
            assertEquals(0, bronze(file).count(), "nothing of a rejected file reaches bronze");
            assertEquals(0, ingestedFiles(file).count(), "a rejected file is not logged as loaded, so a re-run reads it");
            return;
        }
        // The reader itself throws nothing on a readable file, whatever is wrong inside it.
        int records = assertDoesNotThrow(() -> reader.read(path)).records().size();
        long bronze = bronze(file).count();
        assertEquals(records, bronze, "every record the reader returns is in bronze");
        assertEquals(1, ingestedFiles(file).count(), "the file is logged as loaded");
        // Rows balance per file, except where one entity's rows come in several files: the versions of one report
        // (the autumn fold) and the register's monthly snapshots, which the office history merges.
        List<String> group = source == SourceFormat.OFFICE_REGISTER
                ? corpusFiles().filter(f -> sourceOf(f) == SourceFormat.OFFICE_REGISTER).toList()
                : FOLD_FILES.contains(file) ? FOLD_FILES : List.of(file);
        long bronzeRows = group.stream().mapToLong(f -> bronze(f).count()).sum();
        long represented = source == SourceFormat.OFFICE_REGISTER ? silverSourceRows(file, source)
                : group.stream().mapToLong(f -> silverSourceRows(f, source)).sum();
        long quarantined = group.stream().mapToLong(f -> quarantine(f).size()).sum();
        assertEquals(bronzeRows, represented + quarantined,
                "bronze rows = silver source rows + quarantine rows");
    }

    // ---- encodings and line ends ------------------------------------------------------------------------------

    @Test
    void latin1FileIsReadAsWindows1252WithItsLetters() {
        String file = "incidents/incidents_2025-02-03.csv";
        assertLoaded(file, 3);
        assertEquals("windows-1252", bronzeRow(file, 2).getAs("file_encoding"));
        assertEquals("Bruker truet med å komme tilbake", record(bronzeRow(file, 2)).get("beskrivelse"));
        assertEquals("Kjeftet på ansatt i mottaket på Bærum", record(bronzeRow(file, 3)).get("beskrivelse"));
    }

    @Test
    void windows1252FileKeepsTheCharactersLatin1Lacks() {
        String file = "incidents/incidents_2025-02-04.csv";
        assertLoaded(file, 2);
        assertEquals("windows-1252", bronzeRow(file, 2).getAs("file_encoding"));
        assertEquals("Krevde 5000 € – ellers «skulle det smelle»", record(bronzeRow(file, 2)).get("beskrivelse"));
        assertEquals("Brukerens ’venn’ ødela skranken", record(bronzeRow(file, 3)).get("beskrivelse"));
    }

    @Test
    void officeRegisterInItsOwnWindows1252Encoding() {
        List<String> names = warehouse.read(Warehouse.SILVER, SilverTables.OFFICE_HISTORY).orderBy("office_id")
                .select("office_name").as(org.apache.spark.sql.Encoders.STRING()).collectAsList();
        assertEquals(List.of("NAV Gamle Oslo", "NAV Bærum"), names);
    }

    @Test
    void utf8WithBomLosesTheBomAndKeepsTheFirstColumn() {
        String file = "incidents/incidents_2025-02-05.csv";
        assertLoaded(file, 1);
        Row r = bronzeRow(file, 2);
        assertEquals("UTF-8-BOM", r.getAs("file_encoding"));
        assertEquals("H2025-030001", record(r).get("hendelse_id"));
    }

    @Test
    void invalidByteInAUtf8FileQuarantinesOnlyItsRow() {
        String file = "incidents/incidents_2025-11-10.csv";
        assertEquals(2, silverRows(file));
        assertQuarantined(file, 4, "ENCODING_ERROR", "line 4 has bytes that are not valid UTF-8");
        assertEquals("Truet ansatt på Grünerløkka", record(bronzeRow(file, 2)).get("beskrivelse"));
    }

    @Test
    void crlfLineEndsCountLinesLikeLf() {
        String file = "incidents/incidents_2025-02-06.csv";
        assertLoaded(file, 2);
        assertEquals(List.of(2, 4), bronzeLines(file), "the first row's quoted description spans lines 2–3");
        assertEquals("Første linje\nandre linje", record(bronzeRow(file, 2)).get("beskrivelse"));
    }

    // ---- separators and quoting -------------------------------------------------------------------------------

    @Test
    void commaSeparatedFileIsReadLikeSemicolons() {
        String file = "incidents/incidents_2025-02-07.csv";
        assertLoaded(file, 2);
        assertEquals("Ropte, slo i bordet; gikk", record(bronzeRow(file, 2)).get("beskrivelse"));
    }

    @Test
    void quotedNewlinesStayInTheirFieldAndRowsKeepTheLineTheyStartOn() {
        String file = "incidents/incidents_2025-02-10.csv";
        assertLoaded(file, 3);
        assertEquals(List.of(2, 3, 6), bronzeLines(file));
        assertEquals("Linje en\nlinje to\nlinje tre", record(bronzeRow(file, 3)).get("beskrivelse"));
    }

    // ---- truncated, empty and header-only files ---------------------------------------------------------------

    @Test
    void truncatedLastLineIsQuarantinedAsMalformed() {
        String file = "incidents/incidents_2025-02-11.csv";
        assertEquals(2, silverRows(file));
        assertQuarantined(file, 4, "MALFORMED_ROW", "line 4 has 6 fields, the header has 16");
    }

    @Test
    void lastLineCutInsideAQuoteIsQuarantinedFromThereToTheEnd() {
        String file = "incidents/incidents_2025-02-12.csv";
        assertEquals(2, silverRows(file));
        assertQuarantined(file, 4, "MALFORMED_ROW", "cannot split rows from line 4 to the end of the file");
    }

    @Test
    void emptyFileIsRejectedAsAFailedExport() {
        String message = rejection("incidents/incidents_2025-02-13.csv").orElseThrow();
        assertTrue(message.contains("the file is empty or blank (0 bytes, no header line)"), message);
    }

    @Test
    void headerOnlyFileIsAQuietDay() {
        String file = "incidents/incidents_2025-02-14.csv";
        assertEquals(0, bronze(file).count());
        assertEquals(0L, (long) ingestedFiles(file).first().<Long>getAs("rows"), "logged with 0 rows, so it is not read again");
    }

    // ---- schema drift -----------------------------------------------------------------------------------------

    @Test
    void extraColumnIsKeptInBronzeAndReported() {
        String file = "incidents/incidents_2025-02-17.csv";
        assertLoaded(file, 2);
        assertEquals("2025-02-20T12:00:00", record(bronzeRow(file, 2)).get("lukket_tidspunkt"));
        assertSchemaDrift(file, "line 1 has column(s) the incidents format does not know, kept in bronze only: lukket_tidspunkt");
    }

    @Test
    void missingOptionalColumnsLoadAsEmptyAndAreReported() {
        String file = "incidents/incidents_2025-02-18.csv";
        assertLoaded(file, 2);
        assertTrue(silver(file).filter(col("alarm_triggered").isNotNull().or(col("follow_up").isNotNull())).isEmpty());
        assertSchemaDrift(file, "line 1 lacks optional column(s) alarm_utlost, oppfolging: empty in silver");
    }

    @Test
    void rowsWithTooManyOrTooFewFieldsAreQuarantinedAtTheirLine() {
        String file = "incidents/incidents_2025-02-19.csv";
        assertEquals(1, silverRows(file));
        assertQuarantined(file, 3, "MALFORMED_ROW", "line 3 has 17 fields, the header has 16");
        assertQuarantined(file, 4, "MALFORMED_ROW", "line 4 has 15 fields, the header has 16");
    }

    @Test
    void renamedMandatoryColumnRejectsTheFile() {
        String message = rejection("incidents/incidents_2025-02-20.csv").orElseThrow();
        assertTrue(message.contains("line 1 is not a incidents header; missing column(s) enhet_nr"), message);
        assertTrue(message.contains("enhetsnr"), "the message shows the header found: " + message);
    }

    @Test
    void renamedOptionalColumnKeepsItsValueInBronzeAndIsReported() {
        String file = "incidents/incidents_2025-02-21.csv";
        assertLoaded(file, 1);
        assertEquals("3", record(bronzeRow(file, 2)).get("sykefravær_dager"));
        assertTrue(silver(file).first().isNullAt(silver(file).first().fieldIndex("sick_leave_days")));
        assertSchemaDrift(file, "line 1 has column(s) the incidents format does not know, kept in bronze only: sykefravær_dager");
        assertSchemaDrift(file, "line 1 lacks optional column(s) sykefravaer_dager: empty in silver");
    }

    @Test
    void onlyTheDriftFilesHaveSchemaDriftInTheIngestResult() {
        List<String> drifted = ingested.stream().flatMap(r -> r.schemaDrift().stream())
                .map(note -> note.substring(0, note.indexOf(": "))).distinct().sorted().toList();
        assertEquals(List.of("incidents/incidents_2025-02-17.csv", "incidents/incidents_2025-02-18.csv",
                "incidents/incidents_2025-02-21.csv"), drifted);
    }

    // ---- duplicates -------------------------------------------------------------------------------------------

    @Test
    void conflictingDuplicatesAreQuarantinedExactRepeatsMergeAndTheNewestVersionWins() {
        String file = "incidents/incidents_2025-02-24.csv";
        assertQuarantined(file, 2, "DUPLICATE_CONFLICT", "occurs in 2 rows with different content");
        assertQuarantined(file, 3, "DUPLICATE_CONFLICT", "occurs in 2 rows with different content");
        List<Row> kept = silver(file).orderBy("incident_id").collectAsList();
        assertEquals(List.of("H2025-160002", "H2025-160003"), kept.stream().map(r -> r.<String>getAs("incident_id")).toList());
        assertEquals(2L, (long) kept.get(0).<Long>getAs(Deduplication.SOURCE_ROWS), "an exact repeat merges into one row");
        assertEquals(3, (int) kept.get(1).<Integer>getAs("severity"), "the newer version wins");
        assertEquals(2, (int) kept.get(1).<Integer>getAs(Deduplication.VERSION_COUNT));
    }

    // ---- dates and times --------------------------------------------------------------------------------------

    @Test
    void fiveTimeFormatsAreReadAndOthersQuarantined() {
        String file = "incidents/incidents_2025-02-25.csv";
        long expected = Instant.parse("2025-02-25T08:10:00Z").getEpochSecond(); // 09:10 winter time
        List<Row> kept = silver(file).orderBy("incident_id").select(col("occurred_at").cast("long")).collectAsList();
        assertEquals(5, kept.size());
        kept.forEach(r -> assertEquals(expected, r.getLong(0)));
        assertQuarantined(file, 7, "UNPARSEABLE_VALUE", "column hendelse_tidspunkt: '25/02/2025 09:10' is not a time");
        assertQuarantined(file, 8, "UNPARSEABLE_VALUE", "'2025-02-25T09:10:00+01:00' is not a time");
        assertQuarantined(file, 9, "UNPARSEABLE_VALUE", "'25.02.2025' is not a time");
        assertQuarantined(file, 10, "UNPARSEABLE_VALUE", "'2025-02-25 09.10' is not a time");
    }

    @Test
    void springForwardTimeThatDoesNotExistReadsAsTheClockBeforeTheChange() {
        String file = "incidents/incidents_2025-03-30.csv";
        assertLoaded(file, 3);
        assertEquals(List.of(Instant.parse("2025-03-30T00:59:00Z"), Instant.parse("2025-03-30T01:30:00Z"),
                Instant.parse("2025-03-30T01:00:00Z")), occurredAt(file), "01:59 CET, 02:30 → 03:30 CEST, 03:00 CEST");
    }

    @Test
    void fallBackTimeThatOccursTwiceReadsAsTheFirst() {
        String file = "incidents/incidents_2025-10-26.csv";
        assertLoaded(file, 2);
        Instant firstOccurrence = Instant.parse("2025-10-26T00:30:00Z"); // 02:30 CEST, an hour before 02:30 CET
        assertEquals(List.of(firstOccurrence, firstOccurrence), occurredAt(file));
    }

    @Test
    void aVersionSavedInTheRepeatedHourAndDeliveredNextDayIsTheNewest() {
        // 02:40 the first time (00:40 UTC) in the day's file; 02:10 the second time (01:10 UTC) in the next day's file.
        Row newest = warehouse.read(Warehouse.SILVER, SilverTables.INCIDENTS).filter(col("incident_id").equalTo("H2025-190003")).first();
        assertEquals(4, (int) newest.<Integer>getAs("severity"), "the later version wins");
        assertEquals(Instant.parse("2025-10-26T01:10:00Z"), newest.<Timestamp>getAs("version_time").toInstant(), "read as 02:10 CET");
        assertEquals(2, (int) newest.<Integer>getAs(Deduplication.VERSION_COUNT));
        assertEquals("incidents/incidents_2025-10-27.csv", newest.getAs("source_file"));
        assertLoaded("incidents/incidents_2025-10-27.csv", 1);
    }

    @Test
    void futureDatesAreQuarantined() {
        String file = "incidents/incidents_2025-11-03.csv";
        assertEquals(1, silverRows(file));
        assertQuarantined(file, 2, "FUTURE_DATE", "hendelse_tidspunkt 2052-11-03 09:10:00 is after the report was saved");
        assertQuarantined(file, 3, "FUTURE_DATE", "hendelse_tidspunkt 2026-11-03 09:10:00 is in the future");
        assertQuarantined(file, 4, "FUTURE_DATE", "versjon_tidspunkt 2026-11-03 15:00:00 is in the future");
    }

    // ---- offices ----------------------------------------------------------------------------------------------

    @Test
    void unknownOfficesAreQuarantinedWithTheDateTheyWereLookedUpAt() {
        String file = "incidents/incidents_2025-11-04.csv";
        assertEquals(1, silverRows(file));
        assertQuarantined(file, 2, "UNKNOWN_OFFICE", "enhet_nr 9999 is not in the office register at 2025-11-04");
        assertQuarantined(file, 3, "UNPARSEABLE_VALUE", "column enhet_nr: '301' is not a unit number (4 digits; a leading zero lost?)");
        assertQuarantined(file, 4, "UNKNOWN_OFFICE", "enhet_nr 0301 is not in the office register at 2024-12-20");
    }

    @Test
    void unknownOfficeInTheMonthlyFiguresIsQuarantined() {
        String file = "office_month/office_month_2025.csv";
        assertEquals(5, silverRows(file));
        assertQuarantined(file, 4, "UNKNOWN_OFFICE", "enhet_nr 9999 is not in the office register at 2025-01-01");
    }

    @Test
    void absurdFteIsQuarantinedAndHoldsThePublicationBack() {
        String file = "office_month/office_month_2025.csv";
        assertQuarantined(file, 8, "IMPLAUSIBLE_VALUE",
                "arsverk 1,000,000,000.0 is far outside this office's months (median 58.2 over 5 months; limit × or ÷ 10)");
        assertQuarantined(file, 9, "IMPLAUSIBLE_VALUE", "arsverk 80.0 is more than the 10 employees (ansatte) can work in a month");
        // No plausible figure replaces them, so those rates would lose their denominator: the gate must stop.
        List<String> heldBack = heldBack(warehouse);
        assertEquals(1, heldBack.size(), heldBack.toString());
        assertTrue(heldBack.get(0).startsWith("office_month: 2 office-month(s) have only an implausible FTE or headcount"), heldBack.get(0));
        assertTrue(heldBack.get(0).contains("3201 2025-02 (office_month/office_month_2025.csv line 9), 0301 2025-05 (office_month/office_month_2025.csv line 8)"),
                heldBack.get(0));
    }

    @Test
    void officeNumberWithoutItsLeadingZeroIsNoNewOfficeAndControlCharactersMakeNoVersion() {
        String file = "office_register/office_register_2025-02.csv";
        assertQuarantined(file, 4, "UNPARSEABLE_VALUE", "column enhet_nr: '104' is not a unit number (4 digits; a leading zero lost?)");
        // 3201's February row says "NAV Bærum\0": with the NUL removed it is January's office, one version.
        List<Row> bærum = warehouse.read(Warehouse.SILVER, SilverTables.OFFICE_HISTORY).filter(col("office_id").equalTo("3201")).collectAsList();
        assertEquals(1, bærum.size());
        assertEquals("NAV Bærum", bærum.get(0).getAs("office_name"));
        assertEquals(2, warehouse.read(Warehouse.SILVER, SilverTables.OFFICE_HISTORY).count(), "no office 104");
    }

    // ---- security measures -----------------------------------------------------------------------------------

    @Test
    void unknownMeasureCodeIsQuarantined() {
        String file = "security_measures/security_measures_2025-03-31.csv";
        assertEquals(2, silverRows(file));
        assertQuarantined(file, 3, "INVALID_CODE", "column tiltak_kode: 'VAKTHUND' is not in the code list (SIKKER_SONE, ");
    }

    @Test
    void measureDatesThatAreNoDatesAreQuarantined() {
        String file = "security_measures/security_measures_2025-06-30.csv";
        assertEquals(1, silverRows(file));
        assertQuarantined(file, 3, "UNPARSEABLE_VALUE", "column gyldig_fra: '2025-02-29' is not a date");
        assertQuarantined(file, 4, "UNPARSEABLE_VALUE", "column gyldig_fra: '31.06.2025' is not a date");
        assertQuarantined(file, 5, "UNPARSEABLE_VALUE", "column gyldig_fra: '01.02.25' is not a date");
    }

    @Test
    void measureEndingBeforeItStartsIsQuarantined() {
        String file = "security_measures/security_measures_2025-09-30.csv";
        assertEquals(1, silverRows(file));
        assertQuarantined(file, 3, "OUT_OF_RANGE", "gyldig_til 2025-03-01 is before gyldig_fra 2025-09-01");
    }

    @Test
    void measureAtAnUnknownOfficeIsQuarantined() {
        String file = "security_measures/security_measures_2025-12-31.csv";
        assertEquals(1, silverRows(file));
        assertQuarantined(file, 3, "UNKNOWN_OFFICE", "enhet_nr 9999 is not in the office register");
        assertQuarantined(file, 4, "UNPARSEABLE_VALUE", "column enhet_nr: '301' is not a unit number");
    }

    // ---- staff survey -----------------------------------------------------------------------------------------

    @Test
    void surveyAnswersOffTheirScaleQuarantineTheRespondent() {
        String file = "staff_survey/staff_survey_2025.csv";
        assertEquals(2, silverRows(file));
        assertEquals("UTF-8-BOM", bronzeRow(file, 2).getAs("file_encoding"));
        assertQuarantined(file, 4, "INVALID_CODE", "column trygg_paa_jobb: '6' is not in the code list (1, 2, 3, 4, 5)");
        assertQuarantined(file, 5, "INVALID_CODE", "column kjenner_tiltak: '4,5' is not in the code list (1, 2, 3, 4, 5)");
        assertQuarantined(file, 6, "INVALID_CODE", "column utsatt_12mnd: 'Vet ikke' is not J or N");
        // The two loaded respondents' answers: 3 Likert + 6 J/N, and 3 Likert + 5 J/N (meldt_hendelse not asked).
        // A quarantined respondent's answers must not reach the long table either.
        assertEquals(17, warehouse.read(Warehouse.SILVER, SilverTables.SURVEY_ANSWERS).count());
    }

    @Test
    void surveyFromBeforeTheRegisterKnowsTheOfficesIsQuarantined() {
        String file = "staff_survey/staff_survey_2024.csv";
        assertEquals(0, silverRows(file));
        assertQuarantined(file, 2, "UNKNOWN_OFFICE", "enhet_nr 0301 is not in the office register at 2024-10-01");
        assertQuarantined(file, 3, "UNKNOWN_OFFICE", "enhet_nr 3201 is not in the office register at 2024-10-01");
    }

    // ---- huge fields and files that are not CSV ---------------------------------------------------------------

    @Test
    void hugeFieldsAreKeptAndNotEchoedWhole() {
        assertEquals(1, silverRows(HUGE));
        assertEquals(HUGE_DESCRIPTION, record(bronzeRow(HUGE, 2)).get("beskrivelse").length());
        Row q = assertQuarantined(HUGE, 3, "INVALID_CODE", "... (" + HUGE_CODE + " characters)' is not in the code list");
        assertTrue(q.<String>getAs("reason_detail").length() < 300, "the detail stays readable");
    }

    @Test
    void binaryFileIsRejected() {
        String message = rejection("incidents/incidents_2025-11-06.csv").orElseThrow();
        assertTrue(message.contains("not a CSV text file (binary content)"), message);
    }

    @Test
    void textThatIsNotThisSourceIsRejectedWithTheMissingColumns() {
        String message = rejection("incidents/incidents_2025-11-07.csv").orElseThrow();
        assertTrue(message.contains("line 1 is not a incidents header; missing column(s) hendelse_id"), message);
    }

    @Test
    void fileWhoseLineBreaksWereLostIsRejectedWithoutEchoingItsValues() {
        String message = rejection("incidents/incidents_2025-11-11.csv").orElseThrow();
        assertTrue(message.contains("line 1 has 46 fields, the incidents format has 16 columns: the line breaks look lost"), message);
        for (String value : List.of("K482913", "k482913", "H2025-23", "Trusler", "trusler")) {
            assertTrue(!message.contains(value), () -> "the message echoes a value: " + message);
        }
    }

    @Test
    void entriesThatAreNotFilesAreRejectedWithTheirReason() {
        assertTrue(rejection(DANGLING_LINK).orElseThrow().endsWith("a symbolic link whose target does not exist"));
        assertTrue(rejection(LINK_LOOP).orElseThrow().endsWith("a symbolic link that loops (too many levels of links)"));
        assertTrue(rejection(DIRECTORY).orElseThrow().contains("a directory, not an export file"));
    }

    @Test
    void everyRejectionIsLoggedWithItsFileAndTheAdviceToReRun() {
        assertEquals(List.of("incidents/incidents_2025-02-13.csv", "incidents/incidents_2025-02-20.csv",
                "incidents/incidents_2025-11-06.csv", "incidents/incidents_2025-11-07.csv", "incidents/incidents_2025-11-11.csv",
                DANGLING_LINK, LINK_LOOP, DIRECTORY), rejectedFiles(ingested));
        ingested.stream().flatMap(r -> r.rejected().stream()).forEach(m -> assertLogged("    REJECTED " + m + " (left in place; fix and re-run)"));
    }

    // ---- a register snapshot cut off ---------------------------------------------------------------------------

    @Test
    void registerSnapshotCutInHalfIsHeldBackAndARealClosureStillCloses() throws IOException {
        // One silver build over three months (a build costs seconds): the pending case, where the gate stops because
        // the cut snapshot is the newest, is PipelineIT's, with gold left as it was.
        Warehouse own = TestWarehouse.fresh();
        Path dir = own.config().sourcesDir().resolve("office_register");
        Files.createDirectories(dir);
        writeRegister(dir, "2025-01", 40);
        writeRegister(dir, "2025-02", 20); // delivered cut in half
        writeRegister(dir, "2025-03", 39); // the whole register again, with one office really closed
        List<String> runLog = new ArrayList<>();
        new BronzeIngestJob(own, runLog::add).run("run-cut", INGESTED);
        new SilverBuildJob(own, PseudonymKey.fromSecret("corpus-test-key-0123456789abcdefghijklmnop"), runLog::add).run("run-cut");

        assertTrue(runLog.contains("  SUSPECT SNAPSHOT the office register snapshot of 2025-02 lacks 20 of the 40 offices of 2025-01"
                + " (50.0 %, more than the 5 % limit): held back as cut off, not read as 20 closures"), String.join("\n", runLog));
        assertEquals(20, own.read(Warehouse.SILVER, Quarantine.TABLE).filter(col("reason").equalTo("SUSPECT_SNAPSHOT")).count());
        assertEquals(List.of(), heldBack(own), "a whole snapshot after the cut one: nothing left in doubt");
        Dataset<Row> offices = own.read(Warehouse.SILVER, SilverTables.OFFICE_HISTORY);
        assertEquals(40, offices.count(), "one version each: the cut snapshot closed nothing and reopened nothing");
        assertEquals(39, offices.filter(col("is_current")).count());
        // Closed after the last snapshot that had it and was not held back.
        assertEquals(java.sql.Date.valueOf("2025-02-01"), offices.filter(col("office_id").equalTo("1039")).first().getAs("valid_to"));
    }

    /** A register snapshot of offices 1000, 1001, … ({@code offices} of them). */
    private static void writeRegister(Path dir, String month, int offices) throws IOException {
        StringBuilder csv = new StringBuilder(String.join(";", SourceFormat.OFFICE_REGISTER.headers())).append('\n');
        for (int i = 0; i < offices; i++) {
            csv.append(month).append(';').append(1000 + i).append(";NAV Test ").append(i)
                    .append(";LOCAL_OFFICE;0301;Oslo;03;Oslo;30,0;0,5;IN_PROGRESS;;\n");
        }
        Files.writeString(dir.resolve("office_register_" + month + ".csv"), csv, StandardCharsets.UTF_8);
    }

    private static List<String> heldBack(Warehouse in) {
        return no.trygg.jobs.silver.HeldBack.decode(in.snapshotProperty(Warehouse.SILVER, Quarantine.TABLE,
                no.trygg.jobs.silver.HeldBack.PROPERTY).orElse(null));
    }

    // ---- a rejected file, fixed in place ----------------------------------------------------------------------

    @Test
    void rejectedFileFixedInPlaceIsLoadedByTheNextRun() throws IOException {
        // A warehouse and sources folder of its own: the shared corpus run must keep seeing the broken file.
        Warehouse own = TestWarehouse.fresh();
        String file = "incidents/incidents_2025-02-20.csv";
        Path path = own.config().sourcesDir().resolve(file);
        Files.createDirectories(path.getParent());
        Files.copy(corpus().resolve(file), path);
        List<String> runLog = new ArrayList<>();
        BronzeIngestJob job = new BronzeIngestJob(own, runLog::add);

        assertEquals(List.of(file), rejectedFiles(job.run("run-broken", INGESTED)));
        assertTrue(runLog.stream().anyMatch(l -> l.startsWith("    REJECTED " + file + ": ")), String.join("\n", runLog));
        assertEquals(0, bronze(own, file).count());
        assertEquals(0, ingestedFiles(own, file).count());

        byte[] fixed = withMandatoryColumnNamedAgain(Files.readAllBytes(path));
        Files.write(path, fixed); // same name, same place: what an operator does after the REJECTED line
        List<BronzeIngestJob.SourceResult> rerun = job.run("run-fixed", Timestamp.valueOf("2026-01-16 12:00:00"));

        assertEquals(List.of(), rejectedFiles(rerun));
        assertEquals(1, bronze(own, file).count(), "the file's one row is in bronze");
        assertEquals("0301", record(bronze(own, file).first()).get("enhet_nr"));
        Row logged = ingestedFiles(own, file).first();
        assertEquals(SourceFileReader.sha256(path), logged.getAs("file_checksum"), "the fixed content is what was loaded");
        assertEquals(1L, (long) logged.<Long>getAs("rows"));
    }

    /** The fix for incidents_2025-02-20.csv: its header says enhetsnr where the format has enhet_nr; rows unchanged. */
    private static byte[] withMandatoryColumnNamedAgain(byte[] broken) {
        // ISO-8859-1 maps every byte to one char and back, so the rest of the file stays byte for byte.
        String text = new String(broken, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains(";enhetsnr;"));
        return text.replaceFirst(";enhetsnr;", ";enhet_nr;").getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> rejectedFiles(List<BronzeIngestJob.SourceResult> results) {
        return results.stream().flatMap(r -> r.rejected().stream()).map(m -> m.substring(0, m.indexOf(": "))).toList();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Path corpus() {
        try {
            return Path.of(BadSourceCorpusTest.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SourceFormat sourceOf(String file) {
        String folder = file.substring(0, file.indexOf('/'));
        return Arrays.stream(SourceFormat.values()).filter(s -> s.folder.equals(folder)).findFirst().orElseThrow();
    }

    /** The run's rejection message for a file ("incidents/x.csv: why"), if it was rejected. */
    private static Optional<String> rejection(String file) {
        return ingested.stream().flatMap(r -> r.rejected().stream()).filter(m -> m.startsWith(file + ": ")).findFirst();
    }

    private static Dataset<Row> bronze(String file) {
        return bronze(warehouse, file);
    }

    private static Dataset<Row> bronze(Warehouse in, String file) {
        return in.read(Warehouse.BRONZE, BronzeTables.tableOf(sourceOf(file))).filter(col("source_file").equalTo(file));
    }

    private static Row bronzeRow(String file, int line) {
        return bronze(file).filter(col("line_number").equalTo(line)).first();
    }

    private static List<Integer> bronzeLines(String file) {
        return bronze(file).orderBy("line_number").select("line_number").as(org.apache.spark.sql.Encoders.INT()).collectAsList();
    }

    private static Map<String, String> record(Row bronzeRow) {
        return scala.collection.JavaConverters.mapAsJavaMap(bronzeRow.getAs("record"));
    }

    private static Dataset<Row> ingestedFiles(String file) {
        return ingestedFiles(warehouse, file);
    }

    private static Dataset<Row> ingestedFiles(Warehouse in, String file) {
        return in.read(Warehouse.BRONZE, BronzeTables.INGESTED_FILES).filter(col("source_file").equalTo(file));
    }

    private static List<Row> quarantine(String file) {
        return warehouse.read(Warehouse.SILVER, Quarantine.TABLE).filter(col("source_file").equalTo(file))
                .orderBy("line_number").collectAsList();
    }

    private static String silverTableOf(SourceFormat source) {
        return switch (source) {
            case INCIDENTS -> SilverTables.INCIDENTS;
            case OFFICE_MONTH -> SilverTables.OFFICE_MONTH;
            case OFFICE_REGISTER -> SilverTables.OFFICE_HISTORY;
            case SECURITY_MEASURES -> SilverTables.SECURITY_MEASURES;
            case STAFF_SURVEY -> SilverTables.SURVEY_RESPONDENTS;
        };
    }

    /** Silver rows that came from the file (every silver table of a source but the office history keeps source_file). */
    private static Dataset<Row> silver(String file) {
        return warehouse.read(Warehouse.SILVER, silverTableOf(sourceOf(file))).filter(col("source_file").equalTo(file));
    }

    private static long silverRows(String file) {
        return silver(file).count();
    }

    /** The bronze rows the file's silver rows stand for; the office history has no file column: all register files. */
    private static long silverSourceRows(String file, SourceFormat source) {
        Dataset<Row> rows = warehouse.read(Warehouse.SILVER, silverTableOf(source));
        if (source != SourceFormat.OFFICE_REGISTER) rows = rows.filter(col("source_file").equalTo(file));
        Row total = rows.agg(sum(Deduplication.SOURCE_ROWS)).first();
        return total.isNullAt(0) ? 0 : total.getLong(0);
    }

    private static List<Instant> occurredAt(String file) {
        return silver(file).orderBy("incident_id").select(col("occurred_at").cast("long")).collectAsList().stream()
                .map(r -> Instant.ofEpochSecond(r.getLong(0))).toList();
    }

    private static void assertLoaded(String file, int rows) {
        assertEquals(List.of(), quarantine(file).stream().map(r -> r.getAs("line_number") + " " + r.getAs("reason_detail")).toList());
        assertEquals(rows, silverRows(file));
    }

    private static Row assertQuarantined(String file, int line, String reason, String detailPart) {
        Row q = quarantine(file).stream().filter(r -> r.<Integer>getAs("line_number") == line).findFirst()
                .orElseThrow(() -> new AssertionError(file + " line " + line + " is not in quarantine"));
        assertEquals(reason, q.getAs("reason"), () -> "detail: " + q.getAs("reason_detail"));
        assertTrue(q.<String>getAs("reason_detail").contains(detailPart), () -> q.getAs("reason_detail"));
        return q;
    }

    /** The note is in the ingest result (for the run summary and record) and in the run log. */
    private static void assertSchemaDrift(String file, String note) {
        String line = file + ": " + note;
        List<String> drift = ingested.stream().flatMap(r -> r.schemaDrift().stream()).toList();
        assertTrue(drift.contains(line), () -> "not in the ingest result: " + line + "\nresult:\n" + String.join("\n", drift));
        assertLogged("SCHEMA DRIFT " + line);
    }

    private static void assertLogged(String line) {
        assertTrue(log.stream().anyMatch(l -> l.contains(line)), () -> "not logged: " + line + "\nlog:\n" + String.join("\n", log));
    }
}
