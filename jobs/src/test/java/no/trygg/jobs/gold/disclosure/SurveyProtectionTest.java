package no.trygg.jobs.gold.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import no.trygg.jobs.gold.marts.Breakdown;
import no.trygg.jobs.gold.marts.Dimension;
import no.trygg.jobs.gold.marts.Flags;
import org.junit.jupiter.api.Test;

class SurveyProtectionTest {

    private static final List<Dimension> DIMS = List.of(Dimension.COUNTY);
    private static final List<Breakdown> BREAKDOWNS = List.of(Breakdown.of(), Breakdown.of(Dimension.COUNTY));

    /** One question's year: the national cell and four counties, {respondents, positive} each. */
    private static List<SurveyProtection.SurveyCell> question(String code, boolean sensitive, long[][] counties) {
        List<SurveyProtection.SurveyCell> cells = new ArrayList<>();
        long n = 0;
        long pos = 0;
        for (int i = 0; i < counties.length; i++) {
            cells.add(new SurveyProtection.SurveyCell(new CellKey(code, "YEAR", "2024", "county_no", List.of("0" + (i + 1))),
                    sensitive, counties[i][0], counties[i][1]));
            n += counties[i][0];
            pos += counties[i][1];
        }
        cells.add(new SurveyProtection.SurveyCell(new CellKey(code, "YEAR", "2024", "national", List.of(Dimension.TOTAL)), sensitive, n, pos));
        return cells;
    }

    private static Map<String, String> decide(List<SurveyProtection.SurveyCell> cells) {
        List<Relation> relations = AdditiveRelations.of(cells.stream().map(SurveyProtection.SurveyCell::key).toList(), DIMS, BREAKDOWNS);
        return SurveyProtection.decide(cells, relations, DisclosureRules.DEFAULT);
    }

    private static Set<String> idsWith(Map<String, String> hidden, String reason) {
        return hidden.entrySet().stream().filter(e -> e.getValue().equals(reason)).map(Map.Entry::getKey).collect(Collectors.toSet());
    }

    @Test
    void oneOrTwoExposedInAGroupHideTheGroupAndEnoughOthersWhenTheItemIsSensitive() {
        long[][] counties = {{40, 1}, {40, 9}, {50, 12}, {60, 15}};
        Map<String, String> hidden = decide(question("EXPOSED_PHYSICAL", true, counties));
        String one = "EXPOSED_PHYSICAL|YEAR|2024|county_no|01";
        assertEquals(Set.of(one), idsWith(hidden, Flags.PRIMARY_SENSITIVE_ANSWERS));
        assertTrue(hidden.size() >= 2, "a complement keeps the national total from giving the county away: " + hidden);

        // The intruder: the positive counts of the hidden cells under every relation and non-negativity.
        List<SurveyProtection.SurveyCell> cells = question("EXPOSED_PHYSICAL", true, counties);
        assertEquals(Set.of(), tooNarrow(cells, hidden, Set.of(one), c -> c.positive()), "positives pinned");

        // The same counts on an item that is not sensitive are published: a share of 1 in 40 agreeing is no disclosure.
        assertEquals(Map.of(), decide(question("FEEL_SAFE", false, counties)));
    }

    @Test
    void allButOneExposedIsAsTellingAsOne() {
        long[][] counties = {{40, 39}, {40, 20}, {50, 25}, {60, 30}};
        Map<String, String> hidden = decide(question("EXPOSED_12M", true, counties));
        String allButOne = "EXPOSED_12M|YEAR|2024|county_no|01";
        assertEquals(Set.of(allButOne), idsWith(hidden, Flags.PRIMARY_SENSITIVE_ANSWERS));
        List<SurveyProtection.SurveyCell> cells = question("EXPOSED_12M", true, counties);
        assertEquals(Set.of(), tooNarrow(cells, hidden, Set.of(allButOne), c -> c.respondents() - c.positive()), "complements pinned");
    }

    @Test
    void aSmallGroupIsHiddenForItsSizeFirstAndItsAnswersNeedNoSecondComplement() {
        // 7 respondents: below 10 for a sensitive item. Its 1 exposed is hidden with it; one complement serves both.
        long[][] counties = {{7, 1}, {40, 9}, {50, 12}, {60, 15}};
        Map<String, String> hidden = decide(question("EXPOSED_THREAT", true, counties));
        assertEquals(Flags.PRIMARY_SMALL_GROUP, hidden.get("EXPOSED_THREAT|YEAR|2024|county_no|01"));
        assertEquals(2, hidden.size(), "the group and one complement: " + hidden);
        List<SurveyProtection.SurveyCell> cells = question("EXPOSED_THREAT", true, counties);
        Set<String> primary = Set.of("EXPOSED_THREAT|YEAR|2024|county_no|01");
        assertEquals(Set.of(), tooNarrow(cells, hidden, primary, SurveyProtection.SurveyCell::respondents), "group sizes pinned");
        assertEquals(Set.of(), tooNarrow(cells, hidden, primary, SurveyProtection.SurveyCell::positive), "positives pinned");
    }

    private static Set<String> tooNarrow(List<SurveyProtection.SurveyCell> cells, Map<String, String> hidden, Set<String> primaries,
                                         java.util.function.ToLongFunction<SurveyProtection.SurveyCell> quantity) {
        Map<String, Long> counts = new HashMap<>();
        cells.forEach(c -> counts.put(c.key().id(), quantity.applyAsLong(c)));
        List<Relation> relations = AdditiveRelations.of(cells.stream().map(SurveyProtection.SurveyCell::key).toList(), DIMS, BREAKDOWNS);
        return DifferencingAudit.tooNarrow(counts, hidden.keySet(), primaries, relations, DisclosureRules.DEFAULT.protectionWidth());
    }
}
