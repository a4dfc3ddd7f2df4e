package no.trygg.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.quality.deequ.DeequAdapter;
import no.trygg.quality.rules.Level;
import no.trygg.quality.rules.QualityContext;
import no.trygg.quality.rules.Rule;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Each constraint type passes a clean input and catches a deliberately broken one, through real Deequ. */
class RulesTest {

    static final LocalDate AS_OF = LocalDate.of(2025, 12, 31);

    static final StructType INCIDENTS = new StructType()
            .add("incident_id", DataTypes.StringType).add("office_id", DataTypes.StringType)
            .add("incident_type", DataTypes.StringType).add("fte", DataTypes.DoubleType)
            .add("occurred_date", DataTypes.DateType);

    static final StructType OFFICES = new StructType()
            .add("office_id", DataTypes.StringType).add("valid_from", DataTypes.DateType).add("valid_to", DataTypes.DateType);

    static Dataset<Row> rows(Object[]... values) {
        return TestWarehouse.spark().createDataFrame(Arrays.stream(values).map(RowFactory::create).toList(), INCIDENTS);
    }

    static Object[] row(String id, String office, String type, Double fte, String date) {
        return new Object[] {id, office, type, fte, date == null ? null : Date.valueOf(date)};
    }

    static final Dataset<Row> CLEAN = rows(
            row("H1", "0101", "THREAT", 10.0, "2020-06-01"),
            row("H2", "0101", "VIOLENCE", 12.5, "2020-12-31"),
            row("H3", "0102", "THREAT", null, "2025-12-31"));

    static QualityContext context(Optional<LocalDate> newestExport) {
        Dataset<Row> offices = TestWarehouse.spark().createDataFrame(List.of(
                RowFactory.create("0101", Date.valueOf("2020-01-01"), Date.valueOf("2021-01-01")),
                RowFactory.create("0102", Date.valueOf("2020-01-01"), null)), OFFICES);
        return new QualityContext(AS_OF, () -> offices, source -> newestExport);
    }

    static DeequAdapter.Outcome check(Rule rule, Dataset<Row> data, QualityContext context) {
        return DeequAdapter.verify(rule.prepare(data, context), List.of(rule)).outcomes().get(0);
    }

    static DeequAdapter.Outcome check(Rule rule, Dataset<Row> data) {
        return check(rule, data, context(Optional.of(AS_OF)));
    }

    @Test
    void completeness() {
        Rule rule = new Rule.Complete("occurred_date", 1.0, Level.ERROR);
        assertTrue(check(rule, CLEAN).passed());
        DeequAdapter.Outcome broken = check(rule, CLEAN.union(rows(row("H4", "0101", "THREAT", 1.0, null))));
        assertFalse(broken.passed());
        assertEquals(0.75, broken.observed(), 1e-9);
        assertTrue(check(new Rule.Complete("occurred_date", 0.7, Level.WARNING),
                CLEAN.union(rows(row("H4", "0101", "THREAT", 1.0, null)))).passed(), "a lower threshold tolerates one gap");
    }

    @Test
    void uniqueness() {
        Rule rule = new Rule.Unique(List.of("incident_id"), Level.ERROR);
        assertTrue(check(rule, CLEAN).passed());
        assertFalse(check(rule, CLEAN.union(rows(row("H1", "0102", "THREAT", 1.0, "2021-01-01")))).passed());
        assertTrue(check(new Rule.Unique(List.of("incident_id", "office_id"), Level.ERROR),
                CLEAN.union(rows(row("H1", "0102", "THREAT", 1.0, "2021-01-01")))).passed(), "a composite key may repeat a part");
    }

    @Test
    void codeList() {
        Rule rule = new Rule.InCodeList("incident_type", List.of("THREAT", "VIOLENCE"), 1.0, Level.ERROR);
        assertTrue(check(rule, CLEAN).passed());
        DeequAdapter.Outcome broken = check(rule, CLEAN.union(rows(row("H4", "0101", "TRUSSEL", 1.0, "2020-06-01"))));
        assertFalse(broken.passed());
        assertEquals(0.75, broken.observed(), 1e-9);
    }

    @Test
    void range() {
        Rule rule = new Rule.InRange("fte", "> 0", Level.ERROR);
        assertTrue(check(rule, CLEAN).passed(), "empty values are left to the completeness rule");
        assertFalse(check(rule, CLEAN.union(rows(row("H4", "0101", "THREAT", 0.0, "2020-06-01")))).passed());
    }

    @Test
    void notInFuture() {
        Rule rule = new Rule.NotInFuture("occurred_date", Level.ERROR);
        assertTrue(check(rule, CLEAN).passed(), "the as-of day itself is allowed");
        DeequAdapter.Outcome broken = check(rule, CLEAN.union(rows(row("H4", "0102", "THREAT", 1.0, "2026-01-01"))));
        assertFalse(broken.passed());
        assertEquals(0.75, broken.observed(), 1e-9);
    }

    @Test
    void referentialIntegrityAtTheRowsDate() {
        Rule rule = new Rule.OfficeValidAt("office_id", "occurred_date", Level.ERROR);
        assertTrue(check(rule, CLEAN).passed());
        assertFalse(check(rule, CLEAN.union(rows(row("H4", "0101", "THREAT", 1.0, "2021-01-01")))).passed(),
                "office 0101 closed on 2021-01-01 (valid_to is exclusive)");
        assertFalse(check(rule, CLEAN.union(rows(row("H4", "9999", "THREAT", 1.0, "2020-06-01")))).passed(), "unknown office");
        assertFalse(check(rule, CLEAN.union(rows(row("H4", "0102", "THREAT", 1.0, "2019-12-31")))).passed(), "before it opened");
        DeequAdapter.Outcome anyTime = check(new Rule.OfficeValidAt("office_id", null, Level.ERROR),
                CLEAN.union(rows(row("H4", "0101", "THREAT", 1.0, "2024-01-01"))));
        assertTrue(anyTime.passed(), "without a date the office must merely be known");
        assertEquals(4, rule.prepare(CLEAN.union(rows(row("H4", "9999", "THREAT", 1.0, "2020-06-01"))), context(Optional.empty())).count(),
                "the reference join never multiplies rows");
    }

    @Test
    void freshness() {
        Rule rule = new Rule.Fresh("incidents", 3, Level.WARNING);
        assertTrue(check(rule, CLEAN, context(Optional.of(AS_OF.minusDays(2)))).passed());
        DeequAdapter.Outcome stale = check(rule, CLEAN, context(Optional.of(AS_OF.minusDays(10))));
        assertFalse(stale.passed());
        assertEquals(10, stale.observed(), 1e-9);
        assertEquals("10 days old", rule.formatObserved(stale.observed()));
        assertFalse(check(rule, CLEAN, context(Optional.empty())).passed(), "never exported counts as stale");
    }

    @Test
    void volume() {
        assertTrue(check(new Rule.Volume(1, 10, Level.ERROR), CLEAN).passed());
        DeequAdapter.Outcome tooFew = check(new Rule.Volume(5, 10, Level.ERROR), CLEAN);
        assertFalse(tooFew.passed());
        assertEquals(3, tooFew.observed(), 1e-9);
        assertFalse(check(new Rule.Volume(1, 10, Level.ERROR), CLEAN.limit(0)).passed(), "an empty table fails");
    }

    @Test
    void oneScanForManyRulesKeepsEachVerdictApart() {
        List<Rule> rules = List.of(new Rule.Complete("occurred_date", 1.0, Level.ERROR),
                new Rule.InRange("fte", "> 0", Level.ERROR), new Rule.Volume(1, 10, Level.WARNING));
        Dataset<Row> data = CLEAN.union(rows(row("H4", "0101", "THREAT", -1.0, "2020-06-01")));
        List<DeequAdapter.Outcome> out = DeequAdapter.verify(data, rules).outcomes();
        assertEquals(List.of(true, false, true), out.stream().map(DeequAdapter.Outcome::passed).toList());
        assertFalse(DeequAdapter.verify(data, rules).metrics().isEmpty(), "Deequ's metrics come back for the history");
    }
}
