package no.trygg.jobs.gold.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Primary and secondary cell suppression for count tables (SSB practice, statistics_conventions.md §2.1
 * and §2.4): hide small counts, then hide complements until no hidden cell can be computed from the
 * published ones through the given relations, nor pinned by an intruder with a linear-programming solver.
 *
 * <ol>
 * <li>Primary: {@code 1 ≤ count < minPublished}. Zeros are published.</li>
 * <li>Heuristic to a fixpoint: a relation with exactly one hidden cell gives that cell away by subtraction,
 * so hide one more of its cells (see {@link #candidate}); a published total over a hidden primary must keep at
 * least the protection width hidden in its parts. A work queue revisits only the relations of newly hidden
 * cells.</li>
 * <li>Exact audit ({@link ComponentAudit}): finds cells still recoverable through combinations of
 * relations. For each, hide one more cell in one of its relations, rerun the heuristic and re-audit the
 * components that grew, until the audit finds nothing.</li>
 * <li>Interval audit ({@link IntervalAudit}): with non-negativity as well, a primary's range must be at least
 * the protection width and no hidden cell may be pinned to one value; each one that is not gets a complement the
 * same way, and steps 2–4 repeat on the components that grew.</li>
 * </ol>
 * Complements are published parts with a positive count first (smallest first: least information lost), then the
 * total, and a zero part last: a hidden zero can only be raised, so it rarely widens anyone's range. Every round
 * hides at least one more cell, so this terminates; at worst everything is hidden. The one thing suppression
 * cannot fix is a cell forced by the relations alone, with no published cell involved (say a part that must be 0
 * because two relations give the same total). The loop then stops, and {@link DifferencingAudit} still reports
 * the cell.
 */
public final class CellSuppression {

    /** Which cell of a relation to hide next: a part with a positive count, the total, a zero part. */
    private record Choice(int tier, long count, int cell) {
        static final Comparator<Choice> ORDER = Comparator.comparingInt(Choice::tier)
                .thenComparingLong(Choice::count).thenComparingInt(Choice::cell);
    }

    private final CellTable table;
    private final SuppressionReason[] reason;
    private final boolean[] suppressed;
    private final boolean[] primary;
    /** Per relation: the sum of its hidden parts' counts, and how many of them are primary. */
    private final long[] hiddenPartSum;
    private final int[] primaryPartsIn;
    private long width;
    /** Hidden cells per relation, kept up to date so the heuristic's test is O(1). */
    private final int[] suppressedIn;
    private final ArrayDeque<Integer> queue = new ArrayDeque<>();
    private final boolean[] queued;
    /** Cells hidden since the last audit: only their components need re-auditing. */
    private final List<Integer> sinceAudit = new ArrayList<>();

    private CellSuppression(CellTable table) {
        this.table = table;
        this.reason = new SuppressionReason[table.size()];
        Arrays.fill(reason, SuppressionReason.NONE);
        this.suppressed = new boolean[table.size()];
        this.primary = new boolean[table.size()];
        this.hiddenPartSum = new long[table.relations.length];
        this.primaryPartsIn = new int[table.relations.length];
        this.suppressedIn = new int[table.relations.length];
        this.queued = new boolean[table.relations.length];
    }

    /**
     * @return every cell's reason, in id order; publish {@link SuppressionReason#flag()} instead of a hidden
     * count
     * @throws IllegalArgumentException on duplicate ids, unknown ids in relations, or relations whose counts
     * do not add up (the protection is only as good as the relations describe the table)
     */
    public static Map<String, SuppressionReason> apply(List<Cell> cells, List<Relation> relations, Thresholds thresholds) {
        return apply(cells, relations, thresholds, Set.of());
    }

    /**
     * As {@link #apply(List, List, Thresholds)}, with cells that are hidden whatever their count (reported as
     * primary): a tiny office, a survey group below its respondent threshold.
     */
    public static Map<String, SuppressionReason> apply(List<Cell> cells, List<Relation> relations, Thresholds thresholds,
                                                       Set<String> alsoPrimary) {
        return apply(cells, relations, thresholds, alsoPrimary, Set.of());
    }

    /**
     * As {@link #apply(List, List, Thresholds, Set)}, with cells already hidden by an earlier decision on another
     * quantity of the same cells (a survey group's positive answers after its respondents): they stay hidden and can
     * serve as complements, but need no protection of their own here (reported as secondary).
     */
    public static Map<String, SuppressionReason> apply(List<Cell> cells, List<Relation> relations, Thresholds thresholds,
                                                       Set<String> alsoPrimary, Set<String> alreadyHidden) {
        Map<String, Long> counts = new HashMap<>(cells.size() * 2);
        for (Cell cell : cells) {
            if (counts.put(cell.id(), cell.count()) != null) throw new IllegalArgumentException("duplicate cell id " + cell.id());
        }
        CellTable table = CellTable.of(counts, relations);
        List<String> bad = table.inconsistentRelations();
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException(bad.size() + " relations do not add up, e.g. " + bad.subList(0, Math.min(3, bad.size())));
        }
        return new CellSuppression(table).run(thresholds, alsoPrimary, alreadyHidden);
    }

    private Map<String, SuppressionReason> run(Thresholds thresholds, Set<String> alsoPrimary, Set<String> alreadyHidden) {
        width = thresholds.protectionWidth();
        for (int c = 0; c < table.size(); c++) {
            if (thresholds.primary(table.counts[c]) || alsoPrimary.contains(table.ids[c])) {
                primary[c] = true;
                suppress(c, SuppressionReason.PRIMARY_SMALL_COUNT);
            } else if (alreadyHidden.contains(table.ids[c])) {
                suppress(c, SuppressionReason.SECONDARY_COMPLEMENT);
            }
        }
        for (int r = 0; r < table.relations.length; r++) enqueue(r);
        ComponentAudit audit = new ComponentAudit(table);
        IntervalAudit intervals = new IntervalAudit(table, width);
        List<Integer> sinceIntervalAudit = new ArrayList<>();
        int[] narrow;
        do {
            int[] recoverable;
            do {
                closeSingletons();
                int[] grown = sinceAudit.stream().mapToInt(Integer::intValue).toArray();
                sinceIntervalAudit.addAll(sinceAudit);
                sinceAudit.clear();
                recoverable = audit.recoverable(suppressed, grown);
            } while (recoverable.length > 0 && protect(recoverable));
            int[] grown = sinceIntervalAudit.stream().mapToInt(Integer::intValue).toArray();
            sinceIntervalAudit.clear();
            narrow = intervals.unsafe(suppressed, primary, audit.components(suppressed, grown));
        } while (narrow.length > 0 && protect(narrow));
        Map<String, SuppressionReason> out = new LinkedHashMap<>(table.size() * 2);
        for (int c = 0; c < table.size(); c++) out.put(table.ids[c], reason[c]);
        return Collections.unmodifiableMap(out);
    }

    /**
     * The heuristic: no relation may hold exactly one hidden cell, and a published total over a hidden primary
     * part must leave at least {@code width} hidden in its parts (else the sum alone pins the primary between 0 and
     * that little).
     */
    private void closeSingletons() {
        while (!queue.isEmpty()) {
            int r = queue.poll();
            queued[r] = false;
            if (suppressedIn[r] == 1) {
                suppress(candidate(r).cell(), SuppressionReason.SECONDARY_COMPLEMENT);
            } else if (tooLittleHidden(r)) {
                Choice c = widening(r);
                if (c != null) suppress(c.cell(), SuppressionReason.SECONDARY_COMPLEMENT);
            }
        }
    }

    private boolean tooLittleHidden(int r) {
        return primaryPartsIn[r] > 0 && !suppressed[table.relations[r][0]] && hiddenPartSum[r] < width;
    }

    /**
     * The part that closes the gap to {@code width} with the least information lost: the smallest published
     * part at least as large as the gap, else the largest positive one, else {@link #candidate}.
     */
    private Choice widening(int r) {
        long gap = width - hiddenPartSum[r];
        int[] rel = table.relations[r];
        int closing = -1;
        int largest = -1;
        for (int i = 1; i < rel.length; i++) {
            int c = rel[i];
            long n = table.counts[c];
            if (suppressed[c] || n <= 0) continue;
            if (n >= gap && (closing < 0 || n < table.counts[closing])) closing = c;
            if (largest < 0 || n > table.counts[largest]) largest = c;
        }
        int best = closing >= 0 ? closing : largest;
        return best >= 0 ? new Choice(0, table.counts[best], best) : candidate(r);
    }

    /**
     * Hides one more cell next to each recoverable cell (see {@link #nearestComplement}). A cell sharing a
     * relation with a cell hidden earlier in this round is skipped: that new unknown usually protects it
     * too, and the next audit checks, which avoids over-suppression.
     *
     * @return whether anything was hidden
     */
    private boolean protect(int[] recoverable) {
        boolean[] touched = new boolean[table.relations.length];
        boolean any = false;
        for (int x : recoverable) {
            if (Arrays.stream(table.relationsOf[x]).anyMatch(r -> touched[r])) continue;
            Choice best = nearestComplement(x);
            if (best == null) continue; // forced by the relations alone; see the class comment
            suppress(best.cell(), SuppressionReason.SECONDARY_COMPLEMENT);
            for (int r : table.relationsOf[best.cell()]) touched[r] = true;
            any = true;
        }
        return any;
    }

    /**
     * The best {@link #candidate} over the relations of {@code x}. When those are all hidden already, the
     * published constants that give {@code x} away enter through relations further out, so search outward
     * through hidden cells, level by level, and take the best candidate of the nearest level.
     */
    private Choice nearestComplement(int x) {
        Set<Integer> seenCells = new HashSet<>(List.of(x));
        Set<Integer> seenRelations = new HashSet<>();
        List<Integer> level = List.of(x);
        while (!level.isEmpty()) {
            Choice best = null;
            List<Integer> next = new ArrayList<>();
            for (int cell : level) {
                for (int r : table.relationsOf[cell]) {
                    if (!seenRelations.add(r)) continue;
                    Choice c = candidate(r);
                    if (c != null && (best == null || Choice.ORDER.compare(c, best) < 0)) best = c;
                    for (int other : table.relations[r]) if (suppressed[other] && seenCells.add(other)) next.add(other);
                }
            }
            if (best != null) return best;
            level = next;
        }
        return null;
    }

    /**
     * The complement to hide in relation {@code r}: the published part with the smallest positive count
     * (least information lost), else the published total, else a published zero part; ties by id.
     * Null when everything in {@code r} is hidden already.
     */
    private Choice candidate(int r) {
        int[] rel = table.relations[r];
        Choice best = null;
        for (int i = 0; i < rel.length; i++) {
            int c = rel[i];
            if (suppressed[c]) continue;
            Choice choice = new Choice(i == 0 ? 1 : table.counts[c] > 0 ? 0 : 2, table.counts[c], c);
            if (best == null || Choice.ORDER.compare(choice, best) < 0) best = choice;
        }
        return best;
    }

    private void suppress(int c, SuppressionReason why) {
        suppressed[c] = true;
        reason[c] = why;
        sinceAudit.add(c);
        for (int r : table.relationsOf[c]) {
            suppressedIn[r]++;
            if (table.relations[r][0] != c) {
                hiddenPartSum[r] += table.counts[c];
                if (primary[c]) primaryPartsIn[r]++;
            }
            enqueue(r);
        }
    }

    private void enqueue(int r) {
        if (!queued[r]) {
            queued[r] = true;
            queue.add(r);
        }
    }
}
