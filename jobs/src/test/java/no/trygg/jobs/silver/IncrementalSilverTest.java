package no.trygg.jobs.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.bronze.BronzeIngestJob;
import no.trygg.jobs.privacy.PseudonymKey;
import no.trygg.jobs.testing.BronzeRows;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

/**
 * Daily runs that rebuild only what their new files touch must leave silver exactly as a full rebuild over the same
 * files leaves it. Two warehouses get the same files day by day (the corpus of bad source files, plus a re-export that
 * moves a report to another office and month and a rejected file fixed the next day): one runs the silver build as a
 * daily run does, the other rebuilds all of silver. After the incremental day every silver table and the quarantine's
 * labels are compared row for row. (The first day and a day with a new register are full builds either way.)
 */
class IncrementalSilverTest {

    private static final PseudonymKey KEY = PseudonymKey.fromSecret("incremental-test-key-0123456789abcdefghijklmn");
    private static final String FIXED = "incidents/incidents_2025-02-20.csv";
    private static final String REEXPORT = "incidents/incidents_2025-11-20.csv";
    private static final String INCIDENT_HEADER = "hendelse_id;versjon_tidspunkt;registrert_tidspunkt;hendelse_tidspunkt;enhet_nr;"
            + "hendelsestype;kanal;alvorlighet;personskade;sykefravaer_dager;politianmeldt;alarm_utlost;oppfolging;melder_ansattnr;"
            + "melder_arbeidsgiver;beskrivelse";

    private final Warehouse daily = TestWarehouse.fresh();
    private final Warehouse full = TestWarehouse.fresh();

    @Test
    void aDailyRunEqualsAFullRebuildOverTheSameFiles() throws IOException {
        List<String> log = day(1, List.of("office_register/office_register_2025-01.csv", "office_month/office_month_2025.csv",
                "staff_survey/staff_survey_2024.csv", "security_measures/security_measures_2025-03-31.csv",
                "incidents/incidents_2025-02-03.csv", "incidents/incidents_2025-02-04.csv", "incidents/incidents_2025-02-05.csv",
                "incidents/incidents_2025-02-10.csv", "incidents/incidents_2025-02-13.csv", "incidents/incidents_2025-02-24.csv",
                "incidents/incidents_2025-10-26.csv", FIXED), Map.of(), false);
        assertFalse(log.stream().anyMatch(l -> l.contains("rebuilding their silver tables")), "the first run builds everything");

        // New incidents, among them yesterday's rejected file delivered again (fixed), the second version of a report
        // in the autumn fold, and a re-export that moves a February report to another office and to November; a late
        // survey and more security measures. The office register and the FTE figures bring nothing new.
        Map<String, String> before = snapshots(daily);
        log = day(2, List.of("incidents/incidents_2025-02-11.csv", "incidents/incidents_2025-02-17.csv",
                "incidents/incidents_2025-02-25.csv", "incidents/incidents_2025-03-30.csv", "incidents/incidents_2025-10-27.csv",
                "incidents/incidents_2025-11-03.csv", "incidents/incidents_2025-11-04.csv", "staff_survey/staff_survey_2025.csv",
                "security_measures/security_measures_2025-06-30.csv", "security_measures/security_measures_2025-09-30.csv"),
                Map.of(FIXED, fixedExport(), REEXPORT, INCIDENT_HEADER + "\n"
                        + "H2025-160003;2025-11-20T15:00:00;2025-11-20T14:00:00;2025-11-19T09:10:00;3201;THREAT;PHONE;3;NONE;0;NONE;N;J;"
                        + "A100002;STATE;Flyttet til Bærum\n"), true);
        Map<String, String> after = snapshots(daily);
        assertTrue(log.stream().anyMatch(l -> l.contains("new bronze rows in security_measures, incidents, staff_survey: rebuilding")),
                String.join("\n", log));
        for (String t : SilverTables.ALL) {
            boolean kept = t.equals(SilverTables.OFFICE_HISTORY) || t.equals(SilverTables.OFFICE_MONTH);
            assertEquals(kept, before.get(t).equals(after.get(t)), t + (kept ? " is left as it was" : " is rebuilt"));
        }
        Row moved = daily.read(Warehouse.SILVER, SilverTables.INCIDENTS).filter("incident_id = 'H2025-160003'").first();
        assertEquals("3201", moved.getAs("office_id"));
        assertEquals(java.sql.Date.valueOf("2025-11-19"), moved.getAs("occurred_date"));
        assertEquals(3, (int) moved.getAs(Deduplication.VERSION_COUNT));

        // The same input again changes nothing.
        assertFalse(new SilverBuildJob(daily, KEY, s -> { }).run("run-again").rebuilt());
        assertEquals(after, snapshots(daily));

        // A new register snapshot changes the office history every table is resolved against: all of silver is stale.
        // Until it is rebuilt, silver is still one consistent build, so gold can be built from it.
        Path register = daily.config().sourcesDir().resolve("office_register/office_register_2025-02.csv");
        Files.copy(corpus().resolve("office_register/office_register_2025-02.csv"), register);
        new BronzeIngestJob(daily, s -> { }).run("run-day-3", BronzeRows.INGESTED);
        SilverBuildJob job = new SilverBuildJob(daily, KEY, s -> { });
        assertEquals(java.util.EnumSet.allOf(no.trygg.schemas.sources.SourceFormat.class), SilverInputs.stale(daily, job.inputs(), false));
        assertFalse(job.upToDate(job.currentInputs()));
        assertTrue(SilverInputs.build(daily).label().isPresent(), "silver is still one build: " + SilverInputs.build(daily).disagreeing());
    }

    /**
     * Copies the day's files into the sources and ingests them; builds silver as a daily run does and, with {@code compare},
     * in the other warehouse (which has had every earlier day's files too) by a full rebuild, and compares the two.
     */
    private List<String> day(int n, List<String> corpusFiles, Map<String, String> written, boolean compare) throws IOException {
        List<String> log = new ArrayList<>();
        for (Warehouse w : List.of(daily, full)) {
            Path sources = w.config().sourcesDir();
            for (String f : corpusFiles) {
                Files.createDirectories(sources.resolve(f).getParent());
                Files.copy(corpus().resolve(f), sources.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            for (Map.Entry<String, String> f : written.entrySet()) {
                Files.createDirectories(sources.resolve(f.getKey()).getParent());
                Files.writeString(sources.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
            }
            new BronzeIngestJob(w, s -> { }).run("run-day-" + n, BronzeRows.INGESTED);
        }
        assertTrue(new SilverBuildJob(daily, KEY, log::add).run("run-day-" + n).rebuilt());
        if (!compare) return log;
        new SilverBuildJob(full, KEY, s -> { }).run("run-day-" + n, true);
        for (String t : SilverTables.ALL) {
            assertEquals(rows(full, t), rows(daily, t), "day " + n + ": silver." + t + " equals a full rebuild");
        }
        for (String p : List.of(HeldBack.PROPERTY, FreeTextPersonalData.PROPERTY)) {
            assertEquals(full.snapshotProperty(Warehouse.SILVER, Quarantine.TABLE, p), daily.snapshotProperty(Warehouse.SILVER, Quarantine.TABLE, p),
                    "day " + n + ": " + p);
        }
        assertEquals(SilverInputs.build(full).label().isPresent(), SilverInputs.build(daily).label().isPresent());
        assertTrue(SilverInputs.build(daily).label().isPresent(), "silver is one consistent build: " + SilverInputs.build(daily).disagreeing());
        return log;
    }

    private static List<String> rows(Warehouse w, String table) {
        return w.read(Warehouse.SILVER, table).collectAsList().stream().map(Row::toString).sorted().toList();
    }

    private static Map<String, String> snapshots(Warehouse w) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String t : SilverTables.ALL) m.put(t, w.snapshotId(Warehouse.SILVER, t));
        return m;
    }

    private static String fixedExport() throws IOException {
        return Files.readString(corpus().resolve(FIXED), StandardCharsets.UTF_8).replaceFirst("enhetsnr", "enhet_nr");
    }

    private static Path corpus() {
        try {
            return Path.of(IncrementalSilverTest.class.getResource("/corpus").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
