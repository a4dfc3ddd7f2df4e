package no.trygg.jobs.gold.marts;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;

/**
 * Incident counts and FTE-years for every period and breakdown: the cells the rate mart, the national series
 * and the disclosure control work on. Cells are dense: every office group that had staff in a period gets a
 * cell for every code of the incident dimensions, so zeros are real zeros and every total is the exact sum
 * of its parts (which secondary suppression relies on).
 */
public final class IncidentCells {

    public static final String INCIDENTS = "incidents";
    public static final String FTE_YEARS = "fte_years";
    public static final String BREAKDOWN = "breakdown";
    /** Dimensions of the incident marts, in column order. */
    public static final List<Dimension> DIMENSIONS = List.of(Dimension.SIZE_CLASS, Dimension.COUNTY,
            Dimension.CHANNEL_STRATEGY_STAGE, Dimension.INCIDENT_TYPE, Dimension.CHANNEL, Dimension.SEVERITY);
    private static final List<String> PERIOD_COLUMNS = List.of(Periods.GRAIN, Periods.PERIOD, Periods.START);

    private IncidentCells() {
    }

    /** Incidents with the office version valid when they happened: date, office and every dimension as text. */
    public static Dataset<Row> incidentsWithOffice(Dataset<Row> incidents, Dataset<Row> officeHistory) {
        return incidents.join(officeDimensions(officeHistory), "office_version_key")
                .select(col("occurred_date"), col("office_id"), col("size_class"), col("county_no"), col("channel_strategy_stage"),
                        col("incident_type"), col("channel"), col("severity").cast("string").as("severity"));
    }

    /** Monthly FTE (the denominator) with the office version valid in that month. */
    public static Dataset<Row> exposureWithOffice(Dataset<Row> officeMonth, Dataset<Row> officeHistory) {
        return officeMonth.join(officeDimensions(officeHistory), "office_version_key")
                .select(col("month"), col("office_id"), col("size_class"), col("county_no"), col("channel_strategy_stage"), col("fte"),
                        col("headcount"));
    }

    private static Dataset<Row> officeDimensions(Dataset<Row> officeHistory) {
        return officeHistory.select("office_version_key", "size_class", "county_no", "channel_strategy_stage");
    }

    /**
     * @param incidents  {@link #incidentsWithOffice} exploded by {@link Periods#explodeByPeriod}
     * @param exposure   {@link #exposureWithOffice} exploded by {@link Periods#explodeByPeriod}
     * @return one row per period × breakdown × dimension values, with {@code incidents} and {@code fte_years}
     */
    public static Dataset<Row> build(Dataset<Row> incidents, Dataset<Row> exposure, List<Breakdown> breakdowns) {
        Dataset<Row> all = null;
        for (Breakdown b : breakdowns) {
            Dataset<Row> cells = forBreakdown(incidents, exposure, b);
            all = all == null ? cells : all.unionByName(cells);
        }
        return all;
    }

    private static Dataset<Row> forBreakdown(Dataset<Row> incidents, Dataset<Row> exposure, Breakdown b) {
        List<String> keys = new ArrayList<>(PERIOD_COLUMNS);
        b.dimensions().forEach(d -> keys.add(d.column));
        List<String> officeKeys = new ArrayList<>(PERIOD_COLUMNS);
        b.dimensions().stream().filter(d -> !d.fromCodeList()).forEach(d -> officeKeys.add(d.column));

        Dataset<Row> counts = incidents.groupBy(columns(keys)).agg(count(lit(1)).as(INCIDENTS));
        // Σ monthly FTE / 12 = FTE-years (årsverk) in the period.
        Dataset<Row> grid = exposure.groupBy(columns(officeKeys)).agg(sum("fte").divide(12.0).as(FTE_YEARS));
        for (Dimension d : b.dimensions()) {
            if (d.fromCodeList()) {
                grid = grid.crossJoin(exposure.sparkSession().createDataset(d.codes, Encoders.STRING()).toDF(d.column));
            }
        }
        Dataset<Row> cells = grid.join(counts, toSeq(keys), "full_outer")
                .withColumn(INCIDENTS, coalesce(col(INCIDENTS), lit(0L)))
                .withColumn(FTE_YEARS, coalesce(col(FTE_YEARS), lit(0.0)))
                .withColumn(BREAKDOWN, lit(b.name()));
        for (Dimension d : DIMENSIONS) {
            if (!b.has(d)) cells = cells.withColumn(d.column, lit(Dimension.TOTAL));
        }
        List<String> out = new ArrayList<>(PERIOD_COLUMNS);
        out.add(BREAKDOWN);
        DIMENSIONS.forEach(d -> out.add(d.column));
        out.add(INCIDENTS);
        out.add(FTE_YEARS);
        return cells.select(columns(out));
    }

    static Column[] columns(List<String> names) {
        return names.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
    }

    static scala.collection.Seq<String> toSeq(List<String> names) {
        return scala.collection.JavaConverters.asScalaBuffer(names).toSeq();
    }

    /** The dimension columns, for callers that key cells. */
    public static List<String> dimensionColumns() {
        return DIMENSIONS.stream().map(d -> d.column).toList();
    }
}
