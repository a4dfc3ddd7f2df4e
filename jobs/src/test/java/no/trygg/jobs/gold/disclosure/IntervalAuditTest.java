package no.trygg.jobs.gold.disclosure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class IntervalAuditTest {

    private static final List<Relation> TWO_BY_TWO = List.of(
            new Relation("r1|cT", List.of("r1|c1", "r1|c2")), new Relation("r2|cT", List.of("r2|c1", "r2|c2")),
            new Relation("rT|c1", List.of("r1|c1", "r2|c1")), new Relation("rT|c2", List.of("r1|c2", "r2|c2")),
            new Relation("rT|cT", List.of("r1|cT", "r2|cT")), new Relation("rT|cT", List.of("rT|c1", "rT|c2")));

    /** r1|c1 = 1 beside a hidden 0 in a row that totals 1: the classic rectangle passes the exact audit, yet 0–1. */
    @Test
    void theRectangleAroundARowTotalOfOneIsTooNarrow() {
        Map<String, Long> counts = Map.of("r1|c1", 1L, "r1|c2", 0L, "r2|c1", 5L, "r2|c2", 7L, "r1|cT", 1L, "r2|cT", 12L,
                "rT|c1", 6L, "rT|c2", 7L, "rT|cT", 13L);
        CellTable table = CellTable.of(counts, TWO_BY_TWO);
        Set<String> hidden = Set.of("r1|c1", "r1|c2", "r2|c1", "r2|c2");
        assertEquals(Set.of(), DifferencingAudit.recoverable(counts, hidden, TWO_BY_TWO));
        assertArrayEquals(new long[] {0, 1}, Attackers.lpRanges(counts, hidden, TWO_BY_TWO).get("r1|c1"));

        boolean[] suppressed = mask(table, hidden);
        boolean[] primary = mask(table, Set.of("r1|c1"));
        IntervalAudit audit = new IntervalAudit(table, 3);
        int[] unsafe = audit.unsafe(suppressed, primary, new ComponentAudit(table).components(suppressed, seeds(suppressed)));
        assertEquals(List.of("r1|c1"), java.util.Arrays.stream(unsafe).mapToObj(i -> table.ids[i]).toList());
        assertEquals(new IntervalAudit.Range(0, 1), audit.known(index(table, "r1|c1")));
        assertEquals(new IntervalAudit.Range(5, 6), audit.known(index(table, "r2|c1")));
    }

    /** The same rectangle in a table with room: r1|c1 can be anything from 0 to 8, and the audit proves ≥ 3. */
    @Test
    void aRectangleWithRoomIsWideEnough() {
        Map<String, Long> counts = Map.of("r1|c1", 1L, "r1|c2", 8L, "r2|c1", 5L, "r2|c2", 7L, "r1|cT", 9L, "r2|cT", 12L,
                "rT|c1", 6L, "rT|c2", 15L, "rT|cT", 21L);
        CellTable table = CellTable.of(counts, TWO_BY_TWO);
        boolean[] suppressed = mask(table, Set.of("r1|c1", "r1|c2", "r2|c1", "r2|c2"));
        IntervalAudit audit = new IntervalAudit(table, 3);
        int[] unsafe = audit.unsafe(suppressed, mask(table, Set.of("r1|c1")), new ComponentAudit(table).components(suppressed, seeds(suppressed)));
        assertEquals(0, unsafe.length);
        assertEquals(1 + 3 <= audit.known(index(table, "r1|c1")).upper(), true, "shown at least 3 wide: " + audit.known(index(table, "r1|c1")));
    }

    private static boolean[] mask(CellTable table, Set<String> ids) {
        boolean[] m = new boolean[table.size()];
        for (int i = 0; i < table.size(); i++) m[i] = ids.contains(table.ids[i]);
        return m;
    }

    private static int[] seeds(boolean[] suppressed) {
        return java.util.stream.IntStream.range(0, suppressed.length).filter(i -> suppressed[i]).toArray();
    }

    private static int index(CellTable table, String id) {
        return java.util.Arrays.asList(table.ids).indexOf(id);
    }
}
