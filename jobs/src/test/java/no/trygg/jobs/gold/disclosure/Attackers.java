package no.trygg.jobs.gold.disclosure;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Independent re-implementations used as oracles, so the tests do not grade the library with itself. */
final class Attackers {

    private Attackers() {
    }

    /**
     * A reader with a spreadsheet: any relation with one unknown gives it away; derived values become known
     * and the sweep repeats until nothing new is learned. Returns what was derived.
     */
    static Map<String, Long> differencing(Map<String, Long> counts, Set<String> suppressed, List<Relation> relations) {
        Map<String, Long> known = new HashMap<>(counts);
        known.keySet().removeAll(suppressed);
        Map<String, Long> derived = new HashMap<>();
        boolean learned = true;
        while (learned) {
            learned = false;
            for (Relation r : relations) {
                List<String> cells = new ArrayList<>(r.parts());
                cells.add(r.total());
                List<String> unknown = cells.stream().filter(c -> !known.containsKey(c)).toList();
                if (unknown.size() != 1) continue;
                String x = unknown.get(0);
                long parts = r.parts().stream().filter(known::containsKey).mapToLong(known::get).sum();
                long value = x.equals(r.total()) ? parts : known.get(r.total()) - parts;
                known.put(x, value);
                derived.put(x, value);
                learned = true;
            }
        }
        return derived;
    }

    /**
     * Recoverable hidden cells by a different criterion than the library's: x is determined iff deleting its
     * column from the system over the hidden cells lowers the rank (no solution direction moves x).
     * Dense exact rank with BigInteger; only for small tables.
     */
    static Set<String> byRank(Set<String> suppressed, List<Relation> relations) {
        List<String> unknowns = suppressed.stream().sorted().toList();
        List<BigInteger[]> rows = new ArrayList<>();
        for (Relation r : relations) {
            BigInteger[] row = new BigInteger[unknowns.size()];
            java.util.Arrays.fill(row, BigInteger.ZERO);
            int t = unknowns.indexOf(r.total());
            if (t >= 0) row[t] = BigInteger.ONE;
            for (String p : r.parts()) if (unknowns.indexOf(p) >= 0) row[unknowns.indexOf(p)] = BigInteger.ONE.negate();
            rows.add(row);
        }
        int full = rank(rows, -1);
        Set<String> out = new java.util.TreeSet<>();
        for (int x = 0; x < unknowns.size(); x++) if (rank(rows, x) < full) out.add(unknowns.get(x));
        return out;
    }

    private static int rank(List<BigInteger[]> input, int skipColumn) {
        List<BigInteger[]> rows = new ArrayList<>();
        for (BigInteger[] r : input) {
            BigInteger[] copy = r.clone();
            if (skipColumn >= 0) copy[skipColumn] = BigInteger.ZERO;
            rows.add(copy);
        }
        int rank = 0;
        int cols = rows.isEmpty() ? 0 : rows.get(0).length;
        for (int c = 0; c < cols && rank < rows.size(); c++) {
            int p = rank;
            while (p < rows.size() && rows.get(p)[c].signum() == 0) p++;
            if (p == rows.size()) continue;
            java.util.Collections.swap(rows, rank, p);
            BigInteger[] pivot = rows.get(rank);
            for (int i = rank + 1; i < rows.size(); i++) {
                BigInteger[] row = rows.get(i);
                if (row[c].signum() == 0) continue;
                BigInteger a = row[c];
                BigInteger g = BigInteger.ZERO;
                for (int k = 0; k < cols; k++) g = g.gcd(row[k] = row[k].multiply(pivot[c]).subtract(pivot[k].multiply(a)));
                if (g.signum() > 0) for (int k = 0; k < cols; k++) row[k] = row[k].divide(g);
            }
            rank++;
        }
        return rank;
    }

    /**
     * The intruder with a solver: for every hidden cell the integer range {@code [ceil(LP min), floor(LP max)]}
     * under every relation, the published cells and non-negativity, by commons-math's simplex (not the library's
     * ojAlgo), one LP per bound. {@code Long.MAX_VALUE} as the upper end: unbounded.
     */
    static Map<String, long[]> lpRanges(Map<String, Long> counts, Set<String> suppressed, List<Relation> relations) {
        List<String> unknowns = suppressed.stream().sorted().toList();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < unknowns.size(); i++) column.put(unknowns.get(i), i);
        List<org.apache.commons.math3.optim.linear.LinearConstraint> constraints = new ArrayList<>();
        for (Relation r : relations) {
            double[] row = new double[unknowns.size()];
            double value = 0;
            boolean any = false;
            List<String> cells = new ArrayList<>(r.parts());
            cells.add(0, r.total());
            for (int j = 0; j < cells.size(); j++) {
                double sign = j == 0 ? -1 : 1; // Σ parts − total = 0
                Integer c = column.get(cells.get(j));
                if (c != null) {
                    row[c] += sign;
                    any = true;
                } else {
                    value -= sign * counts.get(cells.get(j));
                }
            }
            if (any) constraints.add(new org.apache.commons.math3.optim.linear.LinearConstraint(row,
                    org.apache.commons.math3.optim.linear.Relationship.EQ, value));
        }
        Map<String, long[]> out = new java.util.TreeMap<>();
        for (int i = 0; i < unknowns.size(); i++) {
            double[] objective = new double[unknowns.size()];
            objective[i] = 1;
            double min = optimum(objective, constraints, org.apache.commons.math3.optim.nonlinear.scalar.GoalType.MINIMIZE);
            double max = optimum(objective, constraints, org.apache.commons.math3.optim.nonlinear.scalar.GoalType.MAXIMIZE);
            out.put(unknowns.get(i), new long[] {(long) Math.ceil(min - 1e-6),
                    Double.isInfinite(max) ? Long.MAX_VALUE : (long) Math.floor(max + 1e-6)});
        }
        return out;
    }

    private static double optimum(double[] objective, List<org.apache.commons.math3.optim.linear.LinearConstraint> constraints,
                                  org.apache.commons.math3.optim.nonlinear.scalar.GoalType goal) {
        try {
            return new org.apache.commons.math3.optim.linear.SimplexSolver().optimize(new org.apache.commons.math3.optim.MaxIter(100_000),
                    new org.apache.commons.math3.optim.linear.LinearObjectiveFunction(objective, 0),
                    new org.apache.commons.math3.optim.linear.LinearConstraintSet(constraints), goal,
                    new org.apache.commons.math3.optim.linear.NonNegativeConstraint(true)).getValue();
        } catch (org.apache.commons.math3.optim.linear.UnboundedSolutionException e) {
            return Double.POSITIVE_INFINITY;
        }
    }
}
