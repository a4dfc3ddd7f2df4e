package no.trygg.jobs.gold.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The exact differencing audit. Each relation is an equation {@code total − Σ parts = 0}; published cells
 * are constants, so only the suppressed cells are unknowns. A suppressed cell is recoverable iff its unit
 * vector lies in the row space of that system restricted to the unknowns (then some combination of
 * equations isolates it; otherwise a null-space direction moves it while keeping every published cell).
 *
 * <p>The system splits into components (suppressed cells linked through shared relations) that are solved
 * independently, which keeps each elimination small and lets callers re-audit only the components that
 * grew since the last audit.
 */
final class ComponentAudit {

    private final CellTable table;
    /** Global cell → column in the current component, or -1. */
    private final int[] column;
    /** Relation → stamp of the last component that took it; avoids clearing a boolean[] per component. */
    private final int[] relationStamp;
    private int stamp;

    ComponentAudit(CellTable table) {
        this.table = table;
        this.column = new int[table.size()];
        Arrays.fill(column, -1);
        this.relationStamp = new int[table.relations.length];
    }

    /** A connected set of suppressed cells and every relation that touches one of them. */
    record Component(List<Integer> cells, List<Integer> relations) {
    }

    /** Recoverable suppressed cells, ascending, among the components containing any of {@code seeds}. */
    int[] recoverable(boolean[] suppressed, int[] seeds) {
        List<Integer> found = new ArrayList<>();
        for (Component comp : components(suppressed, seeds)) {
            List<Integer> cells = comp.cells();
            for (int k = 0; k < cells.size(); k++) column[cells.get(k)] = k;
            boolean[] unit;
            try {
                unit = SparseGaussJordan.unitVectorsInRowSpace(cells.size(), rows(comp.relations(), suppressed));
            } catch (ArithmeticException e) {
                throw new IllegalStateException("exact audit overflowed on a component of " + cells.size()
                        + " hidden cells around " + table.ids[cells.get(0)] + "; refusing to guess whether it is safe", e);
            }
            for (int k = 0; k < cells.size(); k++) if (unit[k]) found.add(cells.get(k));
            for (int c : cells) column[c] = -1;
        }
        return found.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The components of the suppressed cells that contain any of {@code seeds}, each once. */
    List<Component> components(boolean[] suppressed, int[] seeds) {
        boolean[] done = new boolean[table.size()];
        List<Component> out = new ArrayList<>();
        for (int seed : seeds) {
            if (!suppressed[seed] || done[seed]) continue;
            stamp++;
            List<Integer> cells = new ArrayList<>();
            List<Integer> rels = new ArrayList<>();
            collectComponent(seed, suppressed, done, cells, rels);
            out.add(new Component(cells, rels));
        }
        return out;
    }

    /** Breadth-first over suppressed cells and the relations they share. */
    private void collectComponent(int seed, boolean[] suppressed, boolean[] done, List<Integer> cells, List<Integer> rels) {
        done[seed] = true;
        cells.add(seed);
        for (int next = 0; next < cells.size(); next++) {
            for (int r : table.relationsOf[cells.get(next)]) {
                if (relationStamp[r] == stamp) continue;
                relationStamp[r] = stamp;
                rels.add(r);
                for (int c : table.relations[r]) {
                    if (suppressed[c] && !done[c]) {
                        done[c] = true;
                        cells.add(c);
                    }
                }
            }
        }
    }

    /** Each relation as a row over the component's columns: +1 for the total, −1 per part, published cells dropped. */
    private List<SparseGaussJordan.Row> rows(List<Integer> rels, boolean[] suppressed) {
        List<SparseGaussJordan.Row> rows = new ArrayList<>(rels.size());
        for (int r : rels) {
            int[] rel = table.relations[r];
            long[][] entries = new long[rel.length][];
            int n = 0;
            for (int i = 0; i < rel.length; i++) {
                if (suppressed[rel[i]]) entries[n++] = new long[] {column[rel[i]], i == 0 ? 1 : -1};
            }
            Arrays.sort(entries, 0, n, (x, y) -> Long.compare(x[0], y[0]));
            int[] cols = new int[n];
            long[] vals = new long[n];
            for (int k = 0; k < n; k++) {
                cols[k] = (int) entries[k][0];
                vals[k] = entries[k][1];
            }
            rows.add(new SparseGaussJordan.Row(cols, vals));
        }
        return rows;
    }
}
