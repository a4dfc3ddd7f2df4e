package no.trygg.jobs.gold.marts;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.not;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.make_date;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import no.trygg.jobs.gold.disclosure.CellProtection;
import no.trygg.jobs.gold.stats.Interval;
import no.trygg.jobs.gold.stats.WilsonInterval;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.expressions.UserDefinedFunction;

/**
 * Staff-survey indicators (medarbeiderundersøkelsen): per year, question and group, the respondents, the
 * share answering positively (agree 4–5 on Likert items, yes on yes/no items) and its Wilson 95 % interval.
 * Unweighted: the survey is close to a census of staff, so shares are of respondents.
 */
public final class SurveyIndicators {

    public static final List<Dimension> DIMENSIONS = List.of(Dimension.SIZE_CLASS, Dimension.COUNTY,
            Dimension.CHANNEL_STRATEGY_STAGE, Dimension.ROLE, Dimension.EMPLOYER);
    public static final List<Breakdown> BREAKDOWNS = List.of(
            Breakdown.of(),
            Breakdown.of(Dimension.SIZE_CLASS),
            Breakdown.of(Dimension.COUNTY),
            Breakdown.of(Dimension.CHANNEL_STRATEGY_STAGE),
            Breakdown.of(Dimension.ROLE),
            Breakdown.of(Dimension.EMPLOYER),
            Breakdown.of(Dimension.SIZE_CLASS, Dimension.EMPLOYER),
            // Roles by county: where small groups (a county's security officers) meet the survey thresholds.
            Breakdown.of(Dimension.COUNTY, Dimension.ROLE));

    public static final String RESPONDENTS = "respondents";
    public static final String POSITIVE = "positive_answers";
    public static final String SHARE = "share";

    private static final UserDefinedFunction WILSON = udf((UDF2<Long, Long, Row>) (x, n) -> {
        Interval i = WilsonInterval.of(x, n);
        return RowFactory.create(i.lower(), i.upper());
    }, IncidentRates.INTERVAL);

    private SurveyIndicators() {
    }

    /** One row per answer: year, question, whether it is positive, the question's sensitivity and the respondent's groups. */
    public static Dataset<Row> answersWithGroups(Dataset<Row> answers, Dataset<Row> respondents, Dataset<Row> officeHistory,
                                                 Dataset<Row> questions) {
        Dataset<Row> groups = respondents.select("survey_year", "respondent_pseudonym", "office_version_key", "role", "employer")
                .join(officeHistory.select("office_version_key", "size_class", "county_no", "channel_strategy_stage"), "office_version_key");
        Column value = col("answer_value").cast("int");
        return answers.join(groups, IncidentCells.toSeq(List.of("survey_year", "respondent_pseudonym")))
                .join(questions.select("question_code", "scale", "sensitive"), "question_code")
                .select(col("survey_year"), col("question_code"), col("sensitive"),
                        when(col("scale").equalTo("LIKERT_5"), value.geq(4)).otherwise(value.equalTo(1)).as("positive"),
                        col("size_class"), col("county_no"), col("channel_strategy_stage"), col("role"), col("employer"));
    }

    /** Respondents and positive answers per year × question × breakdown (cells keyed like the incident cells). */
    public static Dataset<Row> cells(Dataset<Row> answersWithGroups) {
        Dataset<Row> all = null;
        for (Breakdown b : BREAKDOWNS) {
            List<Column> keys = new ArrayList<>(List.of(col("survey_year"), col("question_code"), col("sensitive")));
            b.dimensions().forEach(d -> keys.add(col(d.column)));
            Dataset<Row> c = answersWithGroups.groupBy(keys.toArray(Column[]::new))
                    .agg(count(lit(1)).as(RESPONDENTS), sum(when(col("positive"), 1L).otherwise(0L)).as(POSITIVE))
                    .withColumn(CellProtection.BREAKDOWN, lit(b.name()));
            for (Dimension d : DIMENSIONS) {
                if (!b.has(d)) c = c.withColumn(d.column, lit(Dimension.TOTAL));
            }
            all = all == null ? c : all.unionByName(c);
        }
        List<Column> out = new ArrayList<>(List.of(lit(Periods.YEAR).as(Periods.GRAIN), col("survey_year").cast("string").as(Periods.PERIOD),
                make_date(col("survey_year"), lit(1), lit(1)).as(Periods.START), col("question_code"), col("sensitive"),
                col(CellProtection.BREAKDOWN)));
        DIMENSIONS.forEach(d -> out.add(col(d.column)));
        out.add(col(RESPONDENTS));
        out.add(col(POSITIVE));
        return all.select(out.toArray(Column[]::new));
    }

    /** The published mart: a suppressed group shows nothing, not even its number of respondents. */
    public static Dataset<Row> publish(Dataset<Row> cells) {
        Column hidden = col(CellProtection.SUPPRESSION).isNotNull();
        Column ci = WILSON.apply(col(POSITIVE), col(RESPONDENTS));
        Dataset<Row> out = cells
                .withColumn(SHARE, when(not(hidden), col(POSITIVE).divide(col(RESPONDENTS))))
                .withColumn("share_ci95_lower", when(not(hidden), ci.getField("lower")))
                .withColumn("share_ci95_upper", when(not(hidden), ci.getField("upper")))
                .withColumn(RESPONDENTS, when(not(hidden), col(RESPONDENTS)))
                .withColumn(POSITIVE, when(not(hidden), col(POSITIVE)))
                .withColumn(Flags.FLAG, when(hidden, lit(Flags.SUPPRESSED)).otherwise(lit(Flags.NONE)))
                .withColumn(Flags.REASON, when(hidden, lit(Flags.HIDDEN)).otherwise(lit(Flags.PUBLISHED)));
        List<Column> select = new ArrayList<>(List.of(col(Periods.PERIOD).cast("int").as("survey_year"), col("question_code"),
                col("sensitive"), col(CellProtection.BREAKDOWN)));
        DIMENSIONS.forEach(d -> {
            select.add(col(d.column));
            if (d == Dimension.COUNTY) select.add(col("county_name"));
        });
        select.addAll(List.of(col(RESPONDENTS), col(POSITIVE), col(SHARE), col("share_ci95_lower"), col("share_ci95_upper"),
                col(Flags.FLAG), col(Flags.REASON)));
        return IncidentRates.withCountyNames(out).select(select.toArray(Column[]::new));
    }
}
