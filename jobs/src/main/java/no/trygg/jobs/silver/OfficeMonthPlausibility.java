package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.format_number;
import static org.apache.spark.sql.functions.lit;

import no.trygg.jobs.silver.Rejections.Reason;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * FTE and headcount (årsverk, ansatte) judged against the office's own months: a value that is readable and positive
 * can still be absurd (1,000,000,000 FTE in one office-month makes the national rate 0.000145 per 100 FTE-years), and
 * no fixed bound fits every unit (a small office has 5 FTE, the contact centre 900). A month more than {@code factor}
 * times above or below the office's median month is quarantined as IMPLAUSIBLE_VALUE, as is FTE that the office's
 * staff cannot have worked (more than 1.5 FTE per employee). The median is over the office's other readable rows in
 * every delivery, so one bad month cannot move it; an office with fewer than 3 months is judged by headcount alone.
 */
public final class OfficeMonthPlausibility {

    /** Months an office needs before its median judges a month. */
    static final int MIN_MONTHS = 3;
    /** FTE one employee can work in a month, with overtime: more is no real month. */
    static final double MAX_FTE_PER_EMPLOYEE = 1.5;

    private OfficeMonthPlausibility() {
    }

    /** @param rows typed office_month rows with rejection columns ({@code office_id}, {@code fte}, {@code headcount}) */
    public static Dataset<Row> flag(Dataset<Row> rows, double factor) {
        Dataset<Row> medians = rows.filter(col(Rejections.REASON).isNull())
                .groupBy(col("office_id").as("_oid"))
                .agg(expr("percentile(fte, 0.5)").as("_median_fte"), expr("percentile(headcount, 0.5)").as("_median_headcount"),
                        count("*").as("_months"));
        Dataset<Row> j = rows.join(broadcast(medians), col("office_id").equalTo(col("_oid")), "left");
        Column history = col("_months").geq(MIN_MONTHS);
        j = Rejections.flag(j, col("fte").gt(col("headcount").multiply(MAX_FTE_PER_EMPLOYEE).plus(1)), Reason.IMPLAUSIBLE_VALUE,
                concat(lit("arsverk "), shown(col("fte")), lit(" is more than the "), shown(col("headcount"), 0),
                        lit(" employees (ansatte) can work in a month")));
        j = Rejections.flag(j, history.and(outside(col("fte"), col("_median_fte"), factor)), Reason.IMPLAUSIBLE_VALUE,
                concat(lit("arsverk "), shown(col("fte")), lit(" is far outside this office's months (median "),
                        shown(col("_median_fte")), lit(" over "), col("_months").cast("string"), lit(" months; limit × or ÷ "
                                + (long) factor + ")")));
        j = Rejections.flag(j, history.and(outside(col("headcount"), col("_median_headcount"), factor)), Reason.IMPLAUSIBLE_VALUE,
                concat(lit("ansatte "), shown(col("headcount"), 0), lit(" is far outside this office's months (median "),
                        shown(col("_median_headcount")), lit(" over "), col("_months").cast("string"), lit(" months; limit × or ÷ "
                                + (long) factor + ")")));
        return j.drop("_oid", "_median_fte", "_median_headcount", "_months");
    }

    private static Column outside(Column value, Column median, double factor) {
        return median.gt(0).and(value.gt(median.multiply(factor)).or(value.lt(median.divide(factor))));
    }

    /** A number for a message, without scientific notation, with one decimal. */
    private static Column shown(Column number) {
        return shown(number, 1);
    }

    private static Column shown(Column number, int decimals) {
        return Rejections.shown(format_number(number.cast("double"), decimals));
    }
}
