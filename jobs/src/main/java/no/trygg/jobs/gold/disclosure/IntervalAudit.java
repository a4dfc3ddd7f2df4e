package no.trygg.jobs.gold.disclosure;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The protection-interval audit, the standard of statistical disclosure control (τ-ARGUS, sdcTable): an intruder
 * who sees every published cell and knows every relation, and that counts are whole and never negative, bounds
 * each hidden cell by linear programming (min and max of the cell over all tables consistent with what is
 * published). The range after rounding inwards must be at least {@code width} wide for a primary cell and more
 * than one value for any hidden cell; the exact differencing audit cannot see bounds that non-negativity gives.
 *
 * <p>The system splits by component ({@link ComponentAudit.Component}): hidden cells linked through shared
 * relations; cells outside are published, so each component's LP is exactly the intruder's. Every feasible table
 * the solver finds is a witness: it widens the known range of every hidden cell at once, and stays feasible when
 * more cells are hidden later, so most cells cost no LP of their own. The bounds are those of the LP relaxation,
 * rounded inwards; an intruder who also solves the integer program may get a range up to that much narrower
 * within those bounds, but never outside them.
 */
final class IntervalAudit {

    /** Integer range an intruder computes for a hidden cell: {@code ceil(LP min) … floor(LP max)}. */
    record Range(long lower, long upper) {
        long width() {
            return upper - lower;
        }
    }

    private static final double EPS = 1e-6;

    static {
        Loader.loadNativeLibraries();
    }

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
            Lp whole = null;
            try {
                for (int c : comp.cells()) {
                    long need = primary[c] ? width : 1;
                    if (known(c).width() >= need) continue;
                    if (whole == null) whole = new Lp(comp.cells(), suppressed);
                    if (!whole.wideEnough(c, need)) found.add(c);
                }
            } finally {
                if (whole != null) whole.close();
            }
        }
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The range of {@code c} proven so far by witnesses. */
    Range known(int c) {
        return new Range((long) Math.ceil(low[c] - EPS), (long) Math.floor(high[c] + EPS));
    }

    /**
     * The intruder's system over some hidden cells: those as variables in [0, cap], every other cell at its true
     * value (published cells are constants; hidden cells outside keep a feasible value), one equality per relation
     * that touches a variable. Over a whole component this is exactly the intruder's system. Google's GLOP keeps
     * its basis between objectives, so each further cell costs a few pivots.
     */
    private final class Lp implements AutoCloseable {
        private final int[] cells;
        private final MPVariable[] vars;
        private final Map<Integer, MPVariable> x;
        private final MPSolver solver = MPSolver.createSolver("GLOP");

        Lp(List<Integer> variables, boolean[] suppressed) {
            // GLOP's presolve turned feasible tables of a few thousand hidden cells "infeasible" (many redundant
            // equalities); without it the same LPs solve.
            if (!solver.setSolverSpecificParametersAsString("use_preprocessing: false")) {
                throw new IllegalStateException("GLOP refused its parameters");
            }
            cells = variables.stream().mapToInt(Integer::intValue).toArray();
            vars = new MPVariable[cells.length];
            x = new HashMap<>(cells.length * 2);
            for (int v = 0; v < cells.length; v++) {
                vars[v] = solver.makeNumVar(0, cap, "x" + cells[v]);
                x.put(cells[v], vars[v]);
            }
            Set<Integer> rels = new TreeSet<>();
            for (int c : cells) for (int r : table.relationsOf[c]) rels.add(r);
            for (int r : rels) {
                int[] rel = table.relations[r];
                // total = Σ parts, as Σ variable parts − variable total = fixed total − Σ fixed parts.
                double fixed = 0;
                for (int j = 0; j < rel.length; j++) if (!x.containsKey(rel[j])) fixed += j == 0 ? table.counts[rel[j]] : -table.counts[rel[j]];
                MPConstraint e = solver.makeConstraint(fixed, fixed, "r" + r);
                for (int j = 0; j < rel.length; j++) {
                    MPVariable v = x.get(rel[j]);
                    if (v != null) e.setCoefficient(v, e.getCoefficient(v) + (j == 0 ? -1 : 1));
                }
            }
        }

        /** Maximises, then if need be minimises {@code c}; whether its known range is then wide enough. */
        boolean wideEnough(int c, long need) {
            optimise(c, true);
            if (known(c).width() < need) optimise(c, false);
            return known(c).width() >= need;
        }

        /** Optimises cell {@code c}; the solution widens every variable's known range. */
        private void optimise(int c, boolean maximise) {
            MPObjective obj = solver.objective();
            obj.clear();
            obj.setCoefficient(x.get(c), 1);
            if (maximise) obj.setMaximization();
            else obj.setMinimization();
            MPSolver.ResultStatus status = solver.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                solver.reset(); // once more from scratch, without the basis of the last objective
                status = solver.solve();
            }
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("interval audit: the LP of " + cells.length + " hidden cells around " + table.ids[cells[0]]
                        + " ended " + status + "; refusing to guess whether " + table.ids[c] + " is safe");
            }
            for (int v = 0; v < cells.length; v++) {
                double value = vars[v].solutionValue();
                low[cells[v]] = Math.min(low[cells[v]], value);
                high[cells[v]] = Math.max(high[cells[v]], value);
            }
        }

        @Override
        public void close() {
            solver.delete();
        }
    }
}
