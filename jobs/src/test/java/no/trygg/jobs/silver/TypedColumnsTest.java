package no.trygg.jobs.silver;

import static no.trygg.jobs.testing.BronzeRows.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import no.trygg.jobs.testing.BronzeRows;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

class TypedColumnsTest {

    private static List<Row> parse(SourceFormat f, java.util.Map<String, String> r) {
        @SuppressWarnings("unchecked")
        var rows = RowRules.apply(TypedColumns.parse(BronzeRows.of("f.csv", r), f), f).orderBy("line_number").collectAsList();
        return rows;
    }

    /** A clean incident row, with some values replaced. */
    static java.util.Map<String, String> incident(String... overrides) {
        var r = record("hendelse_id", "H1", "versjon_tidspunkt", "2024-03-31T10:00:00", "registrert_tidspunkt",
                "2024-03-31T09:00", "hendelse_tidspunkt", "31.03.2024 02:30", "enhet_nr", "0301", "hendelsestype", "threat",
                "kanal", "PHONE", "alvorlighet", "3", "personskade", "NONE", "sykefravaer_dager", "0", "politianmeldt", "BY_OFFICE",
                "alarm_utlost", "J", "oppfolging", "n", "melder_ansattnr", "A123456", "melder_arbeidsgiver", "STATE",
                "beskrivelse", "Bruker ringte");
        for (int i = 0; i < overrides.length; i += 2) r.put(overrides[i], overrides[i + 1]);
        return r;
    }

    @Test
    void cleanIncidentIsTyped() {
        Row r = parse(SourceFormat.INCIDENTS, incident()).get(0);
        assertNull(r.getAs(Rejections.REASON));
        assertEquals("THREAT", r.getAs("incident_type"), "codes are case-insensitive and normalised");
        assertEquals(3, (int) r.getAs("severity"));
        assertEquals(true, r.getAs("alarm_triggered"));
        assertEquals(false, r.getAs("follow_up"));
        assertTrue(r.getAs("occurred_at") != null, "dd.MM.yyyy HH:mm is accepted");
    }

    @Test
    void eachDefectGetsItsReasonAndAReadableDetail() {
        assertReason(incident("hendelsestype", ""), "MISSING_MANDATORY", "hendelsestype is empty");
        assertReason(incident("hendelsestype", "SPARK"), "INVALID_CODE", "'SPARK' is not in the code list");
        assertReason(incident("hendelse_tidspunkt", "31.02.2019 25:61"), "UNPARSEABLE_VALUE", "'31.02.2019 25:61' is not a time");
        assertReason(incident("alvorlighet", "7"), "OUT_OF_RANGE", "alvorlighet 7 is outside 1–5");
        assertReason(incident("hendelse_tidspunkt", "2024-05-30T10:00"), "FUTURE_DATE", "is after the report was saved");
        assertReason(incident("alarm_utlost", "kanskje"), "INVALID_CODE", "is not J or N");
    }

    @Test
    void sensitiveValuesAreNotEchoedInReasons() {
        Row r = parse(SourceFormat.INCIDENTS, incident("melder_ansattnr", "")).get(0);
        assertEquals("MISSING_MANDATORY", r.getAs(Rejections.REASON));
        Row d = parse(SourceFormat.SECURITY_MEASURES, record("tiltak_id", "T1", "enhet_nr", "0301", "tiltak_kode", "VEKTER",
                "gyldig_fra", "2019-13-45")).get(0);
        assertEquals("UNPARSEABLE_VALUE", d.getAs(Rejections.REASON));
        assertTrue(((String) d.getAs(Rejections.DETAIL)).contains("'2019-13-45' is not a date"));
    }

    @Test
    void decimalCommaAndMonthsAreRead() {
        Row r = parse(SourceFormat.OFFICE_REGISTER, record("periode", "2020-01", "enhet_nr", "0301", "enhet_navn", "NAV Moss",
                "enhet_type", "LOCAL_OFFICE", "kommune_nr", "3002", "kommune_navn", "Moss", "fylke_nr", "30", "fylke_navn", "Viken",
                "arsverk_budsjett", "80,5", "andel_statlig", "0,6", "kanalstrategi", "IN_PROGRESS")).get(0);
        assertNull(r.getAs(Rejections.REASON), () -> r.getAs(Rejections.DETAIL));
        assertEquals(80.5, (double) r.getAs("budget_fte"), 1e-9);
        assertEquals(java.sql.Date.valueOf("2020-01-01"), r.getAs("period"));
        assertFalse(r.isNullAt(r.fieldIndex("state_share")));
    }

    private static void assertReason(java.util.Map<String, String> record, String reason, String detailPart) {
        Row r = parse(SourceFormat.INCIDENTS, record).get(0);
        assertEquals(reason, r.getAs(Rejections.REASON), () -> "detail: " + r.getAs(Rejections.DETAIL));
        assertTrue(((String) r.getAs(Rejections.DETAIL)).contains(detailPart), () -> r.getAs(Rejections.DETAIL));
    }
}
