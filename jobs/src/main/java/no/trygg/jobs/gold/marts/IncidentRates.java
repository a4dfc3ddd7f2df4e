package no.trygg.jobs.gold.marts;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import no.trygg.jobs.gold.disclosure.CellProtection;
import no.trygg.jobs.gold.disclosure.DisclosureRules;
import no.trygg.jobs.gold.stats.Interval;
import no.trygg.jobs.gold.stats.PoissonInterval;
import no.trygg.schemas.codes.County;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The incident-rate mart: count, FTE-years and rate per 100 FTE-years with its exact (Garwood) 95 % interval,
 * per period and breakdown. Suppressed cells keep their denominator but lose the count, the rate and the
 * interval (any of them would give the count back).
 */
public final class IncidentRates {

    /** The aggregation levels users need (dashboards by size class, county, stage, type, channel; a few crossings). */
    public static final List<Breakdown> BREAKDOWNS = List.of(
            Breakdown.of(),
            Breakdown.of(Dimension.SIZE_CLASS),
            Breakdown.of(Dimension.COUNTY),
            Breakdown.of(Dimension.CHANNEL_STRATEGY_STAGE),
            Breakdown.of(Dimension.INCIDENT_TYPE),
            Breakdown.of(Dimension.CHANNEL),
            Breakdown.of(Dimension.SEVERITY),
            Breakdown.of(Dimension.SIZE_CLASS, Dimension.INCIDENT_TYPE),
            Breakdown.of(Dimension.COUNTY, Dimension.INCIDENT_TYPE),
            Breakdown.of(Dimension.CHANNEL_STRATEGY_STAGE, Dimension.INCIDENT_TYPE),
            Breakdown.of(Dimension.CHANNEL_STRATEGY_STAGE, Dimension.CHANNEL),
            Breakdown.of(Dimension.SIZE_CLASS, Dimension.CHANNEL));

    public static final String RATE = "rate_per_100_fte";
    public static final String CI_LOWER = "rate_ci95_lower";
    public static final String CI_UPPER = "rate_ci95_upper";

    /** An {@link Interval} as a Spark struct (lower, upper), for the UDFs of the marts. */
    static final StructType INTERVAL = new StructType().add("lower", DataTypes.DoubleType).add("upper", DataTypes.DoubleType);
    private static final UserDefinedFunction GARWOOD = udf((UDF1<Long, Row>) n -> {
        Interval i = PoissonInterval.exact(n);
        return RowFactory.create(i.lower(), i.upper());
    }, INTERVAL);

    private IncidentRates() {
    }

    /** From cells with {@code suppression} (see {@link CellProtection#attach}) to the published mart. */
    public static Dataset<Row> publish(Dataset<Row> cells, DisclosureRules rules) {
        Column n = col(IncidentCells.INCIDENTS);
        Column fte = col(IncidentCells.FTE_YEARS);
        Column hidden = col(CellProtection.SUPPRESSION).isNotNull();
        Column rated = not(hidden).and(fte.gt(0)).and(n.geq(rules.minRateNumerator()));
        Column ci = GARWOOD.apply(n);
        Column per100 = lit(100.0).divide(fte);
        Dataset<Row> out = cells
                .withColumn(Flags.FLAG, when(hidden, lit(Flags.SUPPRESSED))
                        .when(fte.leq(0).or(n.lt(rules.minRateNumerator())), lit(Flags.NOT_COMPUTED))
                        .when(n.lt(rules.reliableRateNumerator()), lit(Flags.UNRELIABLE)).otherwise(lit(Flags.NONE)))
                .withColumn(Flags.REASON, when(hidden, lit(Flags.HIDDEN))
                        .when(fte.leq(0), lit(Flags.NO_DENOMINATOR))
                        .when(n.lt(rules.minRateNumerator()), lit(Flags.FEW_EVENTS_NO_RATE))
                        .when(n.lt(rules.reliableRateNumerator()), lit(Flags.UNRELIABLE_FEW_EVENTS)).otherwise(lit(Flags.PUBLISHED)))
                .withColumn(RATE, when(rated, n.multiply(per100)))
                .withColumn(CI_LOWER, when(rated, ci.getField("lower").multiply(per100)))
                .withColumn(CI_UPPER, when(rated, ci.getField("upper").multiply(per100)))
                .withColumn(IncidentCells.INCIDENTS, when(not(hidden), n));
        List<Column> select = new ArrayList<>(List.of(col(Periods.GRAIN), col(Periods.PERIOD), col(Periods.START),
                col(IncidentCells.BREAKDOWN)));
        for (Dimension d : IncidentCells.DIMENSIONS) {
            select.add(col(d.column));
            if (d == Dimension.COUNTY) select.add(col("county_name"));
        }
        select.addAll(List.of(col(IncidentCells.INCIDENTS), col(IncidentCells.FTE_YEARS), col(RATE), col(CI_LOWER), col(CI_UPPER),
                col(Flags.FLAG), col(Flags.REASON)));
        return withCountyNames(out).select(select.toArray(Column[]::new));
    }

    /** County names by number (numbers are never reused across the reforms); "ALL" for the total. */
    static Dataset<Row> withCountyNames(Dataset<Row> rows) {
        List<Row> names = County.ALL.stream().map(c -> RowFactory.create(c.number(), c.name())).toList();
        Dataset<Row> lookup = rows.sparkSession().createDataFrame(names,
                new StructType().add("_county", DataTypes.StringType).add("_county_name", DataTypes.StringType));
        return rows.join(broadcast(lookup), col("county_no").equalTo(col("_county")), "left")
                .withColumn("county_name", coalesce(col("_county_name"), col("county_no")))
                .drop("_county", "_county_name");
    }
}
