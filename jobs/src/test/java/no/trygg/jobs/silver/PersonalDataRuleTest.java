package no.trygg.jobs.silver;

import static no.trygg.jobs.silver.TypedColumnsTest.incident;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import no.trygg.jobs.testing.BronzeRows;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class PersonalDataRuleTest {

    private static final String ID = "15038512363";
    private static final String D_NUMBER = "41010112360";

    @SafeVarargs
    private static Dataset<Row> checked(Map<String, String>... records) {
        return RowRules.apply(TypedColumns.parse(BronzeRows.of("incidents/incidents_2024-04-01.csv", records),
                SourceFormat.INCIDENTS), SourceFormat.INCIDENTS).orderBy("line_number");
    }

    @Test
    void personalDataInATextColumnQuarantinesTheRowWithoutEchoingIt() {
        List<Row> rows = checked(incident("hendelse_id", ID), incident("kanal", "ring 912 34 567"),
                incident("enhet_nr", "0301 kari@epost.no", "hendelsestype", "SPARK"), incident("hendelse_id", "H2")).collectAsList();
        assertEquals("PERSONAL_DATA", rows.get(0).getAs(Rejections.REASON));
        assertEquals("personal data (NATIONAL_ID_NUMBER) in hendelse_id; the values are kept in bronze only",
                rows.get(0).getAs(Rejections.DETAIL));
        assertEquals("INVALID_CODE", rows.get(1).getAs(Rejections.REASON), "a code column fails its own check ...");
        Row masked = Quarantine.rows(Rejections.rejected(checked(incident("kanal", "ring 912 34 567"))), SourceFormat.INCIDENTS).first();
        assertTrue(((String) masked.getAs("reason_detail")).contains("ring [PHONE_NUMBER]"), "... and quarantine masks the quote: "
                + masked.getAs("reason_detail"));
        assertEquals("PERSONAL_DATA", rows.get(2).getAs(Rejections.REASON), "comes before the code check, whose detail quotes");
        assertNull(rows.get(3).getAs(Rejections.REASON));
        Row two = checked(incident("enhet_nr", "tlf 22 33 44 55", "hendelse_id", "H2 " + ID)).first();
        assertEquals("personal data (NATIONAL_ID_NUMBER, PHONE_NUMBER) in hendelse_id, enhet_nr; the values are kept in bronze only",
                two.getAs(Rejections.DETAIL));
    }

    @Test
    void freeTextAndNumbersAreNotChecked() {
        List<Row> rows = checked(incident("beskrivelse", "Gjelder Ola, fnr " + ID + ", tlf 91234567"),
                incident("hendelse_id", "H3", "sykefravaer_dager", "91234567")).collectAsList();
        assertNull(rows.get(0).getAs(Rejections.REASON), "free text stays in bronze, it is never checked into quarantine");
        assertNull(rows.get(1).getAs(Rejections.REASON), "a number column is typed as a number");
    }

    @Test
    void quarantineMasksPersonalDataInRecordAndDetail() {
        Dataset<Row> c = checked(incident("hendelse_id", D_NUMBER.substring(0, 6) + " " + D_NUMBER.substring(6)),
                incident("hendelse_id", "H4", "kanal", "SMS til 91234567"));
        List<Row> q = Quarantine.rows(Rejections.rejected(c), SourceFormat.INCIDENTS).orderBy("line_number").collectAsList();
        assertEquals(2, q.size());
        Map<String, String> first = scala.collection.JavaConverters.mapAsJavaMap(q.get(0).getAs("record"));
        assertEquals("[NATIONAL_ID_NUMBER]", first.get("hendelse_id"));
        assertEquals("0301", first.get("enhet_nr"), "other values are kept for whoever fixes the export");
        assertFalse(first.containsKey("beskrivelse"));
        Map<String, String> second = scala.collection.JavaConverters.mapAsJavaMap(q.get(1).getAs("record"));
        assertEquals("SMS til [PHONE_NUMBER]", second.get("kanal"));
        for (Row r : q) {
            assertFalse(r.toString().contains("12360") || r.toString().contains("91234567"), r.toString());
        }
    }

    @Test
    void freeTextIsCountedNotCopied() {
        Dataset<Row> c = checked(incident("beskrivelse", "Gjelder Ola, fnr " + ID + "."),
                incident("hendelse_id", "H5", "beskrivelse", "Ringte fra 41234567, skrev fra ola@epost.no"),
                incident("hendelse_id", "H6"), incident("hendelse_id", "H7", "beskrivelse", ""));
        Map<String, Long> counts = FreeTextPersonalData.count(c, SourceFormat.INCIDENTS);
        assertEquals(Map.of("rows_scanned", 4L, "with_personal_data", 2L, "NATIONAL_ID_NUMBER", 1L, "PHONE_NUMBER", 1L,
                "EMAIL_ADDRESS", 1L), counts);
        assertEquals(Map.of(), FreeTextPersonalData.count(c, SourceFormat.OFFICE_MONTH), "no free text, no counts");
        String property = FreeTextPersonalData.encode(Map.of("incidents", counts));
        assertEquals(Map.of("incidents", counts), FreeTextPersonalData.decode(property));
        assertEquals(Map.of(), FreeTextPersonalData.decode(null));
        assertEquals("incidents: 2 of 4 rows (NATIONAL_ID_NUMBER 1, PHONE_NUMBER 1, EMAIL_ADDRESS 1)",
                FreeTextPersonalData.describe("incidents", counts));
    }
}
