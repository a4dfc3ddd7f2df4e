package no.trygg.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.bronze.BronzeTables;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.quality.history.AnomalyWatch;
import no.trygg.quality.history.QualityTables;
import no.trygg.quality.rules.AnomalyRule;
import no.trygg.quality.rules.Level;
import no.trygg.quality.rules.Rule;
import no.trygg.quality.suites.SourceSuites;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate over real Iceberg tables: history grows per run, a volume spike is flagged, an Error blocks. */
class QualityGateTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);
    static final List<AnomalyRule> SPIKE_WATCH = AnomalyWatch.defaults().stream()
            .filter(a -> a.metric().equals(AnomalyWatch.ROWS_PER_EXPORT_FILE)).toList();

    Warehouse warehouse;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void freshWarehouse() {
        Warehouse w = TestWarehouse.fresh();
        warehouse = new Warehouse(w.spark(), w.config().withQualityAsOf(AS_OF));
    }

    /** One day's incident export of {@code count} rows, ingested by its own run; {@code type} "" makes a broken export. */
    void ingestDay(int day, int count, String type) {
        String runId = String.format("run-202512%02dT060000Z-test", day);
        String file = String.format("incidents_2025-12-%02d.csv", day);
        Timestamp at = Timestamp.valueOf(String.format("2025-12-%02d 06:00:00", day));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, String> r = new LinkedHashMap<>();
            r.put("hendelse_id", "H" + day + "-" + i);
            r.put("versjon_tidspunkt", "2025-12-" + day + "T05:00");
            r.put("registrert_tidspunkt", "2025-12-" + day + "T05:00");
            r.put("hendelse_tidspunkt", "2025-12-" + day + "T04:00");
            r.put("enhet_nr", "0301");
            r.put("hendelsestype", type);
            r.put("kanal", "RECEPTION");
            r.put("alvorlighet", "2");
            r.put("melder_ansattnr", "A" + i);
            rows.add(RowFactory.create(file, "sum-" + file, i + 2, scala.collection.JavaConverters.mapAsScalaMapConverter(r).asScala(),
                    null, "UTF-8", runId, at));
        }
        warehouse.append(warehouse.spark().createDataFrame(rows, BronzeTables.SCHEMA), Warehouse.BRONZE, "incidents", Map.of());
        warehouse.append(warehouse.spark().createDataFrame(List.of(RowFactory.create("incidents", file, "sum-" + file, (long) count, runId, at)),
                BronzeTables.INGESTED_FILES_SCHEMA), Warehouse.BRONZE, BronzeTables.INGESTED_FILES, Map.of());
    }

    QualityGate.Result gate(String runId) {
        return new QualityGate(warehouse, log::add, List.of(SourceSuites.of(SourceFormat.INCIDENTS)), SPIKE_WATCH).run(runId);
    }

    long metricRows() {
        return warehouse.read(Warehouse.QUALITY, QualityTables.METRICS).count();
    }

    QualityGate.CheckRecord spikeCheck(QualityGate.Result r) {
        return r.checks().stream().filter(c -> c.kind() == Rule.Kind.ANOMALY).findFirst().orElseThrow();
    }

    @Test
    void historyGrowsPerRunAndAVolumeSpikeIsFlagged() {
        long before = 0;
        int[] usual = {5, 4, 6, 5, 3, 6};
        for (int day = 1; day <= usual.length; day++) {
            ingestDay(day, usual[day - 1], "THREAT");
            QualityGate.Result r = gate("gate-" + day);
            assertTrue(r.passed(), () -> String.join("\n", log));
            long now = metricRows();
            assertTrue(now > before, "the metrics table grows with every run");
            before = now;
            assertEquals(day <= 5 ? QualityGate.Status.SKIPPED : QualityGate.Status.PASSED, spikeCheck(r).status(),
                    "five earlier batches are needed before a normal range means anything");
        }
        ingestDay(7, 60, "THREAT");
        QualityGate.Result spike = gate("gate-7");
        QualityGate.CheckRecord flagged = spikeCheck(spike);
        assertEquals(QualityGate.Status.FAILED, flagged.status(), flagged::toString);
        assertEquals(60.0, flagged.observed());
        assertEquals(Level.WARNING, flagged.level());
        assertTrue(spike.passed(), "an anomaly warns; it does not stop the run");
        assertTrue(log.stream().anyMatch(l -> l.startsWith("  warning: source.incidents: RowsPerExportFile")), () -> String.join("\n", log));
        assertEquals(1, warehouse.read(Warehouse.QUALITY, QualityTables.CHECK_RESULTS)
                .filter("run_id = 'gate-7' AND kind = 'ANOMALY' AND status = 'FAILED'").count(), "the verdict is stored");
    }

    @Test
    void aBrokenExportIsAnErrorWithTableConstraintObservedAndThreshold() {
        ingestDay(1, 5, "THREAT");
        assertTrue(gate("gate-1").passed());
        ingestDay(2, 8, "");
        QualityGate.Result r = gate("gate-2");
        assertFalse(r.passed());
        QualityGateException e = assertThrows(QualityGateException.class, () -> {
            throw new QualityGateException(r);
        });
        assertTrue(e.getMessage().contains(
                "source.incidents: incident_type is filled in [COMPLETENESS] observed 0.00 % of rows, required ≥ 90.0 % of rows"),
                e.getMessage());
        assertTrue(r.warnings().stream().anyMatch(c -> c.threshold().equals("≥ 99.0 % of rows")), "the Warning twin fails too");
        assertEquals(2, warehouse.read(Warehouse.QUALITY, QualityTables.CHECK_RESULTS).select("run_id").distinct().count());
    }

    @Test
    void inputSilverHeldBackStopsTheRunWithItsReason() {
        ingestDay(1, 5, "THREAT");
        String reason = "office_register: the office register snapshot of 2025-12 lacks 130 of the 260 offices of 2025-11";
        org.apache.spark.sql.types.StructType schema = new org.apache.spark.sql.types.StructType()
                .add("source", "string").add("ingest_run_id", "string").add("reason", "string");
        warehouse.replace(warehouse.spark().createDataFrame(List.of(), schema), Warehouse.SILVER, no.trygg.jobs.silver.Quarantine.TABLE,
                Map.of(no.trygg.jobs.silver.HeldBack.PROPERTY, no.trygg.jobs.silver.HeldBack.encode(List.of(reason))));
        QualityGate.Result r = gate("gate-held");
        assertFalse(r.passed());
        String message = new QualityGateException(r).getMessage();
        assertTrue(message.contains("silver.quarantine: nothing held back as implausible [PLAUSIBILITY] observed 1 held back,"
                + " required none held back (" + reason + ")"), message);

        warehouse.replace(warehouse.spark().createDataFrame(List.of(), schema), Warehouse.SILVER, no.trygg.jobs.silver.Quarantine.TABLE,
                Map.of(no.trygg.jobs.silver.HeldBack.PROPERTY, ""));
        assertTrue(gate("gate-released").passed(), () -> String.join("\n", log));
    }
}
