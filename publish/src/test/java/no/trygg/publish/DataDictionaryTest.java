package no.trygg.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import no.trygg.jobs.testing.TestWarehouse;
import no.trygg.publish.research.DataDictionary;
import no.trygg.publish.research.ResearchView;
import no.trygg.publish.research.ResearchViews;
import no.trygg.publish.research.ResearchViewsJob;
import no.trygg.publish.trino.AccessRules;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class DataDictionaryTest {

    static final ResearchView VIEW = ResearchViews.ALL.get(0);

    static Dataset<Row> mart(String extraColumn) {
        StructType schema = new StructType().add("period", DataTypes.StringType).add("incidents", DataTypes.LongType)
                .add("flag", DataTypes.StringType);
        if (extraColumn != null) schema = schema.add(extraColumn, DataTypes.StringType);
        Object[] values = extraColumn == null ? new Object[] {"2024", 12L, ""} : new Object[] {"2024", 12L, "", "x"};
        return TestWarehouse.spark().createDataFrame(List.of(RowFactory.create(values)), schema);
    }

    @Test
    void everyColumnCarriesItsMeaningInBothLanguages() {
        Dataset<Row> documented = ResearchViewsJob.documented(mart(null), VIEW);
        assertEquals("Antall registrerte hendelser; tom når prikket (:) / Registered incidents; empty when suppressed (:)",
                documented.schema().apply("incidents").getComment().get());
        var views = List.of(new DataDictionary.View(VIEW, List.of(new DataDictionary.Column("incidents", "bigint", "nb", "en"))));
        String md = DataDictionary.markdown(views, "trygg");
        assertTrue(md.contains("## research.incident_rates"), md);
        assertTrue(md.contains("| `incidents` | bigint | nb | en |"), md);
        assertTrue(DataDictionary.html(views, "trygg").contains("<td><code>incidents</code></td><td>bigint</td>"));
    }

    @Test
    void anUndocumentedColumnCannotBePublished() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ResearchViewsJob.documented(mart("secret_note"), VIEW));
        assertTrue(e.getMessage().contains("secret_note has no entry in the research glossary"), e.getMessage());
    }

    @Test
    void accessRulesNameTheCatalogAndNoWriterButThePipeline() {
        String rules = AccessRules.json("trygg");
        assertTrue(rules.contains("{\"user\": \"researcher\", \"catalog\": \"trygg\", \"schema\": \"research|gold\", \"privileges\": [\"SELECT\"]}"));
        assertTrue(rules.contains("\"allow\": \"read-only\""));
        assertEquals(1, rules.split("INSERT", -1).length - 1, "only the pipeline user may write");
    }
}
