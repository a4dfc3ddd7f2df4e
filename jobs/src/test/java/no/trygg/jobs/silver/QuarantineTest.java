package no.trygg.jobs.silver;

import static no.trygg.jobs.testing.BronzeRows.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import no.trygg.jobs.testing.BronzeRows;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class QuarantineTest {

    @Test
    void quarantinedRowKeepsReasonAndLocationButNoFreeTextOrPersonId() {
        var bronze = BronzeRows.of("incidents/incidents_2024-01-02.csv", record("hendelse_id", "H9", "enhet_nr", "0301",
                "hendelsestype", "SPARK", "melder_ansattnr", "A123456", "beskrivelse", "Ola Nordmann 01010112377",
                "_extra_1", "x"));
        var checked = TypedColumns.parse(bronze, SourceFormat.INCIDENTS);
        Row q = Quarantine.rows(Rejections.rejected(checked), SourceFormat.INCIDENTS).first();
        assertEquals("incidents", q.getAs("source"));
        assertEquals("incidents/incidents_2024-01-02.csv", q.getAs("source_file"));
        assertEquals(2, (int) q.getAs("line_number"));
        assertEquals("MISSING_MANDATORY", q.getAs("reason"), "the first failing check wins");
        Map<String, String> rec = scala.collection.JavaConverters.mapAsJavaMap(q.getAs("record"));
        assertEquals("SPARK", rec.get("hendelsestype"));
        assertFalse(rec.containsKey("beskrivelse"));
        assertFalse(rec.containsKey("melder_ansattnr"));
        assertFalse(rec.containsKey("_extra_1"), "unknown extra fields stay in bronze only");
        assertTrue(rec.containsKey("enhet_nr"));
    }
}
