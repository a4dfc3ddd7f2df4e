package no.trygg.jobs.gold.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Exact Gauss–Jordan elimination on sparse integer rows, answering: which unit vectors lie in the row space?
 *
 * <p>In the reduced row echelon form a unit vector e_j is in the row space iff some row equals e_j: every
 * row-space vector is the combination of the rows weighted by its entries in the pivot columns, and e_j is
 * zero in all of them except possibly j. The reduced form is unique, so the answer does not depend on the
 * pivot order; the order only decides the fill-in, which Markowitz-style pivoting (shortest row, then the
 * pivot column occurring in fewest rows) keeps small on the near-tree structure of table hierarchies.
 *
 * <p>Arithmetic is fraction-free on {@code long}: a row update is {@code b·row − a·pivot}, then the row is
 * divided by the gcd of its entries, so the ±1 systems of count tables keep tiny coefficients. An overflow
 * throws rather than giving a wrong answer, because an unsound audit would publish a recoverable cell.
 */
final class SparseGaussJordan {

    /** A sparse row: ascending column indices and their non-zero coefficients. */
    record Row(int[] cols, long[] vals) {
        long coefficient(int col) {
            int i = Arrays.binarySearch(cols, col);
            return i >= 0 ? vals[i] : 0;
        }
    }

    private SparseGaussJordan() {
    }

    /** {@code result[j]} is true iff the unit vector e_j lies in the span of {@code rows}. */
    static boolean[] unitVectorsInRowSpace(int columns, List<Row> input) {
        List<Row> rows = new ArrayList<>(input);
        List<Set<Integer>> rowsWith = new ArrayList<>(columns);
        for (int c = 0; c < columns; c++) rowsWith.add(new HashSet<>());
        // Queue entries are {length, row}; an entry is stale once the row changed length or became a pivot.
        PriorityQueue<int[]> byLength = new PriorityQueue<>((x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : Integer.compare(x[1], y[1]));
        for (int r = 0; r < rows.size(); r++) {
            for (int c : rows.get(r).cols()) rowsWith.get(c).add(r);
            if (rows.get(r).cols().length > 0) byLength.add(new int[] {rows.get(r).cols().length, r});
        }
        int[] pivotOf = new int[rows.size()];
        Arrays.fill(pivotOf, -1);
        while (!byLength.isEmpty()) {
            int[] head = byLength.poll();
            int r = head[1];
            Row pivotRow = rows.get(r);
            if (pivotOf[r] >= 0 || pivotRow.cols().length != head[0]) continue;
            int p = sparsestColumn(pivotRow, rowsWith);
            pivotOf[r] = p;
            for (int o : new ArrayList<>(rowsWith.get(p))) {
                if (o == r) continue;
                Row before = rows.get(o);
                Row after = eliminate(before, pivotRow, p);
                reindex(o, before, after, rowsWith);
                rows.set(o, after);
                // Rows that became empty were dependent; rows already pivoted just get reduced (the "Jordan" part).
                if (pivotOf[o] < 0 && after.cols().length > 0) byLength.add(new int[] {after.cols().length, o});
            }
        }
        boolean[] unit = new boolean[columns];
        for (int r = 0; r < rows.size(); r++) {
            if (pivotOf[r] >= 0 && rows.get(r).cols().length == 1) unit[pivotOf[r]] = true;
        }
        return unit;
    }

    private static int sparsestColumn(Row row, List<Set<Integer>> rowsWith) {
        int best = row.cols()[0];
        for (int c : row.cols()) if (rowsWith.get(c).size() < rowsWith.get(best).size()) best = c;
        return best;
    }

    /** {@code b·target − a·pivot} with a, b the coefficients of {@code col}, so {@code col} cancels; then gcd-reduced. */
    static Row eliminate(Row target, Row pivot, int col) {
        long a = target.coefficient(col);
        long b = pivot.coefficient(col);
        long g = gcd(Math.abs(a), Math.abs(b));
        long mt = b / g;
        long mp = a / g;
        int[] tc = target.cols(), pc = pivot.cols();
        long[] tv = target.vals(), pv = pivot.vals();
        int[] cols = new int[tc.length + pc.length];
        long[] vals = new long[cols.length];
        int n = 0, i = 0, j = 0;
        long common = 0;
        while (i < tc.length || j < pc.length) {
            int c;
            long v;
            if (j == pc.length || (i < tc.length && tc[i] < pc[j])) {
                c = tc[i];
                v = Math.multiplyExact(mt, tv[i++]);
            } else if (i == tc.length || pc[j] < tc[i]) {
                c = pc[j];
                v = Math.negateExact(Math.multiplyExact(mp, pv[j++]));
            } else {
                c = tc[i];
                v = Math.subtractExact(Math.multiplyExact(mt, tv[i++]), Math.multiplyExact(mp, pv[j++]));
            }
            if (v != 0) {
                cols[n] = c;
                vals[n++] = v;
                common = gcd(common, Math.abs(v));
            }
        }
        for (int k = 0; k < n; k++) vals[k] /= common;
        return new Row(Arrays.copyOf(cols, n), Arrays.copyOf(vals, n));
    }

    private static void reindex(int row, Row before, Row after, List<Set<Integer>> rowsWith) {
        for (int c : before.cols()) rowsWith.get(c).remove(row);
        for (int c : after.cols()) rowsWith.get(c).add(row);
    }

    private static long gcd(long x, long y) {
        while (y != 0) {
            long t = x % y;
            x = y;
            y = t;
        }
        return x;
    }
}
