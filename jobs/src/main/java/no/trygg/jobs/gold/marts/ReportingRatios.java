package no.trygg.jobs.gold.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.year;

import java.util.ArrayList;
import java.util.List;
import no.trygg.jobs.gold.disclosure.CellProtection;
import no.trygg.jobs.gold.stats.ReportingRatio;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF4;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The under-reporting indicator: incidents registered in a year against the staff the survey says were exposed
 * (exposed share × headcount). Well below 1 means many exposed staff registered nothing. Shown only where both
 * the incident count and the survey group are published.
 */
public final class ReportingRatios {

    public static final List<Dimension> OFFICE_DIMENSIONS = List.of(Dimension.SIZE_CLASS, Dimension.COUNTY,
            Dimension.CHANNEL_STRATEGY_STAGE);
    /** The office groups: national and each office dimension alone (present in both the rate and the survey marts). */
    public static final List<Breakdown> BREAKDOWNS = List.of(Breakdown.of(), Breakdown.of(Dimension.SIZE_CLASS),
            Breakdown.of(Dimension.COUNTY), Breakdown.of(Dimension.CHANNEL_STRATEGY_STAGE));
    public static final String EXPOSURE_QUESTION = "EXPOSED_12M";

    private static final StructType ESTIMATE = new StructType().add("ratio", DataTypes.DoubleType)
            .add("lower", DataTypes.DoubleType).add("upper", DataTypes.DoubleType);
    private static final UserDefinedFunction RATIO = udf((UDF4<Long, Long, Long, Double, Row>) (r, x, n, staff) -> {
        ReportingRatio.Estimate e = ReportingRatio.of(r, x, n, staff);
        return RowFactory.create(e.ratio(), e.lower(), e.upper());
    }, ESTIMATE);

    private ReportingRatios() {
    }

    /** Headcount-years per year and office group: Σ monthly headcount / 12. */
    public static Dataset<Row> staff(Dataset<Row> exposureWithOffice) {
        Dataset<Row> all = null;
        for (Breakdown b : BREAKDOWNS) {
            List<Column> keys = new ArrayList<>(List.of(year(col("month")).cast("string").as(Periods.PERIOD)));
            b.dimensions().forEach(d -> keys.add(col(d.column)));
            Dataset<Row> s = exposureWithOffice.groupBy(keys.toArray(Column[]::new)).agg(sum("headcount").divide(12.0).as("staff"))
                    .withColumn(CellProtection.BREAKDOWN, lit(b.name()));
            for (Dimension d : OFFICE_DIMENSIONS) {
                if (!b.has(d)) s = s.withColumn(d.column, lit(Dimension.TOTAL));
            }
            all = all == null ? s : all.unionByName(s);
        }
        return all;
    }

    /**
     * @param incidentCells incident cells with {@code suppression} (counts still present)
     * @param surveyCells   survey cells with {@code suppression}
     * @param staff         {@link #staff}
     */
    public static Dataset<Row> publish(Dataset<Row> incidentCells, Dataset<Row> surveyCells, Dataset<Row> staff) {
        List<String> breakdownNames = BREAKDOWNS.stream().map(Breakdown::name).toList();
        List<String> keys = new ArrayList<>(List.of(Periods.PERIOD, CellProtection.BREAKDOWN));
        OFFICE_DIMENSIONS.forEach(d -> keys.add(d.column));
        Dataset<Row> registered = incidentCells.filter(col(Periods.GRAIN).equalTo(Periods.YEAR)
                        .and(col(CellProtection.BREAKDOWN).isin(breakdownNames.toArray()))
                        .and(col("incident_type").equalTo(Dimension.TOTAL)).and(col("channel").equalTo(Dimension.TOTAL))
                        .and(col("severity").equalTo(Dimension.TOTAL)))
                .select(col(Periods.PERIOD), col(CellProtection.BREAKDOWN), col("size_class"), col("county_no"),
                        col("channel_strategy_stage"), col(IncidentCells.INCIDENTS).as("registered_incidents"),
                        col(CellProtection.SUPPRESSION).as("_incidents_hidden"));
        Dataset<Row> exposed = surveyCells.filter(col("question_code").equalTo(EXPOSURE_QUESTION)
                        .and(col(CellProtection.BREAKDOWN).isin(breakdownNames.toArray()))
                        .and(col("role").equalTo(Dimension.TOTAL)).and(col("employer").equalTo(Dimension.TOTAL)))
                .select(col(Periods.PERIOD), col(CellProtection.BREAKDOWN), col("size_class"), col("county_no"),
                        col("channel_strategy_stage"), col(SurveyIndicators.RESPONDENTS), col(SurveyIndicators.POSITIVE).as("exposed"),
                        col(CellProtection.SUPPRESSION).as("_survey_hidden"));
        Dataset<Row> joined = registered.join(exposed, IncidentCells.toSeq(keys)).join(staff, IncidentCells.toSeq(keys));
        Column shown = col("_incidents_hidden").isNull().and(col("_survey_hidden").isNull()).and(col("exposed").gt(0));
        Column est = RATIO.apply(col("registered_incidents"), col("exposed"), col(SurveyIndicators.RESPONDENTS), col("staff"));
        Dataset<Row> out = joined
                .withColumn("exposed_share", when(col("_survey_hidden").isNull(), col("exposed").divide(col(SurveyIndicators.RESPONDENTS))))
                .withColumn("estimated_exposed_staff", when(col("_survey_hidden").isNull(),
                        col("exposed").divide(col(SurveyIndicators.RESPONDENTS)).multiply(col("staff"))))
                .withColumn("_est", when(shown, est))
                .withColumn("registered_per_exposed", col("_est.ratio"))
                .withColumn("ratio_ci95_lower", col("_est.lower"))
                .withColumn("ratio_ci95_upper", col("_est.upper"))
                .withColumn("registered_incidents", when(col("_incidents_hidden").isNull(), col("registered_incidents")))
                .withColumn(SurveyIndicators.RESPONDENTS, when(col("_survey_hidden").isNull(), col(SurveyIndicators.RESPONDENTS)))
                .withColumn(Flags.FLAG, when(col("_incidents_hidden").isNotNull().or(col("_survey_hidden").isNotNull()),
                        lit(Flags.SUPPRESSED)).when(not(shown), lit(Flags.NOT_COMPUTED)).otherwise(lit(Flags.NONE)))
                .withColumn(Flags.REASON, when(col("_incidents_hidden").isNotNull().or(col("_survey_hidden").isNotNull()), lit(Flags.HIDDEN))
                        .when(col("exposed").leq(0), lit(Flags.NOT_COMPUTED)).otherwise(lit(Flags.PUBLISHED)));
        return IncidentRates.withCountyNames(out).select(col(Periods.PERIOD).cast("int").as("year"), col(CellProtection.BREAKDOWN),
                col("size_class"), col("county_no"), col("county_name"), col("channel_strategy_stage"), col("registered_incidents"),
                col(SurveyIndicators.RESPONDENTS), col("exposed_share"), col("staff"), col("estimated_exposed_staff"),
                col("registered_per_exposed"), col("ratio_ci95_lower"), col("ratio_ci95_upper"), col(Flags.FLAG), col(Flags.REASON));
    }
}
