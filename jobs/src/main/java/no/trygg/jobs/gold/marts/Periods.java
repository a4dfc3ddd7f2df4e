package no.trygg.jobs.gold.marts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.quarter;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.year;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Reporting periods: every dated row counts in its month, its quarter and its year (months sum to quarters to years). */
public final class Periods {

    public static final String GRAIN = "period_grain";
    public static final String PERIOD = "period";
    public static final String START = "period_start";
    public static final String MONTH = "MONTH";
    public static final String QUARTER = "QUARTER";
    public static final String YEAR = "YEAR";

    private Periods() {
    }

    /** One row per input row and grain, with {@code period_grain}, {@code period} ("2024-03", "2024Q1", "2024") and its first day. */
    public static Dataset<Row> explodeByPeriod(Dataset<Row> rows, String dateColumn) {
        Column d = col(dateColumn);
        Column periods = array(
                struct(lit(MONTH).as(GRAIN), date_format(d, "yyyy-MM").as(PERIOD), date_trunc("month", d).cast("date").as(START)),
                struct(lit(QUARTER).as(GRAIN), concat(year(d).cast("string"), lit("Q"), quarter(d).cast("string")).as(PERIOD),
                        date_trunc("quarter", d).cast("date").as(START)),
                struct(lit(YEAR).as(GRAIN), year(d).cast("string").as(PERIOD), date_trunc("year", d).cast("date").as(START)));
        return rows.withColumn("_p", explode(periods))
                .withColumn(GRAIN, col("_p." + GRAIN)).withColumn(PERIOD, col("_p." + PERIOD)).withColumn(START, col("_p." + START))
                .drop("_p");
    }

    /** The enclosing period one grain up ("2024-03" → "2024Q1" → "2024"), or null for a year. */
    public static String parent(String grain, String period) {
        return switch (grain) {
            case MONTH -> period.substring(0, 4) + "Q" + ((Integer.parseInt(period.substring(5, 7)) - 1) / 3 + 1);
            case QUARTER -> period.substring(0, 4);
            default -> null;
        };
    }

    public static String parentGrain(String grain) {
        return switch (grain) {
            case MONTH -> QUARTER;
            case QUARTER -> YEAR;
            default -> null;
        };
    }
}
