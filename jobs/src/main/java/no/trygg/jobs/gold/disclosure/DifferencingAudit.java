package no.trygg.jobs.gold.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** Checks a suppression pattern against readers who difference published cells through the relations. */
public final class DifferencingAudit {

    /** A hidden cell that one relation gives away: its value is the total minus the published parts, or vice versa. */
    public record Leak(String cell, long value, Relation via) {
        @Override
        public String toString() {
            return cell + " = " + value + " follows from " + via.total() + " = Σ" + via.parts();
        }
    }

    private DifferencingAudit() {
    }

    /**
     * The exact audit: ids of suppressed cells whose value a reader can compute from the published cells by
     * any linear combination of the relations (not just one at a time). Empty means the pattern is safe.
     *
     * @param counts     every cell of the table; only the ids matter, since recoverability does not depend on values
     * @param suppressed ids of the hidden cells
     */
    public static Set<String> recoverable(Map<String, Long> counts, Set<String> suppressed, List<Relation> relations) {
        CellTable table = CellTable.of(counts, relations);
        boolean[] hidden = hidden(table, suppressed);
        int[] all = IntStream.range(0, table.size()).filter(c -> hidden[c]).toArray();
        TreeSet<String> out = new TreeSet<>();
        for (int c : new ComponentAudit(table).recoverable(hidden, all)) out.add(table.ids[c]);
        return out;
    }

    /**
     * The interval audit ({@link IntervalAudit}): ids of suppressed cells whose range under linear programming with
     * non-negativity is too narrow, i.e. narrower than {@code width} for a primary cell, or a single value for any
     * hidden cell. A cell in a neighbourhood too large to solve counts as too narrow (unproven).
     */
    public static Set<String> tooNarrow(Map<String, Long> counts, Set<String> suppressed, Set<String> primaries,
                                        List<Relation> relations, long width) {
        CellTable table = CellTable.of(counts, relations);
        boolean[] hidden = hidden(table, suppressed);
        boolean[] primary = hidden(table, primaries);
        int[] all = IntStream.range(0, table.size()).filter(c -> hidden[c]).toArray();
        TreeSet<String> out = new TreeSet<>();
        IntervalAudit audit = new IntervalAudit(table, width);
        for (int c : audit.unsafe(hidden, primary, new ComponentAudit(table).components(hidden, all))) out.add(table.ids[c]);
        return out;
    }

    /**
     * The simple check a reader does by hand: relations with exactly one hidden cell, and its value. Weaker
     * than {@link #recoverable} (it misses combinations of relations) but each finding reads as a proof.
     */
    public static List<Leak> singleRelationLeaks(Map<String, Long> counts, Set<String> suppressed, List<Relation> relations) {
        CellTable table = CellTable.of(counts, relations);
        boolean[] hidden = hidden(table, suppressed);
        List<Leak> leaks = new ArrayList<>();
        for (int[] rel : table.relations) {
            int[] unknown = Arrays.stream(rel).filter(c -> hidden[c]).toArray();
            if (unknown.length != 1) continue;
            long parts = 0;
            for (int i = 1; i < rel.length; i++) parts += hidden[rel[i]] ? 0 : table.counts[rel[i]];
            long value = unknown[0] == rel[0] ? parts : table.counts[rel[0]] - parts;
            leaks.add(new Leak(table.ids[unknown[0]], value, relation(table, rel)));
        }
        return leaks;
    }

    private static boolean[] hidden(CellTable table, Set<String> suppressed) {
        boolean[] hidden = new boolean[table.size()];
        int n = 0;
        for (int c = 0; c < table.size(); c++) if (hidden[c] = suppressed.contains(table.ids[c])) n++;
        if (n != suppressed.size()) throw new IllegalArgumentException("suppressed names cells that are not in counts");
        return hidden;
    }

    private static Relation relation(CellTable table, int[] rel) {
        return new Relation(table.ids[rel[0]], Arrays.stream(rel, 1, rel.length).mapToObj(c -> table.ids[c]).toList());
    }
}
