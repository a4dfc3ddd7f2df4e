package no.trygg.jobs.silver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.schemas.codes.SurveyQuestion;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class SurveyAnswersTest {

    @Test
    void wideRowsBecomeOneAnswerPerQuestionAndNonResponseIsLeftOut() {
        Dataset<Row> wide = TestWarehouse.spark().sql("SELECT 2024 AS survey_year, 'p1' AS respondent_pseudonym, "
                + "'5' AS feel_safe, '4' AS safety_work_good, CAST(NULL AS STRING) AS know_measures, true AS exposed_12m, "
                + "false AS exposed_verbal, true AS exposed_threat, false AS exposed_physical, false AS exposed_harassment, "
                + "true AS reported");
        List<Row> answers = SurveyAnswers.toLong(wide).orderBy("question_code").collectAsList();
        assertEquals(SurveyQuestion.values().length - 1, answers.size());
        Row feelSafe = answers.stream().filter(r -> r.getString(2).equals("FEEL_SAFE")).findFirst().orElseThrow();
        assertEquals(5, feelSafe.getInt(3));
        Row threat = answers.stream().filter(r -> r.getString(2).equals("EXPOSED_THREAT")).findFirst().orElseThrow();
        assertEquals(1, threat.getInt(3));
        assertEquals(SurveyQuestion.values().length, SurveyAnswers.questions(TestWarehouse.spark()).count());
    }
}
