package no.trygg.jobs.gold.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cells and relations indexed by int. Cells are numbered in id order and relations sorted, so every result
 * (and every tie-break "by id") is the same however the caller happened to order its lists — a Spark
 * {@code collect()} gives no stable order.
 */
final class CellTable {

    /** Cell ids in sorted order; a cell's index is its position here. */
    final String[] ids;
    final long[] counts;
    /** Relation {@code r}: {@code relations[r][0]} is the total, the rest its parts in ascending index. */
    final int[][] relations;
    /** For each cell, the relations it takes part in (as total or part), ascending. */
    final int[][] relationsOf;

    private CellTable(String[] ids, long[] counts, int[][] relations) {
        this.ids = ids;
        this.counts = counts;
        this.relations = relations;
        int[] degree = new int[ids.length];
        for (int[] rel : relations) for (int c : rel) degree[c]++;
        relationsOf = new int[ids.length][];
        for (int c = 0; c < ids.length; c++) relationsOf[c] = new int[degree[c]];
        Arrays.fill(degree, 0);
        for (int r = 0; r < relations.length; r++) for (int c : relations[r]) relationsOf[c][degree[c]++] = r;
    }

    int size() {
        return ids.length;
    }

    static CellTable of(Map<String, Long> countsById, List<Relation> relations) {
        String[] ids = countsById.keySet().toArray(String[]::new);
        Arrays.sort(ids);
        Map<String, Integer> index = new HashMap<>(ids.length * 2);
        long[] counts = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            index.put(ids[i], i);
            counts[i] = countsById.get(ids[i]);
        }
        List<int[]> rels = new ArrayList<>(relations.size());
        for (Relation rel : relations) rels.add(encode(rel, index));
        rels.sort(Arrays::compare);
        // Duplicates add no information; dropping them keeps the audit's systems small.
        List<int[]> unique = new ArrayList<>(rels.size());
        for (int[] r : rels) if (unique.isEmpty() || !Arrays.equals(unique.get(unique.size() - 1), r)) unique.add(r);
        return new CellTable(ids, counts, unique.toArray(int[][]::new));
    }

    private static int[] encode(Relation rel, Map<String, Integer> index) {
        int[] r = new int[rel.parts().size() + 1];
        r[0] = indexOf(rel.total(), rel, index);
        for (int i = 0; i < rel.parts().size(); i++) r[i + 1] = indexOf(rel.parts().get(i), rel, index);
        Arrays.sort(r, 1, r.length);
        for (int i = 1; i < r.length; i++) {
            // A repeated cell or a total among its own parts is a bug in how the caller built the relation.
            if (r[i] == r[0] || (i > 1 && r[i] == r[i - 1])) {
                throw new IllegalArgumentException("relation repeats a cell: " + rel);
            }
        }
        return r;
    }

    private static int indexOf(String id, Relation rel, Map<String, Integer> index) {
        Integer i = index.get(id);
        if (i == null) throw new IllegalArgumentException("relation " + rel + " names unknown cell " + id);
        return i;
    }

    /** Relations whose counts do not add up, so the caller's tables or relations are wrong. */
    List<String> inconsistentRelations() {
        List<String> bad = new ArrayList<>();
        for (int[] r : relations) {
            long parts = 0;
            for (int i = 1; i < r.length; i++) parts += counts[r[i]];
            if (parts != counts[r[0]]) bad.add(ids[r[0]] + " = " + counts[r[0]] + " but its parts sum to " + parts);
        }
        return bad;
    }
}
