package no.trygg.generator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.trygg.schemas.codes.IncidentType;
import no.trygg.schemas.sources.SourceFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One shared small generation (scale 0.1, 2019–2024, 5 % defects) checked from the files themselves. */
class SourceGeneratorTest {

    @TempDir
    static Path dir;
    static GenerationSummary summary;
    static Map<SourceFormat, SourceChecker.Result> checked;
    static final List<String> progress = new ArrayList<>();
    static final java.time.ZoneId OSLO = java.time.ZoneId.of("Europe/Oslo");

    @BeforeAll
    static void generate() throws IOException {
        GeneratorOptions o = new GeneratorOptions(7, 2019, 2024, 0.1, 0.05, dir.resolve("out"));
        summary = new SourceGenerator(o).generate(progress::add);
        checked = SourceChecker.check(o.outDir());
    }

    @Test
    void writesEveryFileWithTheSchemaHeaders() throws IOException {
        Path out = summary.outDir();
        assertEquals(72, SourceChecker.files(out, SourceFormat.OFFICE_REGISTER).size());
        assertEquals(List.of("security_measures_2024-12-31.csv"), SourceChecker.files(out,
                SourceFormat.SECURITY_MEASURES).stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(6, SourceChecker.files(out, SourceFormat.OFFICE_MONTH).size());
        long days = LocalDate.of(2019, 1, 1).until(LocalDate.of(2025, 1, 1), java.time.temporal.ChronoUnit.DAYS);
        assertEquals(days, SourceChecker.files(out, SourceFormat.INCIDENTS).size());
        assertEquals(6, SourceChecker.files(out, SourceFormat.STAFF_SURVEY).size());
        assertTrue(Files.exists(out.resolve("office_register/office_register_2019-01.csv")));
        assertTrue(Files.exists(out.resolve("incidents/incidents_2020-02-29.csv")));
        assertTrue(Files.exists(out.resolve("manifest.json")));
        for (SourceFormat f : SourceFormat.values()) {
            for (Path p : SourceChecker.files(out, f)) {
                List<String> headers = new ArrayList<>();
                SourceChecker.read(p, f, headers);
                assertEquals(f.headers(), headers, p.toString());
            }
            assertEquals(summary.filesPerFolder().get(f.folder), SourceChecker.files(out, f).size(), f.folder);
        }
    }

    @Test
    void manifestMatchesWhatIsInTheFiles() {
        Manifest m = summary.manifest();
        for (SourceFormat f : SourceFormat.values()) {
            SourceChecker.Result r = checked.get(f);
            Manifest.SourceStats s = m.source(f);
            assertEquals(s.files(), r.files(), f + " files");
            assertEquals(s.rows(), r.rows(), f + " rows");
            assertEquals(summary.rowsPerFolder().get(f.folder), r.rows(), f + " rows in summary");
            Map<DefectReason, Long> expected = new EnumMap<>(DefectReason.class);
            s.defects().forEach((k, v) -> {
                if (v > 0) {
                    expected.put(k, v);
                }
            });
            assertEquals(expected, r.defects(), f + " defects by reason");
            assertEquals(s.expectedSilverRows(), r.expectedSilverRows(), f + " expected silver rows");
            assertTrue(s.defectRows() > 0, f + " has defects");
        }
        // Every applicable reason appears at 5 % (registers: 0.5 %) and the shares are as asked.
        Manifest.SourceStats inc = m.source(SourceFormat.INCIDENTS);
        for (DefectReason d : DefectReason.values()) {
            assertTrue(inc.defects(d) > 0, "incident defect " + d);
        }
        for (SourceFormat f : SourceFormat.values()) {
            Manifest.SourceStats s = m.source(f);
            boolean register = f == SourceFormat.OFFICE_REGISTER || f == SourceFormat.SECURITY_MEASURES;
            double share = register ? 0.005 : 0.05;
            assertEquals(Math.round(s.cleanRows() * share), s.defectRows(), f + " defect count");
        }
        assertEquals(0, m.source(SourceFormat.OFFICE_REGISTER).defects(DefectReason.UNKNOWN_OFFICE));
        assertFalse(m.source(SourceFormat.OFFICE_REGISTER).defects().containsKey(DefectReason.ENCODING_ERROR));
        assertFalse(m.source(SourceFormat.OFFICE_MONTH).defects().containsKey(DefectReason.DUPLICATE_CONFLICT));
    }

    @Test
    void manifestIncidentTruthMatchesTheLatestVersions() {
        List<SourceChecker.Line> clean = checked.get(SourceFormat.INCIDENTS).clean();
        Map<String, SourceChecker.Line> latest = new HashMap<>();
        for (SourceChecker.Line l : clean) {
            latest.merge(l.get("hendelse_id"), l, (a, b) -> SourceChecker.timestamp(a.get("versjon_tidspunkt"))
                    .isAfter(SourceChecker.timestamp(b.get("versjon_tidspunkt"))) ? a : b);
        }
        Map<Integer, Integer> perYear = new TreeMap<>();
        Map<Integer, Map<IncidentType, Integer>> perType = new TreeMap<>();
        Map<Integer, Long> sick = new TreeMap<>();
        for (SourceChecker.Line l : latest.values()) {
            int year = SourceChecker.timestamp(l.get("hendelse_tidspunkt")).getYear();
            perYear.merge(year, 1, Integer::sum);
            perType.computeIfAbsent(year, y -> {
                Map<IncidentType, Integer> m = new EnumMap<>(IncidentType.class);
                for (IncidentType t : IncidentType.values()) {
                    m.put(t, 0);
                }
                return m;
            }).merge(IncidentType.valueOf(l.get("hendelsestype")), 1, Integer::sum);
            String s = l.get("sykefravaer_dager");
            sick.merge(year, s.isEmpty() ? 0L : Long.parseLong(s), Long::sum);
        }
        Manifest m = summary.manifest();
        assertEquals(m.incidentsPerYear(), perYear);
        assertEquals(m.incidentsPerYearAndType(), perType);
        assertEquals(m.sickLeaveDaysPerYear(), sick);
        for (int y = 2019; y <= 2024; y++) {
            assertEquals(IncidentSource.incidentsInYear(y, 0.1), perYear.get(y), "year " + y);
        }
        assertTrue(m.sickLeaveDaysPerYear().values().stream().mapToLong(Long::longValue).sum() > 0);
        String json = m.toJson();
        assertTrue(json.contains("\"incidentsPerYear\": {\n    \"2019\": " + perYear.get(2019)), json);
        assertTrue(json.contains("\"expectedSilverRows\": "
                + m.source(SourceFormat.INCIDENTS).expectedSilverRows()), json);
    }

    @Test
    void manifestFileIsTheManifestAsJson() throws IOException {
        String json = Files.readString(summary.manifestFile(), StandardCharsets.UTF_8);
        assertEquals(summary.manifest().toJson(), json);
        assertFalse(json.contains(summary.outDir().toString()), "output folder must not be in the manifest");
        assertTrue(json.contains("\"seed\": 7"));
        assertTrue(json.contains("\"scale\": 0.1"));
        assertTrue(json.contains("\"defectShare\": 0.05"));
        // Balanced braces: a cheap well-formedness check (no strings contain braces).
        assertEquals(json.chars().filter(c -> c == '{').count(), json.chars().filter(c -> c == '}').count());
    }

    @Test
    void registerIsWindows1252WithNorwegianLetters() throws IOException {
        byte[] bytes = Files.readAllBytes(summary.outDir().resolve("office_register/office_register_2019-06.csv"));
        String text = new String(bytes, Charset.forName("windows-1252"));
        assertTrue(text.contains("Østfold") || text.contains("Møre og Romsdal") || text.contains("Sør-Trøndelag"));
        assertTrue(text.chars().anyMatch(c -> c == 'æ' || c == 'ø' || c == 'å' || c == 'Ø' || c == 'Å'), text);
        // Single bytes for the letters, never UTF-8's two-byte sequences (0xC3 ...).
        boolean latin = false;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            latin |= b == 0xD8 || b == 0xF8 || b == 0xE6 || b == 0xE5 || b == 0xC5;
            if (b == 0xC3 && i + 1 < bytes.length && (bytes[i + 1] & 0xC0) == 0x80) {
                throw new AssertionError("UTF-8 sequence in the Windows-1252 register at byte " + i);
            }
        }
        assertTrue(latin);
        assertTrue(text.startsWith("periode;enhet_nr;"));
        assertTrue(text.contains(";LOCAL_OFFICE;"));
        assertTrue(Pattern.compile(";\\d+,\\d;").matcher(text).find(), "decimal comma");
    }

    @Test
    void encodingsAndBoms() throws IOException {
        Path out = summary.outDir();
        byte[] survey = Files.readAllBytes(out.resolve("staff_survey/staff_survey_2020.csv"));
        assertEquals(0xEF, survey[0] & 0xFF);
        assertEquals(0xBB, survey[1] & 0xFF);
        assertEquals(0xBF, survey[2] & 0xFF);
        assertTrue(new String(survey, 3, 13, StandardCharsets.UTF_8).startsWith("respondent_id"));
        for (String f : List.of("incidents/incidents_2020-01-02.csv", "office_month/office_month_2020.csv",
                "security_measures/security_measures_2024-12-31.csv")) {
            byte[] b = Files.readAllBytes(out.resolve(f));
            assertTrue(b[0] != (byte) 0xEF, f + " must not have a BOM");
        }
        assertTrue(Files.readString(out.resolve("office_month/office_month_2020.csv"), StandardCharsets.ISO_8859_1)
                .contains("."), "decimal point");
    }

    @Test
    void countyReformsAreApplied() throws IOException {
        Map<String, Map<String, String>> y2019 = register("2019-12");
        Map<String, Map<String, String>> y2020 = register("2020-01");
        Map<String, Map<String, String>> y2024 = register("2024-01");
        int ostfold = 0;
        for (Map.Entry<String, Map<String, String>> e : y2019.entrySet()) {
            Map<String, String> a = e.getValue();
            Map<String, String> b = y2020.get(e.getKey());
            Map<String, String> c = y2024.get(e.getKey());
            assertEquals(a.get("enhet_navn"), b.get("enhet_navn"));
            assertEquals(a.get("kommune_navn"), c.get("kommune_navn"));
            assertEquals(a.get("kommune_nr").substring(2), c.get("kommune_nr").substring(2), "stable suffix");
            assertEquals(b.get("fylke_nr"), b.get("kommune_nr").substring(0, 2));
            switch (a.get("fylke_nr")) {
                case "01" -> {
                    ostfold++;
                    assertEquals("Østfold", a.get("fylke_navn"));
                    assertEquals("30", b.get("fylke_nr"));
                    assertEquals("Viken", b.get("fylke_navn"));
                    assertEquals("31", c.get("fylke_nr"));
                    assertEquals("Østfold", c.get("fylke_navn"));
                }
                case "03" -> assertEquals("03", c.get("fylke_nr"));
                case "50" -> assertEquals("50", c.get("fylke_nr"));
                case "12" -> {
                    assertEquals("46", b.get("fylke_nr"));
                    assertEquals("Vestland", c.get("fylke_navn"));
                }
                default -> {
                }
            }
            assertFalse(Set.of("16", "17").contains(a.get("fylke_nr")), "Trøndelag merged in 2018");
        }
        assertTrue(ostfold > 0, "an Østfold office");
        Map<String, String> moss = y2019.get("0104");
        if (moss != null) {
            assertEquals("NAV Moss", moss.get("enhet_navn"));
        }
    }

    private Map<String, Map<String, String>> register(String month) throws IOException {
        Map<String, Map<String, String>> out = new TreeMap<>();
        Path p = summary.outDir().resolve("office_register/office_register_" + month + ".csv");
        for (SourceChecker.Line l : SourceChecker.read(p, SourceFormat.OFFICE_REGISTER, null)) {
            if (SourceChecker.rowDefect(SourceFormat.OFFICE_REGISTER, l, null) == null) {
                out.put(l.get("enhet_nr"), l.values());
            }
        }
        return out;
    }

    @Test
    void registerSnapshotsAreCompleteAndStable() {
        List<SourceChecker.Line> clean = checked.get(SourceFormat.OFFICE_REGISTER).clean();
        Map<String, Set<String>> idsPerMonth = new TreeMap<>();
        Map<String, String> nameById = new HashMap<>();
        for (SourceChecker.Line l : clean) {
            assertEquals("office_register_" + l.get("periode") + ".csv", l.file());
            idsPerMonth.computeIfAbsent(l.get("periode"), k -> new HashSet<>()).add(l.get("enhet_nr"));
            String before = nameById.put(l.get("enhet_nr"), l.get("enhet_navn"));
            assertTrue(before == null || before.equals(l.get("enhet_navn")), "stable name for " + l.get("enhet_nr"));
            assertTrue(l.get("enhet_nr").matches("\\d{4}"), l.get("enhet_nr"));
            if (l.get("enhet_type").equals("LOCAL_OFFICE")) {
                assertFalse(l.get("apningstid").isEmpty());
            } else {
                assertEquals("", l.get("apningstid"));
                assertEquals("IMPLEMENTED", l.get("kanalstrategi"));
            }
        }
        Set<String> first = idsPerMonth.values().iterator().next();
        assertEquals(25 + 1 + 1, first.size());
        idsPerMonth.values().forEach(s -> assertEquals(first, s));
    }

    @Test
    void incidentRowsAreConsistent() {
        List<SourceChecker.Line> clean = checked.get(SourceFormat.INCIDENTS).clean();
        Map<String, List<SourceChecker.Line>> versions = new TreeMap<>();
        Pattern id = Pattern.compile("H\\d{4}-\\d{6}");
        Pattern ident = Pattern.compile("[A-Z]\\d{6}");
        int norwegianTimestamps = 0;
        for (SourceChecker.Line l : clean) {
            assertTrue(id.matcher(l.get("hendelse_id")).matches(), l.get("hendelse_id"));
            assertTrue(ident.matcher(l.get("melder_ansattnr")).matches(), l.get("melder_ansattnr"));
            LocalDateTime v = SourceChecker.timestamp(l.get("versjon_tidspunkt"));
            LocalDateTime reg = SourceChecker.timestamp(l.get("registrert_tidspunkt"));
            LocalDateTime occ = SourceChecker.timestamp(l.get("hendelse_tidspunkt"));
            assertEquals("incidents_" + v.toLocalDate() + ".csv", l.file(), "row in its version day's file");
            assertFalse(reg.isBefore(occ), "reported before it happened: " + l);
            assertTrue(!reg.isAfter(occ.plusDays(6)), "reported 0–5 days after: " + l);
            assertFalse(v.isBefore(reg));
            for (LocalDateTime t : List.of(v, reg, occ)) {
                assertFalse(OSLO.getRules().getValidOffsets(t).isEmpty(), "no such local time in Oslo: " + t);
            }
            int severity = Integer.parseInt(l.get("alvorlighet"));
            assertTrue(severity >= 1 && severity <= 5);
            if (l.get("hendelse_tidspunkt").contains(".")) {
                norwegianTimestamps++;
            }
            versions.computeIfAbsent(l.get("hendelse_id"), k -> new ArrayList<>()).add(l);
        }
        assertTrue(norwegianTimestamps > 0, "some dd.MM.yyyy HH:mm timestamps");
        int updated = 0;
        for (List<SourceChecker.Line> vs : versions.values()) {
            vs.sort((a, b) -> SourceChecker.timestamp(a.get("versjon_tidspunkt"))
                    .compareTo(SourceChecker.timestamp(b.get("versjon_tidspunkt"))));
            SourceChecker.Line first = vs.get(0);
            assertEquals(first.get("versjon_tidspunkt"), first.get("registrert_tidspunkt"));
            assertTrue(vs.size() <= 3);
            for (int i = 1; i < vs.size(); i++) {
                SourceChecker.Line a = vs.get(i - 1);
                SourceChecker.Line b = vs.get(i);
                for (String same : List.of("registrert_tidspunkt", "enhet_nr", "hendelsestype", "kanal",
                        "melder_ansattnr")) {
                    assertEquals(a.get(same), b.get(same), same);
                }
                assertEquals(SourceChecker.timestamp(a.get("hendelse_tidspunkt")),
                        SourceChecker.timestamp(b.get("hendelse_tidspunkt")));
                LocalDateTime ta = SourceChecker.timestamp(a.get("versjon_tidspunkt"));
                LocalDateTime tb = SourceChecker.timestamp(b.get("versjon_tidspunkt"));
                assertTrue(tb.isAfter(ta));
                assertTrue(!tb.toLocalDate().isAfter(ta.toLocalDate().plusDays(60)));
                boolean changed = !a.get("sykefravaer_dager").equals(b.get("sykefravaer_dager"))
                        || !a.get("politianmeldt").equals(b.get("politianmeldt"))
                        || !a.get("oppfolging").equals(b.get("oppfolging"))
                        || !a.get("alvorlighet").equals(b.get("alvorlighet"));
                assertTrue(changed, "a later version changes something: " + b);
                assertTrue(Math.abs(Integer.parseInt(a.get("alvorlighet")) - Integer.parseInt(b.get("alvorlighet")))
                        <= 1);
            }
            updated += vs.size() > 1 ? 1 : 0;
        }
        double share = updated / (double) versions.size();
        assertTrue(share > 0.14 && share < 0.26, "re-exported share " + share);
    }

    @Test
    void descriptionsCarryPersonalDataToDetect() {
        List<SourceChecker.Line> clean = checked.get(SourceFormat.INCIDENTS).clean();
        Pattern eleven = Pattern.compile("(?<!\\d)(\\d{11})(?!\\d)");
        int withId = 0;
        int lineBreaks = 0;
        int quotes = 0;
        int semicolons = 0;
        Set<String> ids = new HashSet<>();
        for (SourceChecker.Line l : clean) {
            if (!ids.add(l.get("hendelse_id"))) {
                continue;
            }
            String d = l.get("beskrivelse");
            var m = eleven.matcher(d);
            if (m.find()) {
                withId++;
                assertTrue(NationalIdNumbers.isValid(m.group(1)), m.group(1));
            }
            lineBreaks += d.contains("\n") ? 1 : 0;
            quotes += d.contains("\"") ? 1 : 0;
            semicolons += d.contains(";") ? 1 : 0;
        }
        double n = ids.size();
        assertTrue(withId / n > 0.05 && withId / n < 0.15, "national ids in " + withId / n);
        assertTrue(lineBreaks > 0 && quotes > 0 && semicolons > 0);
    }

    @Test
    void surveyAnswersAreConsistent() {
        List<SourceChecker.Line> clean = checked.get(SourceFormat.STAFF_SURVEY).clean();
        Set<String> seen = new HashSet<>();
        for (SourceChecker.Line l : clean) {
            assertTrue(l.get("respondent_id").matches("R[0-9A-F]{8}"), l.get("respondent_id"));
            assertTrue(seen.add(l.get("undersokelse_ar") + l.get("respondent_id")));
            assertEquals("staff_survey_" + l.get("undersokelse_ar") + ".csv", l.file());
            List<String> subs = List.of(l.get("utsatt_verbal"), l.get("utsatt_trussel"), l.get("utsatt_vold"),
                    l.get("utsatt_trakassering"));
            switch (l.get("utsatt_12mnd")) {
                case "N" -> {
                    assertEquals(List.of("N", "N", "N", "N"), subs);
                    assertEquals("", l.get("meldt_hendelse"));
                }
                case "J" -> assertTrue(subs.contains("J"));
                default -> {
                    assertEquals(List.of("", "", "", ""), subs);
                    assertEquals("", l.get("meldt_hendelse"));
                }
            }
        }
        long exposed = clean.stream().filter(l -> l.get("utsatt_12mnd").equals("J")).count();
        long answered = clean.stream().filter(l -> !l.get("utsatt_12mnd").isEmpty()).count();
        assertEquals(0.33, exposed / (double) answered, 0.04);
    }

    @Test
    void measuresAndMonthsAreWithinTheirRules() {
        LocalDate from = LocalDate.of(2016, 1, 1);
        LocalDate to = LocalDate.of(2024, 12, 31);
        for (SourceChecker.Line l : checked.get(SourceFormat.SECURITY_MEASURES).clean()) {
            assertTrue(l.get("tiltak_id").matches("T\\d{6}"), l.get("tiltak_id"));
            LocalDate a = LocalDate.parse(l.get("gyldig_fra"));
            assertFalse(a.isBefore(from) || a.isAfter(to), l.toString());
            if (!l.get("gyldig_til").isEmpty()) {
                LocalDate b = LocalDate.parse(l.get("gyldig_til"));
                assertTrue(b.isAfter(a) && !b.isAfter(to), l.toString());
            }
        }
        for (SourceChecker.Line l : checked.get(SourceFormat.OFFICE_MONTH).clean()) {
            assertTrue(Double.parseDouble(l.get("arsverk")) > 0);
            assertTrue(l.get("arsverk").matches("\\d+\\.\\d"), l.get("arsverk"));
        }
        assertEquals(27 * 12 * 6, checked.get(SourceFormat.OFFICE_MONTH).clean().size());
    }

    @Test
    void progressReportsIncidentYears() {
        assertTrue(progress.stream().anyMatch(s -> s.startsWith("incidents: 2020 (")), progress.toString());
        assertTrue(progress.stream().anyMatch(s -> s.startsWith("office_register: 72 files")), progress.toString());
    }

    @Test
    void writesOnlyFilesItKnows() throws IOException {
        try (Stream<Path> s = Files.walk(summary.outDir())) {
            long files = s.filter(Files::isRegularFile).count();
            assertEquals(summary.totalFiles() + 1, files);
        }
        assertNotNull(summary.manifest().source("incidents"));
    }

    static void assertSameBytes(Path a, Path b) throws IOException {
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), a.toString());
    }
}
