package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;

import no.trygg.jobs.silver.Rejections.Reason;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Referential integrity to the office dimension: a row must name an office that the register knows at
 * the row's date. The matching version's key is kept, so later layers know the office as it was then.
 */
public final class OfficeReference {

    public static final String VERSION_KEY = "office_version_key";

    private OfficeReference() {
    }

    /**
     * @param rows     rows with an office_id column and rejection columns
     * @param atDate   the date the row is about (null: the office must merely exist at some time)
     * @param offices  silver office history
     */
    public static Dataset<Row> resolve(Dataset<Row> rows, Column atDate, Dataset<Row> offices) {
        Dataset<Row> versions = offices.select(col("office_id").as("_oid"), col("office_version_key").as("_ovk"),
                col("valid_from").as("_vf"), col("valid_to").as("_vt"));
        Dataset<Row> joined;
        if (atDate == null) {
            Dataset<Row> ids = versions.groupBy("_oid").agg(org.apache.spark.sql.functions.max("_ovk").as("_ovk"));
            joined = rows.join(ids, col("office_id").equalTo(col("_oid")), "left");
        } else {
            Column d = atDate.cast("date");
            joined = rows.join(versions, col("office_id").equalTo(col("_oid"))
                    .and(d.geq(col("_vf"))).and(col("_vt").isNull().or(d.lt(col("_vt")))), "left");
        }
        Dataset<Row> flagged = Rejections.flag(joined, col("office_id").isNotNull().and(col("_ovk").isNull()),
                Reason.UNKNOWN_OFFICE, concat(lit("enhet_nr "), Rejections.shown(col("office_id")),
                        lit(atDate == null ? " is not in the office register" : " is not in the office register at "),
                        coalesce(atDate == null ? lit("") : atDate.cast("date").cast("string"), lit(""))));
        return flagged.withColumn(VERSION_KEY, col("_ovk")).drop("_oid", "_ovk", "_vf", "_vt");
    }
}
