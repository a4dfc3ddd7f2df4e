package no.trygg.jobs.gold.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The protection-interval audit, the standard of statistical disclosure control (τ-ARGUS, sdcTable): an intruder
 * who sees every published cell and knows every relation, and that counts are whole and never negative, bounds
 * each hidden cell by linear programming (min and max of the cell over all tables consistent with what is
 * published). The range after rounding inwards must be at least {@code width} wide for a primary cell and more
 * than one value for any hidden cell; the exact differencing audit cannot see bounds that non-negativity gives.
 *
 * <p>Every feasible table the solver finds is a witness: it widens the known range of every hidden cell at once,
 * and stays feasible when more cells are hidden later, so most cells cost no LP of their own. A cell still too
 * narrow is solved in growing neighbourhoods (hidden cells within 1, 2, 4, 8 relation steps, all others fixed at
 * their true values: any solution there is a feasible table, so a wide local range proves the cell safe), up to
 * its whole component ({@link ComponentAudit.Component}), whose range is the intruder's.
 */
final class IntervalAudit {

    /** Integer range an intruder computes for a hidden cell: {@code ceil(LP min) … floor(LP max)}. */
    record Range(long lower, long upper) {
        long width() {
            return upper - lower;
        }
    }

    private static final double EPS = 1e-6;
    private static final int[] RADII = {1, 2, 4, 8, Integer.MAX_VALUE};
    /** Beyond this many variables an LP costs seconds and grows numerically fragile; see {@link #wideEnough}. */
    private static final int MAX_LP_CELLS = 1000;

    private final CellTable table;
    private final long width;
    /** Stands in for "unbounded": no count in the table comes near it, so reaching it means wide open. */
    private final double cap;
    /** Smallest and largest value of each cell seen in a feasible table (the true counts are one). */
    private final double[] low;
    private final double[] high;

    IntervalAudit(CellTable table, long width) {
        if (width < 1) throw new IllegalArgumentException("protection width must be ≥ 1, was " + width);
        this.table = table;
        this.width = width;
        long max = 0;
        for (long c : table.counts) max = Math.max(max, c);
        this.cap = 10.0 * max + 1000;
        this.low = new double[table.size()];
        this.high = new double[table.size()];
        for (int c = 0; c < table.size(); c++) low[c] = high[c] = table.counts[c];
    }

    /** Hidden cells whose range is too narrow, ascending. */
    int[] unsafe(boolean[] suppressed, boolean[] primary, List<ComponentAudit.Component> components) {
        List<Integer> found = new ArrayList<>();
        for (ComponentAudit.Component comp : components) {
            for (int c : comp.cells()) {
                long need = primary[c] ? width : 1;
                if (known(c).width() < need && !wideEnough(c, need, suppressed, comp.cells().size())) found.add(c);
            }
        }
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The range of {@code c} proven so far by witnesses. */
    Range known(int c) {
        return new Range((long) Math.ceil(low[c] - EPS), (long) Math.floor(high[c] + EPS));
    }

    /**
     * Whether LPs prove {@code c} at least {@code need} wide. False also when the cell's neighbourhood grows past
     * {@link #MAX_LP_CELLS} before a proof is found: it is then treated as unsafe and gets a complement, which
     * errs towards hiding more, never towards publishing an unproven pattern.
     */
    private boolean wideEnough(int c, long need, boolean[] suppressed, int componentSize) {
        for (int radius : RADII) {
            List<Integer> near = neighbourhood(c, radius, suppressed);
            if (near.size() > MAX_LP_CELLS) return false;
            if (solvedWideEnough(c, need, near, suppressed)) return true;
            if (near.size() >= componentSize) return false; // the whole component: the intruder's own range
        }
        return false;
    }

    private boolean solvedWideEnough(int c, long need, List<Integer> variables, boolean[] suppressed) {
        Lp lp = new Lp(variables, suppressed);
        lp.solve(true);
        if (known(c).width() >= need) return true;
        lp.solve(false);
        return known(c).width() >= need;
    }

    /** Hidden cells reachable from {@code c} through at most {@code radius} relations, {@code c} first (the LP's objective). */
    private List<Integer> neighbourhood(int c, int radius, boolean[] suppressed) {
        List<Integer> cells = new ArrayList<>(List.of(c));
        Set<Integer> seen = new HashSet<>(cells);
        int levelStart = 0;
        for (int step = 0; step < radius && levelStart < cells.size(); step++) {
            int levelEnd = cells.size();
            for (int i = levelStart; i < levelEnd; i++) {
                for (int r : table.relationsOf[cells.get(i)]) {
                    for (int other : table.relations[r]) if (suppressed[other] && seen.add(other)) cells.add(other);
                }
            }
            levelStart = levelEnd;
        }
        return cells;
    }

    /**
     * The system over some hidden cells: those as variables in [0, cap], every other cell fixed at its true
     * value (published cells are, hidden ones outside the neighbourhood keep a feasible value), one equality per
     * relation that touches a variable, and the first variable as the objective.
     */
    private final class Lp {
        private final int[] cells;
        private final ExpressionsBasedModel model = new ExpressionsBasedModel();

        Lp(List<Integer> variables, boolean[] suppressed) {
            cells = variables.stream().mapToInt(Integer::intValue).toArray();
            Map<Integer, Variable> x = new HashMap<>(cells.length * 2);
            for (int c : cells) x.put(c, model.addVariable("x" + c).lower(0).upper(cap));
            Set<Integer> rels = new TreeSet<>();
            for (int c : cells) for (int r : table.relationsOf[c]) rels.add(r);
            for (int r : rels) {
                int[] rel = table.relations[r];
                // total = Σ parts, as Σ variable parts − variable total = fixed total − Σ fixed parts.
                Expression e = model.addExpression("r" + r);
                double fixed = 0;
                for (int j = 0; j < rel.length; j++) {
                    Variable v = x.get(rel[j]);
                    if (v != null) e.set(v, j == 0 ? -1 : 1);
                    else fixed += j == 0 ? table.counts[rel[j]] : -table.counts[rel[j]];
                }
                e.level(fixed);
            }
            x.get(cells[0]).weight(1);
        }

        /** Optimises the first variable; the solution widens every variable's known range. */
        void solve(boolean maximise) {
            Optimisation.Result result = maximise ? model.maximise() : model.minimise();
            if (!result.getState().isOptimal() && result.getState() != Optimisation.State.DISTINCT) {
                throw new IllegalStateException("interval audit: the LP of " + cells.length + " hidden cells around " + table.ids[cells[0]]
                        + " ended " + result.getState() + "; refusing to guess whether the cell is safe");
            }
            for (int v = 0; v < cells.length; v++) {
                low[cells[v]] = Math.min(low[cells[v]], result.doubleValue(v));
                high[cells[v]] = Math.max(high[cells[v]], result.doubleValue(v));
            }
        }
    }
}
