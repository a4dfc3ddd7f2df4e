package no.trygg.jobs.silver;

import static no.trygg.jobs.testing.BronzeRows.record;
import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Date;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.testing.BronzeRows;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class OfficeHistoryTest {

    private static Map<String, String> snapshot(String office, String period, String county, String fte, String stage) {
        return record("periode", period, "enhet_nr", office, "enhet_navn", "NAV X", "enhet_type", "LOCAL_OFFICE",
                "kommune_nr", county + "01", "kommune_navn", "X", "fylke_nr", county, "fylke_navn", "C" + county,
                "arsverk_budsjett", fte, "andel_statlig", "0.5", "kanalstrategi", stage);
    }

    @SafeVarargs
    static Dataset<Row> history(Map<String, String>... snapshots) {
        Dataset<Row> parsed = TypedColumns.parse(BronzeRows.of("r.csv", snapshots), SourceFormat.OFFICE_REGISTER);
        Deduplication.Result d = Deduplication.latest(parsed, SourceFormat.OFFICE_REGISTER.key, null,
                List.of("office_id", "period", "county_no", "budget_fte", "channel_strategy_stage"));
        return OfficeHistory.fromSnapshots(d.kept());
    }

    @Test
    void countyReformAndStageChangeStartNewVersions() {
        List<Row> v = history(
                snapshot("0101", "2019-11", "01", "30", "NOT_STARTED"),
                snapshot("0101", "2019-12", "01", "30", "NOT_STARTED"),
                snapshot("0101", "2020-01", "30", "30", "NOT_STARTED"),
                snapshot("0101", "2020-02", "30", "31", "NOT_STARTED"), // FTE drift inside the size class: no new version
                snapshot("0101", "2020-03", "30", "31", "IN_PROGRESS"),
                snapshot("0202", "2019-11", "02", "120", "IMPLEMENTED")).orderBy("office_id", "valid_from").collectAsList();
        assertEquals(4, v.size());
        Row first = v.get(0);
        assertEquals(Date.valueOf("2019-11-01"), first.getAs("valid_from"));
        assertEquals(Date.valueOf("2020-01-01"), first.getAs("valid_to"));
        assertEquals("MEDIUM", first.getAs("size_class"));
        assertEquals(2L, (long) first.getAs(Deduplication.SOURCE_ROWS));
        assertEquals("30", v.get(1).getAs("county_no"));
        assertEquals(Date.valueOf("2020-03-01"), v.get(1).getAs("valid_to"));
        assertEquals(2L, (long) v.get(1).getAs(Deduplication.SOURCE_ROWS));
        assertNull(v.get(2).getAs("valid_to"));
        assertEquals(true, v.get(2).getAs("is_current"));
        assertEquals("0101@2020-03", v.get(2).getAs("office_version_key"));
        // 0202 is missing from the newest snapshot (2020-03): it left the register after 2019-11.
        assertEquals("VERY_LARGE", v.get(3).getAs("size_class"));
        assertEquals(Date.valueOf("2019-12-01"), v.get(3).getAs("valid_to"));
    }

    @Test
    void referencesResolveToTheVersionValidAtTheDateOrAreQuarantined() {
        Dataset<Row> offices = history(snapshot("0101", "2019-12", "01", "30", "NOT_STARTED"),
                snapshot("0101", "2020-01", "30", "30", "NOT_STARTED"));
        Dataset<Row> rows = Rejections.start(BronzeRows.of("m.csv", record("x", "1"), record("x", "2"), record("x", "3"))
                .withColumn("office_id", org.apache.spark.sql.functions.expr("CASE line_number WHEN 4 THEN '9999' ELSE '0101' END"))
                .withColumn("d", org.apache.spark.sql.functions.expr(
                        "CASE line_number WHEN 2 THEN DATE'2019-12-24' WHEN 3 THEN DATE'2020-06-01' ELSE DATE'2020-06-01' END")));
        List<Row> r = OfficeReference.resolve(rows, col("d"), offices).orderBy("line_number").collectAsList();
        assertEquals("0101@2019-12", r.get(0).getAs(OfficeReference.VERSION_KEY));
        assertEquals("0101@2020-01", r.get(1).getAs(OfficeReference.VERSION_KEY));
        assertEquals("UNKNOWN_OFFICE", r.get(2).getAs(Rejections.REASON));
        assertEquals("enhet_nr 9999 is not in the office register at 2020-06-01", r.get(2).getAs(Rejections.DETAIL));
    }
}
