package no.trygg.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.trygg.schemas.codes.IncidentType;
import no.trygg.schemas.sources.SourceFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Published anchors: 1,702 incidents in 2020, 96 % feel safe at work. */
class CalibrationTest {

    @TempDir
    Path dir;

    @Test
    void exactly1702IncidentsIn2020AtScale1() throws IOException {
        GeneratorOptions o = new GeneratorOptions(42, 2020, 2020, 1.0, 0.01, dir);
        Manifest m = new SourceGenerator(o).generate(s -> { }).manifest();
        assertEquals(Map.of(2020, 1702), m.incidentsPerYear());
        assertEquals(1702, m.source(SourceFormat.INCIDENTS).expectedSilverRows());
        assertEquals(1702, m.incidentsPerYearAndType().get(2020).values().stream().mapToInt(Integer::intValue).sum());

        List<SourceChecker.Line> clean = SourceChecker.check(dir).get(SourceFormat.INCIDENTS).clean();
        Set<String> ids = new HashSet<>();
        clean.forEach(l -> ids.add(l.get("hendelse_id")));
        assertEquals(1702, ids.size());

        // The type mix is close to NAV's registrations.
        Map<IncidentType, Integer> types = m.incidentsPerYearAndType().get(2020);
        assertEquals(0.45, types.get(IncidentType.THREAT) / 1702.0, 0.04);
        assertEquals(0.20, types.get(IncidentType.VERBAL) / 1702.0, 0.03);
        assertEquals(0.03, types.get(IncidentType.PHYSICAL) / 1702.0, 0.015);
        // About 10 % at the contact centre, phone or digital only.
        long centre = clean.stream().filter(l -> l.get("enhet_nr").equals("4100"))
                .map(l -> l.get("hendelse_id")).distinct().count();
        assertEquals(0.10, centre / 1702.0, 0.02);
        assertTrue(clean.stream().filter(l -> l.get("enhet_nr").equals("4100"))
                .allMatch(l -> l.get("kanal").equals("PHONE") || l.get("kanal").equals("DIGITAL")));
    }

    @Test
    void yearlyTotalsFollowTheDecline() {
        assertEquals(1702, IncidentSource.incidentsInYear(2020, 1.0));
        assertEquals(Math.round(1702 * Math.exp(-0.035 * -4)), IncidentSource.incidentsInYear(2016, 1.0));
        assertEquals(Math.round(1702 * 0.1 * Math.exp(-0.035 * 5)), IncidentSource.incidentsInYear(2025, 0.1));
    }

    @Test
    void ninetySixPercentFeelSafeAtScaleHalf() throws IOException {
        GeneratorOptions o = new GeneratorOptions(42, 2022, 2022, 0.5, 0.01, dir);
        new SourceGenerator(o).generate(s -> { });
        List<SourceChecker.Line> clean = SourceChecker.check(dir).get(SourceFormat.STAFF_SURVEY).clean();
        assertTrue(clean.size() > 5000, "respondents " + clean.size());
        assertEquals(0.96, share(clean, "trygg_paa_jobb", null), 0.015);
        assertEquals(0.90, share(clean, "trygg_paa_jobb", "J"), 0.03);
        assertEquals(0.99, share(clean, "trygg_paa_jobb", "N"), 0.01);
        assertEquals(0.82, share(clean, "sikkerhetsarbeid_godt", null), 0.02);
        long exposed = clean.stream().filter(l -> l.get("utsatt_12mnd").equals("J")).count();
        long reported = clean.stream().filter(l -> l.get("utsatt_12mnd").equals("J")
                && l.get("meldt_hendelse").equals("J")).count();
        long reportedAnswered = clean.stream().filter(l -> l.get("utsatt_12mnd").equals("J")
                && !l.get("meldt_hendelse").isEmpty()).count();
        assertEquals(0.45, reported / (double) reportedAnswered, 0.04);
        assertTrue(exposed > 0);
        double leaders = clean.stream().filter(l -> l.get("rolle").equals("LEADER")).count() / (double) clean.size();
        assertEquals(0.08, leaders, 0.015);
        // Security officers: about 1 % of respondents, so at full scale a handful per county, the survey's small groups.
        double officers = clean.stream().filter(l -> l.get("rolle").equals("SECURITY_OFFICER")).count() / (double) clean.size();
        assertEquals(0.01, officers, 0.005);
        double invited = 18_000 * 0.5;
        assertTrue(clean.size() / invited > 0.6 && clean.size() / invited < 0.8, "response " + clean.size() / invited);
    }

    /** Share answering 4 or 5 among those who answered, optionally only exposed (J) or not (N). */
    private static double share(List<SourceChecker.Line> rows, String column, String exposed) {
        long n = 0;
        long agree = 0;
        for (SourceChecker.Line l : rows) {
            if (exposed != null && !l.get("utsatt_12mnd").equals(exposed)) {
                continue;
            }
            String v = l.get(column);
            if (v.isEmpty()) {
                continue;
            }
            n++;
            agree += v.equals("4") || v.equals("5") ? 1 : 0;
        }
        return agree / (double) n;
    }
}
