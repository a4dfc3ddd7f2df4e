package no.trygg.pipelines;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A reader who tries to recover hidden cells from what gold publishes, written independently of the
 * production relation code: every published total minus its published parts (along each dimension of a
 * breakdown, months within quarters, quarters within years, offices within their county), repeated with every
 * value it has recovered until nothing new comes out. Whatever it recovers that was hidden is a leak.
 *
 * <p>{@link #narrowRanges} is the stronger intruder: a linear-programming solver (COIN-OR's CLP, not the GLOP
 * that production audits with) that bounds each hidden cell under every relation at once, with non-negativity.
 */
final class DifferencingAttacker {

    private final Map<String, Long> known = new HashMap<>();
    private final Map<String, Boolean> hidden = new HashMap<>();
    private final Map<String, List<String>> relations = new HashMap<>();

    /**
     * Adds a mart's cells: keyed by partition, grain, period, breakdown ("a×b" or "national") and dimension
     * values ("ALL" = summed out); {@code valueColumn} null means hidden.
     */
    void addCells(Dataset<Row> mart, String partitionColumn, String grainColumn, String periodColumn, List<String> dims, String valueColumn) {
        List<String> cols = new ArrayList<>();
        if (partitionColumn != null) cols.add(partitionColumn);
        cols.addAll(List.of(grainColumn, periodColumn, "breakdown"));
        cols.addAll(dims);
        cols.add(valueColumn);
        for (Row r : mart.selectExpr(cols.toArray(String[]::new)).collectAsList()) {
            int o = partitionColumn == null ? 0 : 1;
            String partition = o == 1 ? String.valueOf(r.get(0)) : "";
            String grain = String.valueOf(r.get(o));
            String period = String.valueOf(r.get(o + 1));
            String breakdown = r.getString(o + 2);
            String[] values = new String[dims.size()];
            for (int i = 0; i < dims.size(); i++) values[i] = String.valueOf(r.get(o + 3 + i));
            Object v = r.get(o + 3 + dims.size());
            String id = id(partition, grain, period, breakdown, values);
            if (v == null) {
                hidden.put(id, true);
            } else {
                known.put(id, ((Number) v).longValue());
            }
            List<String> parts = breakdown.equals("national") ? List.of() : Arrays.asList(breakdown.split("×"));
            for (int i = 0; i < dims.size(); i++) {
                if (values[i].equals("ALL") || !parts.contains(dims.get(i))) continue;
                List<String> rest = new ArrayList<>(parts);
                rest.remove(dims.get(i));
                String[] totalValues = values.clone();
                totalValues[i] = "ALL";
                String total = id(partition, grain, period, rest.isEmpty() ? "national" : String.join("×", rest), totalValues);
                relate(total + "#" + dims.get(i), id);
            }
            String up = switch (grain) {
                case "MONTH" -> id(partition, "QUARTER", period.substring(0, 4) + "Q" + ((Integer.parseInt(period.substring(5, 7)) - 1) / 3 + 1),
                        breakdown, values);
                case "QUARTER" -> id(partition, "YEAR", period.substring(0, 4), breakdown, values);
                default -> null;
            };
            if (up != null) relate(up + "#time", id);
        }
    }

    /** A total that is the sum of members from elsewhere (e.g. a county-year and its offices). */
    void addMember(String totalId, String memberId, Long value) {
        if (value == null) {
            hidden.put(memberId, true);
        } else {
            known.put(memberId, value);
        }
        relate(totalId + "#members", memberId);
    }

    static String id(String partition, String grain, String period, String breakdown, String... values) {
        return partition + "|" + grain + "|" + period + "|" + breakdown + "|" + String.join("|", values);
    }

    private void relate(String totalKey, String part) {
        relations.computeIfAbsent(totalKey, k -> new ArrayList<>()).add(part);
    }

    /** @return the hidden cells it could compute, with their values */
    Map<String, Long> attack() {
        Map<String, Long> values = new HashMap<>(known);
        Map<String, Long> recovered = new HashMap<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Map.Entry<String, List<String>> rel : relations.entrySet()) {
                String total = rel.getKey().substring(0, rel.getKey().lastIndexOf('#'));
                if (!values.containsKey(total) && !hidden.containsKey(total)) continue; // not a published cell
                List<String> unknown = rel.getValue().stream().filter(p -> !values.containsKey(p)).toList();
                long partsKnown = rel.getValue().stream().filter(values::containsKey).mapToLong(values::get).sum();
                if (values.containsKey(total) && unknown.size() == 1) {
                    values.put(unknown.get(0), values.get(total) - partsKnown);
                    recovered.put(unknown.get(0), values.get(total) - partsKnown);
                    progress = true;
                } else if (!values.containsKey(total) && unknown.isEmpty()) {
                    values.put(total, partsKnown);
                    recovered.put(total, partsKnown);
                    progress = true;
                }
            }
        }
        return recovered;
    }

    /**
     * The hidden cells whose range under linear programming (every relation whose cells are all published or hidden,
     * counts ≥ 0, bounds rounded inwards) is narrower than {@code need} gives for them, with the range found.
     */
    Map<String, long[]> narrowRanges(ToLongFunction<String> need) {
        Loader.loadNativeLibraries();
        List<List<String>> rels = new ArrayList<>();
        for (Map.Entry<String, List<String>> rel : relations.entrySet()) {
            List<String> cells = new ArrayList<>();
            cells.add(rel.getKey().substring(0, rel.getKey().lastIndexOf('#')));
            cells.addAll(rel.getValue());
            if (cells.stream().allMatch(c -> known.containsKey(c) || hidden.containsKey(c))
                    && cells.stream().anyMatch(hidden::containsKey)) rels.add(cells);
        }
        Map<String, List<Integer>> relsOf = new HashMap<>();
        for (int r = 0; r < rels.size(); r++) for (String c : rels.get(r)) if (hidden.containsKey(c)) relsOf.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
        long cap = 10 * known.values().stream().mapToLong(Long::longValue).max().orElse(0) + 1000;
        Map<String, long[]> narrow = new java.util.TreeMap<>();
        Set<String> done = new HashSet<>();
        for (String seed : new java.util.TreeSet<>(relsOf.keySet())) {
            if (done.contains(seed)) continue;
            Set<String> comp = new LinkedHashSet<>(List.of(seed));
            Set<Integer> compRels = new LinkedHashSet<>();
            List<String> frontier = new ArrayList<>(comp);
            for (int k = 0; k < frontier.size(); k++) {
                for (int r : relsOf.get(frontier.get(k))) {
                    if (!compRels.add(r)) continue;
                    for (String c : rels.get(r)) if (hidden.containsKey(c) && comp.add(c)) frontier.add(c);
                }
            }
            done.addAll(comp);
            narrow.putAll(narrowInComponent(new ArrayList<>(comp), compRels, rels, cap, need));
        }
        return narrow;
    }

    private Map<String, long[]> narrowInComponent(List<String> cells, Set<Integer> compRels, List<List<String>> rels, long cap,
                                                  ToLongFunction<String> need) {
        MPSolver solver = MPSolver.createSolver("CLP");
        if (solver == null) throw new IllegalStateException("OR-Tools has no CLP here");
        try {
            Map<String, MPVariable> x = new HashMap<>();
            for (String c : cells) x.put(c, solver.makeNumVar(0, cap, "x" + x.size()));
            for (int r : compRels) {
                List<String> rel = rels.get(r);
                double constant = 0; // Σ parts − total = 0, published cells moved to the right-hand side
                for (int j = 0; j < rel.size(); j++) if (!x.containsKey(rel.get(j))) constant -= (j == 0 ? -1 : 1) * known.get(rel.get(j));
                MPConstraint e = solver.makeConstraint(constant, constant, "r" + r);
                for (int j = 0; j < rel.size(); j++) {
                    MPVariable v = x.get(rel.get(j));
                    if (v != null) e.setCoefficient(v, e.getCoefficient(v) + (j == 0 ? -1 : 1));
                }
            }
            Map<String, double[]> seen = new HashMap<>();
            Map<String, long[]> narrow = new HashMap<>();
            for (String c : cells) {
                for (boolean maximise : new boolean[] {true, false}) {
                    if (width(seen.get(c)) >= need.applyAsLong(c)) break;
                    MPObjective obj = solver.objective();
                    obj.clear();
                    obj.setCoefficient(x.get(c), 1);
                    if (maximise) obj.setMaximization();
                    else obj.setMinimization();
                    MPSolver.ResultStatus status = solver.solve();
                    if (status != MPSolver.ResultStatus.OPTIMAL) throw new IllegalStateException("intruder LP around " + c + ": " + status);
                    for (String other : cells) {
                        double v = x.get(other).solutionValue();
                        seen.merge(other, new double[] {v, v}, (a, b) -> new double[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
                    }
                }
                if (width(seen.get(c)) < need.applyAsLong(c)) {
                    double[] r = seen.get(c);
                    narrow.put(c, new long[] {(long) Math.ceil(r[0] - 1e-6), (long) Math.floor(r[1] + 1e-6)});
                }
            }
            return narrow;
        } finally {
            solver.delete();
        }
    }

    private static long width(double[] range) {
        return range == null ? -1 : (long) Math.floor(range[1] + 1e-6) - (long) Math.ceil(range[0] - 1e-6);
    }

    int hiddenCells() {
        return hidden.size();
    }

    int relationCount() {
        return relations.size();
    }
}
