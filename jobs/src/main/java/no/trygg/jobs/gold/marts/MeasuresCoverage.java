package no.trygg.jobs.gold.marts;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_except;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_if;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.percentile;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.year;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import no.trygg.schemas.codes.SecurityMeasure;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Security measures per office at reference days, and how widely they are in place by office size,
 * county and channel-strategy stage. A measure is in force on a day when valid_from <= day < valid_to
 * (null valid_to: still in force); drills and risk assessments come with a one-year validity, so an
 * expired one shows up as missing, i.e. overdue. Each office is counted once per day, with the
 * attributes of its version valid that day. The counts are of offices, not persons, so no small-cell
 * suppression applies. Units without a reception (contact centre, NAV Kontroll) are kept; callers that
 * want local offices only filter officeMeasures on unit_type before aggregating.
 */
public final class MeasuresCoverage {

    /** Measure codes in code-list order: the order of the flag columns and of missing_measures. */
    public static final List<String> MEASURE_CODES = Arrays.stream(SecurityMeasure.values()).map(Enum::name).toList();

    /** Office attributes carried from the version valid on the reference day. */
    public static final List<String> OFFICE_COLUMNS = List.of("office_id", "office_version_key", "office_name",
            "unit_type", "county_no", "county_name", "size_class", "channel_strategy_stage");

    /** Grouping keys shared by the aggregates. */
    public static final List<String> GROUP_KEYS = List.of("reference_date", "year", "grouping", "group_value");

    private static final String UNKNOWN = "UNKNOWN";

    private MeasuresCoverage() {
    }

    /** has_sikker_sone, has_minstd, … */
    public static String flagColumn(String measureCode) {
        return "has_" + measureCode.toLowerCase(Locale.ROOT);
    }

    /**
     * One row per office in the register on each reference day, with a flag per measure, maturity_score
     * (measures in force, 0–9) and missing_measures (codes not in force, in code-list order).
     *
     * @param securityMeasures silver.security_measures
     * @param officeHistory    silver.office_history (SCD2, valid_to exclusive)
     * @param referenceDays    e.g. 31 December of each year, or the last day with data
     */
    public static Dataset<Row> officeMeasuresAt(Dataset<Row> securityMeasures, Dataset<Row> officeHistory,
            List<LocalDate> referenceDays) {
        Dataset<Row> days = broadcast(officeHistory.sparkSession()
                .createDataset(referenceDays, Encoders.LOCALDATE()).toDF("reference_date"));
        Dataset<Row> offices = officeHistory.join(days, inForce(officeHistory))
                .select(columns(List.of("reference_date"), OFFICE_COLUMNS));
        Dataset<Row> inForce = securityMeasures.join(days, inForce(securityMeasures))
                .groupBy(col("office_id"), col("reference_date")).agg(collect_set("measure_code").as("_in_force"));

        // Offices without any measure in force get an empty set, so every flag is false rather than null.
        Column held = coalesce(col("_in_force"), array().cast("array<string>"));
        Column missing = array_except(array(MEASURE_CODES.stream().map(c -> lit(c)).toArray(Column[]::new)), held);
        List<Column> out = new ArrayList<>(List.of(col("reference_date"), year(col("reference_date")).as("year")));
        OFFICE_COLUMNS.forEach(c -> out.add(col(c)));
        MEASURE_CODES.forEach(c -> out.add(array_contains(held, c).as(flagColumn(c))));
        out.add(lit(MEASURE_CODES.size()).minus(size(missing)).as("maturity_score"));
        out.add(missing.as("missing_measures"));
        return offices.join(inForce, new String[] {"office_id", "reference_date"}, "left")
                .select(out.toArray(Column[]::new));
    }

    /**
     * Share of offices with each measure in force, long format (one row per measure) for pivoting:
     * reference_date, year, grouping, group_value, group_label, measure_code, offices,
     * offices_with_measure, share.
     */
    public static Dataset<Row> coverage(Dataset<Row> officeMeasures) {
        Column perMeasure = array(MEASURE_CODES.stream()
                .map(c -> struct(lit(c).as("measure_code"), col(flagColumn(c)).as("held"))).toArray(Column[]::new));
        return byGrouping(officeMeasures)
                .withColumn("_m", explode(perMeasure))
                .withColumn("measure_code", col("_m.measure_code"))
                .groupBy(columns(GROUP_KEYS, List.of("measure_code")))
                .agg(max("group_label").as("group_label"), count(lit(1)).as("offices"),
                        count_if(col("_m.held")).as("offices_with_measure"))
                .select(col("reference_date"), col("year"), col("grouping"), col("group_value"), col("group_label"),
                        col("measure_code"), col("offices"), col("offices_with_measure"),
                        col("offices_with_measure").divide(col("offices")).cast("double").as("share"));
    }

    /**
     * Distribution of maturity_score per group: offices, mean, min, p25, median, p75, max and
     * offices_below_minimum (score < minimum; the threshold is repeated in minimum_score). Percentiles are
     * exact, Spark's percentile(): linear interpolation between the closest ranks at position p·(n−1) of
     * the sorted scores (Hyndman–Fan type 7, as Excel PERCENTILE.INC and numpy's default).
     */
    public static Dataset<Row> maturitySpread(Dataset<Row> officeMeasures, int minimum) {
        Column score = col("maturity_score");
        return byGrouping(officeMeasures)
                .groupBy(columns(GROUP_KEYS, List.of()))
                .agg(max("group_label").as("group_label"), count(lit(1)).as("offices"),
                        avg(score).as("mean"), min(score).as("min"), percentile(score, lit(0.25)).as("p25"),
                        percentile(score, lit(0.5)).as("median"), percentile(score, lit(0.75)).as("p75"),
                        max(score).as("max"), count_if(score.lt(minimum)).as("offices_below_minimum"))
                .select(col("reference_date"), col("year"), col("grouping"), col("group_value"), col("group_label"),
                        col("offices"), col("mean"), col("min"), col("p25"), col("median"), col("p75"), col("max"),
                        lit(minimum).as("minimum_score"), col("offices_below_minimum"));
    }

    /** In force / valid on the reference day: valid_from <= day < valid_to, null valid_to open-ended. */
    private static Column inForce(Dataset<Row> dated) {
        Column day = col("reference_date");
        return dated.col("valid_from").leq(day).and(dated.col("valid_to").isNull().or(day.lt(dated.col("valid_to"))));
    }

    /**
     * Each office row once per grouping (ALL, size_class, county, channel_strategy_stage) with group_value
     * and group_label, so all marts share one set of groups. A missing attribute becomes UNKNOWN rather
     * than a null key.
     */
    private static Dataset<Row> byGrouping(Dataset<Row> officeMeasures) {
        Column groups = array(
                group("ALL", lit("ALL"), lit("ALL")),
                group("size_class", col("size_class"), col("size_class")),
                group("county", col("county_no"), col("county_name")),
                group("channel_strategy_stage", col("channel_strategy_stage"), col("channel_strategy_stage")));
        return officeMeasures.withColumn("_g", explode(groups))
                .withColumn("grouping", col("_g.grouping"))
                .withColumn("group_value", col("_g.group_value"))
                .withColumn("group_label", col("_g.group_label"))
                .drop("_g");
    }

    private static Column[] columns(List<String> first, List<String> then) {
        return Stream.concat(first.stream(), then.stream()).map(c -> col(c)).toArray(Column[]::new);
    }

    private static Column group(String grouping, Column value, Column label) {
        return struct(lit(grouping).as("grouping"), coalesce(value, lit(UNKNOWN)).as("group_value"),
                coalesce(label, value, lit(UNKNOWN)).as("group_label"));
    }
}
