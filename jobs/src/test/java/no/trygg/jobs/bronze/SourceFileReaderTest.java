package no.trygg.jobs.bronze;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import no.trygg.jobs.bronze.SourceFileReader.ParsedFile;
import no.trygg.jobs.bronze.SourceFileReader.RawRecord;
import no.trygg.schemas.sources.SourceFormat;
import org.junit.jupiter.api.Test;

class SourceFileReaderTest {

    private final SourceFileReader measures = new SourceFileReader(SourceFormat.SECURITY_MEASURES);
    private static final String HEADER = "tiltak_id;enhet_nr;tiltak_kode;gyldig_fra;gyldig_til\n";

    private ParsedFile parse(String text) {
        return measures.parse(text.getBytes(StandardCharsets.UTF_8), "f.csv");
    }

    @Test
    void readsSemicolonFileWithLineNumbersAndQuotedNewlines() {
        ParsedFile f = parse(HEADER + "T1;0301;VEKTER;2020-01-01;\n\"T2\nx\";0301;VEKTER;2020-01-01;\nT3;0301;VEKTER;2020-01-01;\n");
        assertEquals(';', f.delimiter());
        assertEquals(List.of(2, 3, 5), f.records().stream().map(RawRecord::line).toList());
        assertEquals("T2\nx", f.records().get(1).values().get("tiltak_id"));
        assertTrue(f.records().stream().allMatch(r -> r.issue() == null));
    }

    @Test
    void commaSeparatorCrlfAndBomAreHandled() {
        byte[] body = "tiltak_id,enhet_nr,tiltak_kode,gyldig_fra,gyldig_til\r\nT1,0301,VEKTER,2020-01-01,\r\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        ParsedFile f = measures.parse(bytes, "f.csv");
        assertEquals("UTF-8-BOM", f.encoding());
        assertEquals(',', f.delimiter());
        assertEquals("0301", f.records().get(0).values().get("enhet_nr"));
        assertEquals(2, f.records().get(0).line());
    }

    @Test
    void windows1252FileIsDecoded() {
        // A Latin-1 export of a UTF-8 source: bad bytes on many lines, no UTF-8 letters anywhere.
        byte[] bytes = (HEADER + "T1;0301;VEKTER;2020-01-01;Bærum\nT2;0301;VEKTER;2020-01-01;Tromsø\n")
                .getBytes(SourceFileReader.WINDOWS_1252);
        ParsedFile f = measures.parse(bytes, "f.csv");
        assertEquals("windows-1252", f.encoding());
        assertEquals("Bærum", f.records().get(0).values().get("gyldig_til"));
        assertTrue(f.records().stream().allMatch(r -> r.issue() == null));
        // The office register is exported in Windows-1252: one Latin-1 letter is enough.
        String reg = String.join(";", SourceFormat.OFFICE_REGISTER.headers()) + "\n2020-01;0301;NAV Bærum\n";
        ParsedFile r = new SourceFileReader(SourceFormat.OFFICE_REGISTER).parse(reg.getBytes(SourceFileReader.WINDOWS_1252), "r.csv");
        assertEquals("NAV Bærum", r.records().get(0).values().get("enhet_navn"));
    }

    @Test
    void isolatedBadByteInAnOtherwiseAsciiUtf8SourceIsAnEncodingError() {
        byte[] bytes = (HEADER + "T1;0301;VEKTER;2020-01-01;\nT2;0301;VEKTER;2020-01-01;\nT3;0301;VEKTER;2020-01-01;\n"
                + "T4;03\u00E601;VEKTER;2020-01-01;\n").getBytes(SourceFileReader.WINDOWS_1252);
        ParsedFile f = measures.parse(bytes, "f.csv");
        assertTrue(f.records().get(3).issue().startsWith("ENCODING_ERROR: line 5"), String.valueOf(f.records().get(3).issue()));
        assertNull(f.records().get(0).issue());
    }

    @Test
    void invalidByteInUtf8FileMarksOnlyThatRow() {
        String good = HEADER + "T1;0301;VEKTER;2020-01-01;Tromsø\n";
        byte[] a = good.getBytes(StandardCharsets.UTF_8);
        byte[] b = "T2;0301;VEKTER;2020-01-01;B\u0000rum\n".getBytes(StandardCharsets.ISO_8859_1);
        b[b.length - 5] = (byte) 0xE6; // a Latin-1 'æ' inside a UTF-8 file
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        ParsedFile f = measures.parse(all, "f.csv");
        assertNull(f.records().get(0).issue());
        assertTrue(f.records().get(1).issue().startsWith("ENCODING_ERROR: line 3"), f.records().get(1).issue());
    }

    @Test
    void wrongFieldCountAndTruncatedQuoteAreKeptWithAnIssue() {
        ParsedFile f = parse(HEADER + "T1;0301;VEKTER\nT2;0301;VEKTER;2020-01-01;\n\"T3;0301;VEK");
        assertEquals(3, f.records().size());
        assertTrue(f.records().get(0).issue().startsWith("MALFORMED_ROW: line 2 has 3 fields"), f.records().get(0).issue());
        assertNull(f.records().get(1).issue());
        assertTrue(f.records().get(2).issue().startsWith("MALFORMED_ROW"), f.records().get(2).issue());
        assertEquals(4, f.records().get(2).line());
    }

    @Test
    void emptyAndHeaderOnlyFilesHaveNoRows() {
        assertEquals(0, parse("").records().size());
        assertEquals(0, parse(HEADER).records().size());
    }

    @Test
    void fileThatIsNotThisSourceIsRejectedWithTheMissingColumns() {
        var e = assertThrows(SourceFileReader.RejectedFileException.class, () -> parse("a;b;c\n1;2;3\n"));
        assertTrue(e.getMessage().contains("missing column(s) tiltak_id, enhet_nr, tiltak_kode, gyldig_fra"), e.getMessage());
        var binary = assertThrows(SourceFileReader.RejectedFileException.class,
                () -> measures.parse(new byte[] {0x50, 0x4B, 0x03, 0x04, 0, 0, 0x14}, "x.xlsx"));
        assertTrue(binary.getMessage().contains("not a CSV text file"), binary.getMessage());
    }

    @Test
    void blankFirstLineAndATwiceNamedColumnSayWhatIsWrong() {
        var blank = assertThrows(SourceFileReader.RejectedFileException.class, () -> parse("\n" + HEADER));
        assertTrue(blank.getMessage().contains("line 1 is empty where the security_measures header should be"), blank.getMessage());
        var twice = assertThrows(SourceFileReader.RejectedFileException.class, () -> parse(HEADER.strip() + ";enhet_nr\n"));
        assertTrue(twice.getMessage().endsWith("line 1 names a column twice: enhet_nr"), twice.getMessage());
    }

    @Test
    void aHeaderProblemNamesColumnsButNeverEchoesValues() {
        // Header and a row run together: the employee number and the date repeat, the format's columns do not.
        String header = "tiltak_id;enhet_nr;tiltak_kode;gyldig_fra;gyldig_til;K482913;K482913;2020-01-01;2020-01-01";
        SourceFileReader.RejectedFileException e = assertThrows(SourceFileReader.RejectedFileException.class,
                () -> measures.parse(header.getBytes(StandardCharsets.UTF_8), "f.csv"));
        assertEquals("f.csv: line 1 names a column twice: 2 more field(s) not shown (they may be data)", e.getMessage());
        assertEquals("tiltak_id, utsatt_12mnd, sikker_sone and 3 more field(s) not shown (they may be data)",
                SourceFileReader.columnNames(List.of("tiltak_id", "utsatt_12mnd", "sikker_sone", "k482913", "15038512363", "ola nordmann")));
    }
}
