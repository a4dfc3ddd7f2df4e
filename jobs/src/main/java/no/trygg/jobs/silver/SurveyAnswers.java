package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import no.trygg.schemas.codes.SurveyQuestion;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** The survey's wide rows to long answers (one row per respondent and answered question), and the question dimension. */
public final class SurveyAnswers {

    private SurveyAnswers() {
    }

    /**
     * @param respondents one row per respondent with survey_year, respondent_pseudonym and a column per question
     * @return survey_year, respondent_pseudonym, question_code, answer_value (Likert 1–5, or 1 = J / 0 = N)
     */
    public static Dataset<Row> toLong(Dataset<Row> respondents) {
        Dataset<Row> out = null;
        for (SurveyQuestion q : SurveyQuestion.values()) {
            Column v = col(q.name().toLowerCase());
            Column value = q.scale == SurveyQuestion.Scale.LIKERT_5 ? v.cast("int")
                    : when(v, lit(1)).when(v.equalTo(false), lit(0));
            Dataset<Row> one = respondents.select(col("survey_year"), col("respondent_pseudonym"),
                    lit(q.name()).as("question_code"), value.as("answer_value")).filter(col("answer_value").isNotNull());
            out = out == null ? one : out.unionByName(one);
        }
        return out;
    }

    /** The question dimension, from the code list: wording in bokmål and English, scale and sensitivity. */
    public static Dataset<Row> questions(SparkSession spark) {
        StructType schema = new StructType()
                .add("question_code", DataTypes.StringType, false)
                .add("source_column", DataTypes.StringType, false)
                .add("scale", DataTypes.StringType, false)
                .add("sensitive", DataTypes.BooleanType, false)
                .add("text_nb", DataTypes.StringType, false)
                .add("text_en", DataTypes.StringType, false);
        List<Row> rows = new ArrayList<>();
        Arrays.stream(SurveyQuestion.values()).forEach(q -> rows.add(RowFactory.create(q.name(), q.column, q.scale.name(),
                q.sensitive, q.labelNb(), q.labelEn())));
        return spark.createDataFrame(rows, schema);
    }

}
