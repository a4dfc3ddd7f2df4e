package no.trygg.jobs.gold.marts;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import no.trygg.jobs.gold.disclosure.CellProtection;
import no.trygg.jobs.gold.stats.FunnelLimits;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Office comparison for funnel plots (Spiegelhalter 2005), never a ranking: per office and year the observed
 * incidents, the expected count at the national rate for the office's FTE-years, and exact Poisson limits at
 * 95 % and 99.8 % around the expected count. Offices are compared yearly: monthly office counts are noise.
 */
public final class OfficeFunnel {

    public static final String BREAKDOWN = "office";
    public static final String OBSERVED = "observed_incidents";
    public static final String AVG_FTE = "average_fte";

    private static final StructType LIMITS = new StructType().add("l95", DataTypes.LongType).add("u95", DataTypes.LongType)
            .add("l998", DataTypes.LongType).add("u998", DataTypes.LongType);
    private static final UserDefinedFunction LIMITS_OF = udf((UDF1<Double, Row>) e -> {
        FunnelLimits.Limits l = FunnelLimits.of(e);
        return RowFactory.create(l.lower95(), l.upper95(), l.lower998(), l.upper998());
    }, LIMITS);
    private static final UserDefinedFunction POSITION = udf((UDF5<Long, Long, Long, Long, Long, String>) (o, l95, u95, l998, u998) ->
            FunnelLimits.classify(o, new FunnelLimits.Limits(l95, u95, l998, u998)).name(), DataTypes.StringType);

    private OfficeFunnel() {
    }

    /**
     * Observed incidents, FTE-years and average FTE per office and year, with the office as registered at the
     * end of that year (or its last version in the year). Keys as cells: period_grain YEAR, period, breakdown.
     */
    public static Dataset<Row> officeYears(Dataset<Row> incidentsWithOffice, Dataset<Row> exposureWithOffice, Dataset<Row> officeHistory) {
        Dataset<Row> observed = incidentsWithOffice.groupBy(year(col("occurred_date")).as("year"), col("office_id"))
                .agg(count(lit(1)).as(OBSERVED));
        Dataset<Row> staffed = exposureWithOffice.groupBy(year(col("month")).as("year"), col("office_id"))
                .agg(sum("fte").divide(12.0).as(IncidentCells.FTE_YEARS), avg("fte").as(AVG_FTE));
        Dataset<Row> years = observed.join(staffed, IncidentCells.toSeq(java.util.List.of("year", "office_id")), "full_outer")
                .withColumn(OBSERVED, coalesce(col(OBSERVED), lit(0L)))
                .withColumn(IncidentCells.FTE_YEARS, coalesce(col(IncidentCells.FTE_YEARS), lit(0.0)))
                .withColumn(AVG_FTE, coalesce(col(AVG_FTE), lit(0.0)));
        Column yearStart = make_date(col("year"), lit(1), lit(1));
        Column yearEnd = make_date(col("year"), lit(12), lit(31));
        Dataset<Row> versions = years.join(officeHistory.select("office_id", "office_name", "unit_type", "county_no", "size_class",
                        "channel_strategy_stage", "valid_from", "valid_to"), "office_id")
                .filter(col("valid_from").leq(yearEnd).and(col("valid_to").isNull().or(col("valid_to").gt(yearStart))))
                .withColumn("_latest", row_number().over(Window.partitionBy("year", "office_id").orderBy(col("valid_from").desc())))
                .filter(col("_latest").equalTo(1));
        return versions.select(lit(Periods.YEAR).as(Periods.GRAIN), col("year").cast("string").as(Periods.PERIOD),
                yearStart.as(Periods.START), lit(BREAKDOWN).as(CellProtection.BREAKDOWN), col("office_id"), col("office_name"),
                col("unit_type"), col("county_no"), col("size_class"), col("channel_strategy_stage"), col(OBSERVED),
                col(IncidentCells.FTE_YEARS), col(AVG_FTE));
    }

    /**
     * The published funnel mart from office years with {@code suppression} and the published national yearly
     * rates (columns period, rate_per_100_fte). A suppressed office keeps its expected count and limits (they
     * depend on FTE only) but not its observed count, ratio or position.
     */
    public static Dataset<Row> publish(Dataset<Row> officeYears, Dataset<Row> nationalYearlyRates) {
        Column hidden = col(CellProtection.SUPPRESSION).isNotNull();
        Dataset<Row> withRate = officeYears.join(nationalYearlyRates.select(col(Periods.PERIOD),
                col(IncidentRates.RATE).as("national_rate_per_100_fte")), IncidentCells.toSeq(java.util.List.of(Periods.PERIOD)), "left");
        Column expected = col("national_rate_per_100_fte").divide(100.0).multiply(col(IncidentCells.FTE_YEARS));
        Dataset<Row> out = withRate.withColumn("expected_incidents", expected)
                .withColumn("_limits", when(expected.isNotNull(), LIMITS_OF.apply(expected)))
                .withColumn("limit95_lower", col("_limits.l95")).withColumn("limit95_upper", col("_limits.u95"))
                .withColumn("limit998_lower", col("_limits.l998")).withColumn("limit998_upper", col("_limits.u998"))
                .withColumn("position", when(not(hidden).and(col("_limits").isNotNull()), POSITION.apply(col(OBSERVED),
                        col("limit95_lower"), col("limit95_upper"), col("limit998_lower"), col("limit998_upper"))))
                .withColumn("observed_to_expected", when(not(hidden).and(expected.gt(0)), col(OBSERVED).divide(expected)))
                .withColumn(Flags.FLAG, when(hidden, lit(Flags.SUPPRESSED)).otherwise(lit(Flags.NONE)))
                .withColumn(Flags.REASON, when(hidden, lit(Flags.HIDDEN)).otherwise(lit(Flags.PUBLISHED)))
                .withColumn(OBSERVED, when(not(hidden), col(OBSERVED)));
        return IncidentRates.withCountyNames(out).select(col(Periods.PERIOD).as("year"), col("office_id"), col("office_name"),
                col("unit_type"), col("county_no"), col("county_name"), col("size_class"), col("channel_strategy_stage"),
                col(OBSERVED), col(IncidentCells.FTE_YEARS), col("national_rate_per_100_fte"), col("expected_incidents"),
                col("observed_to_expected"), col("limit95_lower"), col("limit95_upper"), col("limit998_lower"),
                col("limit998_upper"), col("position"), col(Flags.FLAG), col(Flags.REASON));
    }
}
