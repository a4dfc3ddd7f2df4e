package no.trygg.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.quality.deequ.DeequAdapter;
import no.trygg.quality.suites.Suggestions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    @Test
    void deequSuggestionsBecomeTryggRules() {
        StructType schema = new StructType().add("incident_id", DataTypes.StringType).add("channel", DataTypes.StringType)
                .add("sick_leave_days", DataTypes.IntegerType);
        List<Row> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            rows.add(RowFactory.create("H" + i, i % 3 == 0 ? "PHONE" : "RECEPTION", i % 7));
        }
        Dataset<Row> data = TestWarehouse.spark().createDataFrame(rows, schema);
        List<String> lines = Suggestions.asRules(DeequAdapter.suggest(data));
        String all = String.join("\n", lines);
        assertTrue(all.contains("new Complete(\"incident_id\", 1.0, ERROR),"), all);
        assertTrue(all.contains("new Unique(List.of(\"incident_id\"), ERROR),"), all);
        assertTrue(all.contains("new InCodeList(\"channel\", List.of(") && all.contains("\"PHONE\"") && all.contains("\"RECEPTION\""), all);
        assertTrue(all.contains("new InRange(\"sick_leave_days\", \">= 0\", ERROR),"), all);
    }

    @Test
    void fractionalSuggestionsBecomeWarnings() {
        DeequAdapter.Suggestion s = new DeequAdapter.Suggestion("injury", "FractionalCategoricalRangeRule", "'injury' has value range 'NONE', 'MINOR' for at least 94.0% of values",
                ".isContainedIn(\"injury\", Array(\"NONE\", \"MINOR\"), _ >= 0.94, Some(\"It should be above 0.94!\"))");
        assertTrue(Suggestions.asRules(List.of(s)).get(0).startsWith("new InCodeList(\"injury\", List.of(\"NONE\", \"MINOR\"), 0.94, WARNING),"));
        DeequAdapter.Suggestion t = new DeequAdapter.Suggestion("x", "RetainTypeRule", "'x' has type Integral", ".hasDataType(\"x\", ConstrainableDataTypes.Integral)");
        assertEquals("// x: 'x' has type Integral  (no Trygg rule; Deequ: .hasDataType(\"x\", ConstrainableDataTypes.Integral))",
                Suggestions.asRules(List.of(t)).get(0));
    }
}
