package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.substring;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Rows carry why they cannot go to silver in two columns; the first failing check wins, so a row gets
 * one reason, the earliest and most basic one.
 */
public final class Rejections {

    public static final String REASON = "reject_reason";
    public static final String DETAIL = "reject_detail";
    private static final int SHOWN_CHARS = 60;

    /**
     * Machine-readable reasons a row lands in quarantine. PERSONAL_DATA: an ID number, phone number or e-mail address
     * in a column that would reach silver as text. IMPLAUSIBLE_VALUE: readable and in range, but far outside the office's
     * own history ({@link OfficeMonthPlausibility}). SUSPECT_SNAPSHOT: a row of an office register snapshot that lacks
     * too many of the offices before it to be read as closures ({@link RegisterSnapshots}).
     */
    public enum Reason {
        MALFORMED_ROW, ENCODING_ERROR, PERSONAL_DATA, MISSING_MANDATORY, UNPARSEABLE_VALUE, INVALID_CODE, OUT_OF_RANGE,
        FUTURE_DATE, UNKNOWN_OFFICE, IMPLAUSIBLE_VALUE, SUSPECT_SNAPSHOT, DUPLICATE_CONFLICT
    }

    private Rejections() {
    }

    public static Dataset<Row> start(Dataset<Row> rows) {
        return rows.withColumn(REASON, lit(null).cast("string")).withColumn(DETAIL, lit(null).cast("string"));
    }

    /** Marks rows where {@code failed} is true, unless an earlier check already did. */
    public static Dataset<Row> flag(Dataset<Row> rows, Column failed, Reason reason, Column detail) {
        Column fresh = col(REASON).isNull().and(failed);
        return rows.withColumn(DETAIL, when(fresh, detail).otherwise(col(DETAIL)))
                .withColumn(REASON, when(fresh, lit(reason.name())).otherwise(col(REASON)));
    }

    /** A value as a reason detail echoes it: a runaway field (a whole file in one cell) is cut, with its length. */
    public static Column shown(Column value) {
        return when(length(value).gt(SHOWN_CHARS), concat(substring(value, 1, SHOWN_CHARS), lit("... ("),
                length(value).cast("string"), lit(" characters)"))).otherwise(value);
    }

    public static Dataset<Row> accepted(Dataset<Row> rows) {
        return rows.filter(col(REASON).isNull()).drop(REASON, DETAIL);
    }

    public static Dataset<Row> rejected(Dataset<Row> rows) {
        return rows.filter(col(REASON).isNotNull());
    }
}
