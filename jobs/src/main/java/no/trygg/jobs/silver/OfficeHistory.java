package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.add_months;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lag;
import static org.apache.spark.sql.functions.lead;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import no.trygg.schemas.codes.OfficeSizeClass;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * The office dimension with history (SCD type 2) from monthly register snapshots: consecutive months with
 * the same tracked attributes become one version with valid_from and valid_to (exclusive; null while
 * current). County reforms, size-class changes and channel-strategy steps each start a new version.
 */
public final class OfficeHistory {

    /** Attributes whose change starts a new version. */
    public static final List<String> TRACKED = List.of("office_name", "unit_type", "municipality_no", "municipality_name",
            "county_no", "county_name", "size_class", "channel_strategy_stage", "opening_hours");

    private OfficeHistory() {
    }

    /** Size class from budgeted FTE, with the bands of {@link OfficeSizeClass}. */
    public static Column sizeClass(Column fte) {
        Column c = null;
        for (OfficeSizeClass s : OfficeSizeClass.values()) {
            Column in = fte.geq(s.fromFte).and(fte.lt(s.toFte));
            c = c == null ? when(in, lit(s.name())) : c.when(in, lit(s.name()));
        }
        return c;
    }

    /** @param snapshots one row per office and month (deduplicated), with source_rows */
    public static Dataset<Row> fromSnapshots(Dataset<Row> snapshots) {
        WindowSpec byOffice = Window.partitionBy("office_id").orderBy("period");
        Column attrs = concat_ws("\u0001", TRACKED.stream().map(a -> coalesce(col(a), lit("\u0000"))).toArray(Column[]::new));
        Dataset<Row> islands = snapshots
                .withColumn("size_class", sizeClass(col("budget_fte")))
                .withColumn("_attrs", attrs)
                .withColumn("_changed", when(lag("_attrs", 1).over(byOffice).eqNullSafe(col("_attrs")), lit(0)).otherwise(lit(1)))
                .withColumn("_version", sum("_changed").over(byOffice.rowsBetween(Window.unboundedPreceding(), Window.currentRow())));

        Column[] firstOfTracked = TRACKED.stream().map(a -> first(a).as(a)).toArray(Column[]::new);
        Column[] aggs = new Column[firstOfTracked.length + 4];
        System.arraycopy(firstOfTracked, 0, aggs, 0, firstOfTracked.length);
        aggs[firstOfTracked.length] = min("period").as("valid_from");
        aggs[firstOfTracked.length + 1] = max("period").as("_last_period");
        aggs[firstOfTracked.length + 2] = avg("state_share").as("state_share");
        aggs[firstOfTracked.length + 3] = sum(Deduplication.SOURCE_ROWS).as(Deduplication.SOURCE_ROWS);

        Dataset<Row> versions = islands.groupBy(col("office_id"), col("_version")).agg(aggs[0], java.util.Arrays.copyOfRange(aggs, 1, aggs.length));
        Column latestSnapshot = max("_last_period").over(Window.partitionBy());
        WindowSpec versionOrder = Window.partitionBy("office_id").orderBy("valid_from");
        // An office absent from the newest snapshot has left the register: its last version ends then.
        Column validTo = coalesce(lead("valid_from", 1).over(versionOrder),
                when(col("_last_period").lt(latestSnapshot), add_months(col("_last_period"), 1)));
        return versions
                .withColumn("valid_to", validTo)
                .withColumn("is_current", col("valid_to").isNull())
                .withColumn("office_version_key", concat(col("office_id"), lit("@"), date_format(col("valid_from"), "yyyy-MM")))
                .select(col("office_version_key"), col("office_id"), col("office_name"), col("unit_type"),
                        col("municipality_no"), col("municipality_name"), col("county_no"), col("county_name"),
                        col("size_class"), col("channel_strategy_stage"), col("opening_hours"), col("state_share"),
                        col("valid_from"), col("valid_to"), col("is_current"), col(Deduplication.SOURCE_ROWS));
    }
}
