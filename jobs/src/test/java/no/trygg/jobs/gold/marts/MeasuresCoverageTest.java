package no.trygg.jobs.gold.marts;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.testing.TestWarehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * Six offices on 2023-12-31, hand-computed maturity scores (sorted 0, 2, 3, 5, 7, 9):
 * A 0101 SMALL   county 03 IMPLEMENTED   all 9 (drill 2023-03-01..2024-03-01) → 9; 8 on 2024-12-31
 * B 0102 SMALL→MEDIUM on 2023-07-01, 03, IN_PROGRESS: SIKKER_SONE MINSTD PULTALARM VEKTER POLITISAMARBEID → 5
 * C 0201 MEDIUM  county 46 IN_PROGRESS   SIKKER_SONE PULTALARM UTLOSERALARM (VEKTER ended 2023-10-01) → 3
 * D 0202 LARGE   county 46 NOT_STARTED   none → 0
 * E 0203 LARGE   county 46 IMPLEMENTED   all but POLITISAMARBEID, OVELSE → 7
 * F 0301 SMALL   county 03 NOT_STARTED   SIKKER_SONE PULTALARM (MINSTD from 2024-01-01) → 2; left 2024-06-01
 */
class MeasuresCoverageTest {

    private static final LocalDate Y2023 = LocalDate.of(2023, 12, 31);
    private static final LocalDate Y2024 = LocalDate.of(2024, 12, 31);
    private static final double EPS = 1e-9;

    private static final StructType OFFICE_HISTORY = StructType.fromDDL("office_version_key STRING, office_id STRING, "
            + "office_name STRING, unit_type STRING, municipality_no STRING, municipality_name STRING, "
            + "county_no STRING, county_name STRING, size_class STRING, channel_strategy_stage STRING, "
            + "opening_hours STRING, state_share DOUBLE, valid_from DATE, valid_to DATE, is_current BOOLEAN, "
            + "source_rows BIGINT");
    private static final StructType SECURITY_MEASURES = StructType.fromDDL("measure_id STRING, office_id STRING, "
            + "measure_code STRING, valid_from DATE, valid_to DATE, source_rows BIGINT, source_file STRING, "
            + "line_number INT");

    private static final Dataset<Row> OFFICE_MEASURES = MeasuresCoverage.officeMeasuresAt(measures(), offices(),
            List.of(Y2023, Y2024)).cache();

    private static Row office(String id, String county, String size, String stage, String from, String to) {
        String countyName = county.equals("03") ? "Oslo" : "Vestland";
        return RowFactory.create(id + "@" + from.substring(0, 7), id, "NAV " + id, "LOCAL_OFFICE", county + "01", "X",
                county, countyName, size, stage, "09-15", 0.5, Date.valueOf(from), to == null ? null : Date.valueOf(to),
                to == null, 1L);
    }

    private static Dataset<Row> offices() {
        return TestWarehouse.spark().createDataFrame(List.of(
                office("0101", "03", "SMALL", "IMPLEMENTED", "2019-01-01", null),
                office("0102", "03", "SMALL", "IN_PROGRESS", "2019-01-01", "2023-07-01"),
                office("0102", "03", "MEDIUM", "IN_PROGRESS", "2023-07-01", null),
                office("0201", "46", "MEDIUM", "IN_PROGRESS", "2019-01-01", null),
                office("0202", "46", "LARGE", "NOT_STARTED", "2019-01-01", null),
                office("0203", "46", "LARGE", "IMPLEMENTED", "2019-01-01", null),
                office("0301", "03", "SMALL", "NOT_STARTED", "2019-01-01", "2024-06-01")), OFFICE_HISTORY);
    }

    private static Dataset<Row> measures() {
        List<Row> rows = new ArrayList<>();
        for (String code : MeasuresCoverage.MEASURE_CODES) {
            if (code.equals("OVELSE")) {
                rows.add(measure(rows.size(), "0101", code, "2023-03-01", "2024-03-01"));
            } else {
                rows.add(measure(rows.size(), "0101", code, "2020-01-01", null));
            }
            if (!code.equals("POLITISAMARBEID") && !code.equals("OVELSE")) {
                rows.add(measure(rows.size(), "0203", code, "2021-05-01", null));
            }
        }
        for (String code : List.of("SIKKER_SONE", "MINSTD", "PULTALARM", "VEKTER", "POLITISAMARBEID")) {
            rows.add(measure(rows.size(), "0102", code, "2018-01-01", null));
        }
        for (String code : List.of("SIKKER_SONE", "PULTALARM", "UTLOSERALARM")) {
            rows.add(measure(rows.size(), "0201", code, "2020-06-01", null));
        }
        rows.add(measure(rows.size(), "0201", "VEKTER", "2020-06-01", "2023-10-01"));
        rows.add(measure(rows.size(), "0301", "SIKKER_SONE", "2019-01-01", null));
        rows.add(measure(rows.size(), "0301", "PULTALARM", "2019-01-01", null));
        rows.add(measure(rows.size(), "0301", "MINSTD", "2024-01-01", null));
        return TestWarehouse.spark().createDataFrame(rows, SECURITY_MEASURES);
    }

    private static Row measure(int n, String office, String code, String from, String to) {
        return RowFactory.create("M" + n, office, code, Date.valueOf(from), to == null ? null : Date.valueOf(to), 1L,
                "security_measures_2025-01-01.csv", n + 2);
    }

    private static Row officeAt(String office, LocalDate day) {
        List<Row> r = OFFICE_MEASURES.where(col("office_id").equalTo(office)
                .and(col("reference_date").equalTo(Date.valueOf(day)))).collectAsList();
        assertEquals(1, r.size(), office + " at " + day);
        return r.get(0);
    }

    @Test
    void measureEndedBeforeTheReferenceDayOrNotYetStartedIsNotInForce() {
        Row c = officeAt("0201", Y2023);
        assertFalse(c.<Boolean>getAs("has_vekter"));
        assertTrue(c.<Boolean>getAs("has_sikker_sone"));
        assertEquals(3, (int) c.getAs("maturity_score"));
        assertEquals(List.of("MINSTD", "TRYGGE_BRUKERMOTER", "VEKTER", "POLITISAMARBEID", "OVELSE", "RISIKOVURDERING"),
                c.getList(c.fieldIndex("missing_measures")));
        assertFalse(officeAt("0301", Y2023).<Boolean>getAs("has_minstd"));
        Row d = officeAt("0202", Y2023);
        assertEquals(0, (int) d.getAs("maturity_score"));
        assertEquals(MeasuresCoverage.MEASURE_CODES, d.getList(d.fieldIndex("missing_measures")));
    }

    @Test
    void drillIsInForceForItsYearThenOverdue() {
        Row a2023 = officeAt("0101", Y2023);
        assertTrue(a2023.<Boolean>getAs("has_ovelse"));
        assertEquals(9, (int) a2023.getAs("maturity_score"));
        assertEquals(List.of(), a2023.getList(a2023.fieldIndex("missing_measures")));
        Row a2024 = officeAt("0101", Y2024);
        assertFalse(a2024.<Boolean>getAs("has_ovelse"));
        assertEquals(8, (int) a2024.getAs("maturity_score"));
        assertEquals(List.of("OVELSE"), a2024.getList(a2024.fieldIndex("missing_measures")));
        assertEquals(2024, (int) a2024.getAs("year"));
    }

    @Test
    void officeIsCountedOnceWithTheVersionValidOnTheReferenceDay() {
        assertEquals(6, OFFICE_MEASURES.where(col("reference_date").equalTo(Date.valueOf(Y2023))).count());
        // 0301 left the register on 2024-06-01: no row at the end of 2024.
        assertEquals(5, OFFICE_MEASURES.where(col("reference_date").equalTo(Date.valueOf(Y2024))).count());
        Row b = officeAt("0102", Y2023);
        assertEquals("MEDIUM", b.getAs("size_class"));
        assertEquals("0102@2023-07", b.getAs("office_version_key"));

        Map<String, Long> offices = new HashMap<>();
        MeasuresCoverage.coverage(OFFICE_MEASURES).where(col("reference_date").equalTo(Date.valueOf(Y2023))
                .and(col("grouping").equalTo("size_class")).and(col("measure_code").equalTo("SIKKER_SONE")))
                .collectAsList().forEach(r -> offices.put(r.getAs("group_value"), r.getAs("offices")));
        assertEquals(Map.of("SMALL", 2L, "MEDIUM", 2L, "LARGE", 2L), offices);
    }

    @Test
    void coverageSharesEqualHandComputedValues() {
        Dataset<Row> cov = MeasuresCoverage.coverage(OFFICE_MEASURES)
                .where(col("reference_date").equalTo(Date.valueOf(Y2023)));
        // 9 groups (ALL, 3 size classes, 2 counties, 3 stages) x 9 measures.
        assertEquals(81, cov.count());
        Map<String, Double> all = new HashMap<>();
        cov.where(col("grouping").equalTo("ALL")).collectAsList().forEach(r -> {
            assertEquals(6L, (long) r.getAs("offices"));
            assertEquals("ALL", r.getAs("group_label"));
            all.put(r.getAs("measure_code"), r.getAs("share"));
        });
        Map<String, Double> expected = Map.of("SIKKER_SONE", 5 / 6.0, "MINSTD", 3 / 6.0, "TRYGGE_BRUKERMOTER", 2 / 6.0,
                "PULTALARM", 5 / 6.0, "UTLOSERALARM", 3 / 6.0, "VEKTER", 3 / 6.0, "POLITISAMARBEID", 2 / 6.0,
                "OVELSE", 1 / 6.0, "RISIKOVURDERING", 2 / 6.0);
        assertEquals(expected.keySet(), all.keySet());
        expected.forEach((code, share) -> assertEquals(share, all.get(code), EPS, code));

        Row oslo = cell(cov, "county", "03", "MINSTD");
        assertEquals("Oslo", oslo.getAs("group_label"));
        assertEquals(3L, (long) oslo.getAs("offices"));
        assertEquals(2L, (long) oslo.getAs("offices_with_measure"));
        assertEquals(2 / 3.0, oslo.getAs("share"), EPS);
        assertEquals(2 / 3.0, cell(cov, "county", "46", "SIKKER_SONE").getAs("share"), EPS);
        assertEquals(0.5, cell(cov, "size_class", "SMALL", "VEKTER").getAs("share"), EPS);
        assertEquals(0.0, cell(cov, "channel_strategy_stage", "NOT_STARTED", "MINSTD").getAs("share"), EPS);
    }

    private static Row cell(Dataset<Row> cov, String grouping, String value, String measure) {
        List<Row> r = cov.where(col("grouping").equalTo(grouping).and(col("group_value").equalTo(value))
                .and(col("measure_code").equalTo(measure))).collectAsList();
        assertEquals(1, r.size());
        return r.get(0);
    }

    @Test
    void maturitySpreadEqualsHandComputedPercentiles() {
        Dataset<Row> spread = MeasuresCoverage.maturitySpread(OFFICE_MEASURES, 5)
                .where(col("reference_date").equalTo(Date.valueOf(Y2023)));
        assertEquals(9, spread.count());
        // Scores 0, 2, 3, 5, 7, 9; type 7 position p*(n-1): p25 at 1.25 → 2 + 0.25*1 = 2.25,
        // median at 2.5 → 3 + 0.5*2 = 4, p75 at 3.75 → 5 + 0.75*2 = 6.5.
        assertSpread(spread, "ALL", 6, 26 / 6.0, 0, 2.25, 4.0, 6.5, 9, 3);
        // SMALL: A 9, F 2 (B is MEDIUM by then): 2 + 0.25*7, 5.5, 2 + 0.75*7.
        assertSpread(spread, "SMALL", 2, 5.5, 2, 3.75, 5.5, 7.25, 9, 1);
        // MEDIUM: C 3, B 5.
        assertSpread(spread, "MEDIUM", 2, 4.0, 3, 3.5, 4.0, 4.5, 5, 1);
        // County 03: A 9, B 5, F 2 → 2, 5, 9: p25 at 0.5 → 3.5, median 5, p75 at 1.5 → 7.
        assertSpread(spread, "03", 3, 16 / 3.0, 2, 3.5, 5.0, 7.0, 9, 1);
        assertEquals(5, (int) spread.first().getAs("minimum_score"));
    }

    private static void assertSpread(Dataset<Row> spread, String value, long offices, double mean, int min, double p25,
            double median, double p75, int max, long below) {
        Row r = spread.where(col("group_value").equalTo(value)).collectAsList().get(0);
        assertEquals(offices, (long) r.getAs("offices"), value);
        assertEquals(mean, r.getAs("mean"), EPS, value);
        assertEquals(min, (int) r.getAs("min"), value);
        assertEquals(p25, r.getAs("p25"), EPS, value);
        assertEquals(median, r.getAs("median"), EPS, value);
        assertEquals(p75, r.getAs("p75"), EPS, value);
        assertEquals(max, (int) r.getAs("max"), value);
        assertEquals(below, (long) r.getAs("offices_below_minimum"), value);
    }
}
