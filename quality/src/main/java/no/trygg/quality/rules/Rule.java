package no.trygg.quality.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One data-quality rule in Trygg's own words. The Deequ adapter turns each into a Deequ constraint; rules
 * that need more than the table itself (office validity, export dates) first add a helper column in
 * {@link #prepare}, so Deequ still measures everything in its one pass.
 */
public sealed interface Rule {

    /** The families the issue and the report talk about. */
    enum Kind { COMPLETENESS, UNIQUENESS, CODE_LIST, RANGE, REFERENTIAL_INTEGRITY, FRESHNESS, VOLUME, ANOMALY, PLAUSIBILITY }

    Level level();

    Kind kind();

    /** What is checked, for people: "incident_type is in the code list". */
    String describe();

    /** The pass condition, for people: "≥ 99 % of rows". */
    String threshold();

    /** Whether Deequ's observed value passes; the adapter wires this in as the assertion. */
    boolean passes(double observed);

    /** Deequ's observed value in the rule's own unit, for messages and the report. */
    default String formatObserved(double observed) {
        return String.format(java.util.Locale.ROOT, "%.2f %% of rows", observed * 100);
    }

    /** Adds the helper columns this rule measures; the table itself for most rules. */
    default Dataset<Row> prepare(Dataset<Row> rows, QualityContext context) {
        return rows;
    }

    private static String percent(double fraction) {
        return fraction >= 1.0 ? "all rows" : String.format(java.util.Locale.ROOT, "≥ %.1f %% of rows", fraction * 100);
    }

    /** Mandatory field filled in. */
    record Complete(String column, double minFraction, Level level) implements Rule {
        public Kind kind() { return Kind.COMPLETENESS; }
        public String describe() { return column + " is filled in"; }
        public String threshold() { return percent(minFraction); }
        public boolean passes(double observed) { return observed >= minFraction; }
    }

    /** Key identifies one row. */
    record Unique(List<String> columns, Level level) implements Rule {
        public Unique {
            columns = List.copyOf(columns);
        }
        public Kind kind() { return Kind.UNIQUENESS; }
        public String describe() { return String.join(" + ", columns) + " is unique"; }
        public String threshold() { return "no value repeated"; }
        public boolean passes(double observed) { return observed >= 1.0; }
    }

    /** Value from a code list (kodeverk); empty values are left to {@link Complete}. */
    record InCodeList(String column, List<String> codes, double minFraction, Level level) implements Rule {
        public InCodeList {
            codes = List.copyOf(codes);
        }
        public Kind kind() { return Kind.CODE_LIST; }
        public String describe() { return column + " is one of " + (codes.size() <= 8 ? codes : codes.size() + " codes"); }
        public String threshold() { return percent(minFraction); }
        public boolean passes(double observed) { return observed >= minFraction; }
    }

    /** A value condition in Spark SQL over one column, e.g. {@code "fte > 0"}; empty values pass. */
    record InRange(String column, String condition, Level level) implements Rule {
        public Kind kind() { return Kind.RANGE; }
        public String describe() { return column + " " + condition; }
        public String threshold() { return "all rows"; }
        public boolean passes(double observed) { return observed >= 1.0; }
        public String sql() { return "(" + column + " IS NULL OR " + column + " " + condition + ")"; }
    }

    /** Date or time not after the as-of day. */
    record NotInFuture(String column, Level level) implements Rule {
        public Kind kind() { return Kind.RANGE; }
        public String describe() { return column + " is not in the future"; }
        public String threshold() { return "all rows on or before the as-of day"; }
        public boolean passes(double observed) { return observed >= 1.0; }
        public String helperColumn() { return "_not_future_" + column; }
        public Dataset<Row> prepare(Dataset<Row> rows, QualityContext context) {
            return rows.withColumn(helperColumn(), col(column).isNull()
                    .or(col(column).cast("date").leq(lit(java.sql.Date.valueOf(context.asOf())))));
        }
    }

    /**
     * Referential integrity: the office the row names was in the office register on the row's date.
     * {@code dateSql} is a Spark SQL expression over the row, e.g. {@code "occurred_at"}, or null when the
     * office must merely be known at some time (records with their own validity, like security measures).
     */
    record OfficeValidAt(String officeColumn, String dateSql, Level level) implements Rule {
        public static final String HELPER = "_office_valid";
        public Kind kind() { return Kind.REFERENTIAL_INTEGRITY; }
        public String describe() {
            return officeColumn + (dateSql == null ? " is an office in the register" : " is an office in the register at " + dateSql);
        }
        public String threshold() { return "all rows"; }
        public boolean passes(double observed) { return observed >= 1.0; }
        public Dataset<Row> prepare(Dataset<Row> rows, QualityContext context) {
            // One row per office with its validity periods, so the join cannot multiply rows.
            Dataset<Row> periods = context.officeHistory().get().groupBy(col("office_id").as("_ref_office"))
                    .agg(collect_list(struct(col("valid_from").as("f"), col("valid_to").as("t"))).as("_ref_periods"));
            String valid = dateSql == null ? "_ref_periods IS NOT NULL"
                    : "exists(_ref_periods, p -> _ref_date >= p.f AND (p.t IS NULL OR _ref_date < p.t))";
            return rows.withColumn("_ref_date", dateSql == null ? lit(null).cast("date") : expr(dateSql).cast("date"))
                    .join(broadcast(periods), col(officeColumn).equalTo(col("_ref_office")), "left")
                    .withColumn(HELPER, coalesce(expr(valid), lit(false)))
                    .drop("_ref_office", "_ref_periods", "_ref_date");
        }
    }

    /** The newest export of a source is no older than its schedule allows. */
    record Fresh(String sourceFolder, int maxAgeDays, Level level) implements Rule {
        public static final String HELPER = "_export_age_days";
        public Kind kind() { return Kind.FRESHNESS; }
        public String describe() { return "newest " + sourceFolder + " export is recent (age in days)"; }
        public String threshold() { return "≤ " + maxAgeDays + " days old"; }
        public boolean passes(double observed) { return observed <= maxAgeDays; }
        public String formatObserved(double observed) { return String.format(java.util.Locale.ROOT, "%.0f days old", observed); }
        public Dataset<Row> prepare(Dataset<Row> rows, QualityContext context) {
            LocalDate newest = context.exportDates().apply(sourceFolder).orElse(LocalDate.EPOCH);
            return rows.withColumn(HELPER, lit(ChronoUnit.DAYS.between(newest, context.asOf())));
        }
    }

    /** Row count within bounds. */
    record Volume(long min, long max, Level level) implements Rule {
        public Kind kind() { return Kind.VOLUME; }
        public String describe() { return "number of rows"; }
        public String threshold() { return "between " + min + " and " + max; }
        public boolean passes(double observed) { return observed >= min && observed <= max; }
        public String formatObserved(double observed) { return String.format(java.util.Locale.ROOT, "%,.0f rows", observed); }
    }
}
