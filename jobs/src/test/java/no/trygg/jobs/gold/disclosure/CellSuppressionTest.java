package no.trygg.jobs.gold.disclosure;

import static no.trygg.jobs.gold.disclosure.SuppressionReason.NONE;
import static no.trygg.jobs.gold.disclosure.SuppressionReason.PRIMARY_SMALL_COUNT;
import static no.trygg.jobs.gold.disclosure.SuppressionReason.SECONDARY_COMPLEMENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.trygg.jobs.gold.disclosure.CrossedTable.Hierarchy;
import org.junit.jupiter.api.Test;

class CellSuppressionTest {

    @Test
    void primaryRuleHidesOneAndTwoButShowsZero() {
        List<Cell> cells = List.of(new Cell("zero", 0), new Cell("one", 1), new Cell("two", 2), new Cell("three", 3), new Cell("four", 4));
        Map<String, SuppressionReason> ssb = CellSuppression.apply(cells, List.of(), Thresholds.SSB);
        assertEquals(Map.of("zero", NONE, "one", PRIMARY_SMALL_COUNT, "two", PRIMARY_SMALL_COUNT, "three", NONE, "four", NONE), ssb);
        assertEquals(":", ssb.get("one").flag());
        assertEquals("", ssb.get("three").flag());

        Map<String, SuppressionReason> sensitive = CellSuppression.apply(cells, List.of(), new Thresholds(5));
        assertEquals(PRIMARY_SMALL_COUNT, sensitive.get("four"));
        assertEquals(NONE, sensitive.get("zero"));
        assertThrows(IllegalArgumentException.class, () -> new Thresholds(0));
    }

    @Test
    void oneDimensionalTableHidesTheSmallestPositiveComplementNotAZero() {
        Map<String, Long> counts = Map.of("T", 25L, "a", 2L, "b", 0L, "c", 7L, "d", 4L, "e", 12L);
        List<Relation> relations = List.of(new Relation("T", List.of("a", "b", "c", "d", "e")));

        List<DifferencingAudit.Leak> leaks = DifferencingAudit.singleRelationLeaks(counts, Set.of("a"), relations);
        assertEquals("[a = 2 follows from T = Σ[a, b, c, d, e]]", leaks.toString(), "primary alone leaks by subtraction");

        Map<String, SuppressionReason> flags = CellSuppression.apply(cells(counts), relations, Thresholds.SSB);
        assertEquals(PRIMARY_SMALL_COUNT, flags.get("a"));
        assertEquals(Set.of("d"), hidden(flags, SECONDARY_COMPLEMENT), "smallest positive part; the zero part b stays shown");
        assertEquals(NONE, flags.get("T"));
        assertTrue(DifferencingAudit.recoverable(counts, hidden(flags), relations).isEmpty());
        assertTrue(DifferencingAudit.singleRelationLeaks(counts, hidden(flags), relations).isEmpty());
    }

    @Test
    void twoDimensionalTableWithMarginsLeaksNothing() {
        for (long seed = 1; seed <= 20; seed++) {
            CrossedTable t = CrossedTable.build(List.of(CrossedTable.flat("r", 4), CrossedTable.flat("c", 5)), seed,
                    r -> r.nextInt(4) == 0 ? 1 + r.nextInt(2) : r.nextInt(15));
            assertSafe(t, CellSuppression.apply(t.cells(), t.relations(), Thresholds.SSB), "seed " + seed);
        }
    }

    @Test
    void calendarCrossedWithTwoLevelDimensionLeaksNothingOverFiftySeeds() {
        // Relations run both ways: months → quarter → year inside each unit, and units → region → all inside each period.
        Hierarchy units = new Hierarchy(List.of("u1", "u2", "u3", "u4", "u5"),
                Map.of("north", List.of("u1", "u2"), "south", List.of("u3", "u4", "u5"), "all", List.of("north", "south")));
        List<Hierarchy> dims = List.of(CrossedTable.calendar(1), units);
        int secondary = 0;
        for (long seed = 1; seed <= 50; seed++) {
            CrossedTable t = CrossedTable.build(dims, seed, r -> CrossedTable.poisson(r, 1.5));
            Map<String, SuppressionReason> flags = CellSuppression.apply(t.cells(), t.relations(), Thresholds.SSB);
            assertSafe(t, flags, "seed " + seed);
            secondary += hidden(flags, SECONDARY_COMPLEMENT).size();

            List<Cell> shuffledCells = new ArrayList<>(t.cells());
            List<Relation> shuffledRelations = new ArrayList<>(t.relations());
            Collections.shuffle(shuffledCells, new Random(seed));
            Collections.shuffle(shuffledRelations, new Random(seed));
            assertEquals(flags, CellSuppression.apply(shuffledCells, shuffledRelations, Thresholds.SSB), "input order must not matter");
        }
        assertTrue(secondary > 0, "the data must exercise secondary suppression");
    }

    /**
     * Two 2×2 blocks of hidden cells joined by one hidden cell (r2,c3): every row and column holds at least two
     * hidden cells, so the single-relation heuristic is satisfied, yet rows 1+2 minus columns 1+2 isolate it.
     */
    @Test
    void bridgeBetweenTwoBlocksIsCaughtByTheExactAuditAndFixed() {
        long[][] inner = {
                {1, 2, 9, 8},
                {2, 1, 1, 7},
                {6, 9, 2, 1},
                {8, 5, 1, 2}};
        Map<String, Long> counts = table(inner);
        List<Relation> relations = CrossedTable.build(List.of(CrossedTable.flat("r", 4), CrossedTable.flat("c", 4)), 0, r -> 0).relations();
        Set<String> primaries = new TreeSet<>();
        counts.forEach((id, n) -> { if (n == 1 || n == 2) primaries.add(id); });
        assertEquals(9, primaries.size());

        assertTrue(DifferencingAudit.singleRelationLeaks(counts, primaries, relations).isEmpty(), "the heuristic sees nothing to do");
        assertTrue(Attackers.differencing(counts, primaries, relations).isEmpty(), "one relation at a time finds nothing either");
        assertEquals(Set.of("r2|c3"), DifferencingAudit.recoverable(counts, primaries, relations));
        long published = counts.get("r1|cT") + counts.get("r2|cT") - counts.get("rT|c1") - counts.get("rT|c2")
                - counts.get("r1|c3") - counts.get("r1|c4") - counts.get("r2|c4") + counts.get("r3|c1") + counts.get("r3|c2")
                + counts.get("r4|c1") + counts.get("r4|c2");
        assertEquals(1L, published, "the combination really gives r2|c3 away");

        Map<String, SuppressionReason> flags = CellSuppression.apply(cells(counts), relations, Thresholds.SSB);
        assertEquals(primaries, hidden(flags, PRIMARY_SMALL_COUNT));
        assertTrue(DifferencingAudit.recoverable(counts, hidden(flags), relations).isEmpty());
        assertEquals(1, hidden(flags, SECONDARY_COMPLEMENT).size(), "one extra cell breaks the bridge: " + hidden(flags, SECONDARY_COMPLEMENT));
    }

    @Test
    void exactAuditAgreesWithAnIndependentRankOracleOnRandomPatterns() {
        Random random = new Random(7);
        List<List<Hierarchy>> shapes = List.of(
                List.of(CrossedTable.flat("r", 5), CrossedTable.flat("c", 5)),
                List.of(CrossedTable.calendar(1), CrossedTable.flat("u", 2)),
                List.of(CrossedTable.flat("a", 2), CrossedTable.flat("b", 2), CrossedTable.flat("c", 3)));
        int beyondOneRelationAtATime = 0;
        for (List<Hierarchy> shape : shapes) {
            CrossedTable t = CrossedTable.build(shape, 1, r -> r.nextInt(9));
            for (int trial = 0; trial < 100; trial++) {
                double share = 0.1 + 0.5 * random.nextDouble();
                Set<String> hidden = t.counts().keySet().stream().filter(id -> random.nextDouble() < share).collect(Collectors.toSet());
                Set<String> recoverable = DifferencingAudit.recoverable(t.counts(), hidden, t.relations());
                assertEquals(Attackers.byRank(hidden, t.relations()), recoverable, "pattern " + new TreeSet<>(hidden));
                Set<String> bySubstitution = Attackers.differencing(t.counts(), hidden, t.relations()).keySet();
                assertTrue(recoverable.containsAll(bySubstitution));
                if (recoverable.size() > bySubstitution.size()) beyondOneRelationAtATime++;
            }
        }
        assertTrue(beyondOneRelationAtATime > 0, "some patterns must need a combination of relations");
    }

    @Test
    void relationsThatDoNotAddUpAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> CellSuppression.apply(
                List.of(new Cell("T", 5), new Cell("a", 1), new Cell("b", 3)), List.of(new Relation("T", List.of("a", "b"))), Thresholds.SSB));
        assertTrue(e.getMessage().contains("T = 5 but its parts sum to 4"), e.getMessage());
    }

    /**
     * The interval audit agrees with an independent LP intruder (commons-math's simplex) on which hidden cells are
     * too narrow, over random tables and random hidden patterns (the primaries and a few more), which leave many
     * narrow ranges.
     */
    @Test
    void intervalAuditAgreesWithAnIndependentLpIntruder() {
        int narrow = 0;
        for (long seed = 1; seed <= 30; seed++) {
            CrossedTable t = CrossedTable.build(List.of(CrossedTable.flat("r", 3), CrossedTable.flat("c", 4)), seed,
                    r -> r.nextInt(3) == 0 ? 1 + r.nextInt(2) : r.nextInt(6));
            Random random = new Random(seed);
            Set<String> primaries = new TreeSet<>();
            Set<String> hidden = new TreeSet<>();
            t.counts().forEach((id, n) -> {
                if (n == 1 || n == 2) primaries.add(id);
                if (n == 1 || n == 2 || random.nextInt(4) == 0) hidden.add(id);
            });
            Set<String> expected = narrowByLp(t, hidden, primaries);
            assertEquals(expected, DifferencingAudit.tooNarrow(t.counts(), hidden, primaries, t.relations(), 3), "seed " + seed);
            narrow += expected.size();
        }
        assertTrue(narrow > 0, "the patterns must hold narrow ranges for the audit to find");
    }

    /** What suppression publishes holds against the LP intruder: every primary at least 3 wide, no hidden cell exact. */
    @Test
    void suppressionLeavesEveryPrimaryAProtectionIntervalAgainstAnLpIntruder() {
        for (long seed = 1; seed <= 30; seed++) {
            CrossedTable t = CrossedTable.build(List.of(CrossedTable.flat("r", 3), CrossedTable.flat("c", 4)), seed,
                    r -> r.nextInt(3) == 0 ? 1 + r.nextInt(2) : r.nextInt(6));
            Map<String, SuppressionReason> flags = CellSuppression.apply(t.cells(), t.relations(), Thresholds.SSB);
            assertEquals(Set.of(), narrowByLp(t, hidden(flags), hidden(flags, PRIMARY_SMALL_COUNT)), "seed " + seed);
        }
        CrossedTable t = CrossedTable.build(List.of(CrossedTable.calendar(1), CrossedTable.flat("size", 3)), 7,
                r -> CrossedTable.poisson(r, 1.5));
        Map<String, SuppressionReason> flags = CellSuppression.apply(t.cells(), t.relations(), Thresholds.SSB);
        assertEquals(Set.of(), narrowByLp(t, hidden(flags), hidden(flags, PRIMARY_SMALL_COUNT)), "months × size classes");
    }

    private static Set<String> narrowByLp(CrossedTable t, Set<String> hidden, Set<String> primaries) {
        Set<String> narrow = new TreeSet<>();
        Attackers.lpRanges(t.counts(), hidden, t.relations()).forEach((id, range) -> {
            assertTrue(range[0] <= t.counts().get(id) && t.counts().get(id) <= range[1], "the truth lies in the range of " + id);
            if (range[1] - range[0] < (primaries.contains(id) ? 3 : 1)) narrow.add(id);
        });
        return narrow;
    }

    /**
     * A year of months, quarters and years by four dimensions, sparse as the national data are in its finest cells
     * (~140 incidents a month over 96 leaf groups): 5,100 cells in one component. Both audits pass, in seconds. Ten
     * years cost ten times this (years share no sums); BENCHMARKS.md has the figures.
     */
    @Test
    void aYearOfMonthsQuartersAndYearsByFourDimensionsPassesBothAuditsInSeconds() {
        List<Hierarchy> dims = List.of(CrossedTable.calendar(1), CrossedTable.flat("size", 3), CrossedTable.flat("region", 4),
                CrossedTable.flat("type", 2), CrossedTable.flat("channel", 4));
        double[] groupMean = new Random(42).doubles(96).map(u -> 0.3 + 2.6 * u * u).toArray();
        int[] leaf = {0};
        CrossedTable t = CrossedTable.build(dims, 42, r -> CrossedTable.poisson(r, groupMean[leaf[0]++ % groupMean.length]));

        long start = System.nanoTime();
        Map<String, SuppressionReason> flags = CellSuppression.apply(t.cells(), t.relations(), Thresholds.SSB);
        long applyMs = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        Set<String> recoverable = DifferencingAudit.recoverable(t.counts(), hidden(flags), t.relations());
        Set<String> narrow = DifferencingAudit.tooNarrow(t.counts(), hidden(flags), hidden(flags, PRIMARY_SMALL_COUNT), t.relations(), 3);
        long auditMs = (System.nanoTime() - start) / 1_000_000;

        System.out.printf("disclosure perf: %d cells, %d relations, %d primary, %d secondary; apply %d ms, both audits %d ms%n",
                t.counts().size(), t.relations().size(), hidden(flags, PRIMARY_SMALL_COUNT).size(),
                hidden(flags, SECONDARY_COMPLEMENT).size(), applyMs, auditMs);
        assertEquals(Set.of(), recoverable);
        assertEquals(Set.of(), narrow);
        assertTrue(t.counts().size() > 5_000);
    }

    private static void assertSafe(CrossedTable t, Map<String, SuppressionReason> flags, String context) {
        t.counts().forEach((id, n) -> {
            if (n == 1 || n == 2) assertEquals(PRIMARY_SMALL_COUNT, flags.get(id), context + " " + id);
        });
        Set<String> hidden = hidden(flags);
        assertEquals(Map.of(), Attackers.differencing(t.counts(), hidden, t.relations()), context);
        assertEquals(Set.of(), DifferencingAudit.recoverable(t.counts(), hidden, t.relations()), context);
    }

    private static Map<String, Long> table(long[][] inner) {
        Map<String, Long> counts = new java.util.HashMap<>();
        long grand = 0;
        for (int i = 0; i < inner.length; i++) {
            for (int j = 0; j < inner[i].length; j++) {
                counts.put("r" + (i + 1) + "|c" + (j + 1), inner[i][j]);
                counts.merge("r" + (i + 1) + "|cT", inner[i][j], Long::sum);
                counts.merge("rT|c" + (j + 1), inner[i][j], Long::sum);
                grand += inner[i][j];
            }
        }
        counts.put("rT|cT", grand);
        return counts;
    }

    private static List<Cell> cells(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> new Cell(e.getKey(), e.getValue())).toList();
    }

    private static Set<String> hidden(Map<String, SuppressionReason> flags, SuppressionReason... only) {
        Set<SuppressionReason> wanted = only.length == 0 ? Set.of(PRIMARY_SMALL_COUNT, SECONDARY_COMPLEMENT) : Set.of(only);
        return flags.entrySet().stream().filter(e -> wanted.contains(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
