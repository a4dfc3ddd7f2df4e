package no.trygg.jobs.gold.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;

/**
 * Test tables shaped like the gold marts: the cross product of dimension hierarchies (a calendar, an office
 * size class with its total, …). Leaf cells get random counts, every other cell is the sum of its leaves,
 * and each hierarchy step in each dimension gives one relation per combination of the other dimensions.
 */
record CrossedTable(Map<String, Long> counts, List<Relation> relations) {

    /** A dimension: leaf values and, per aggregate value, the values it sums (leaves or other aggregates). */
    record Hierarchy(List<String> leaves, Map<String, List<String>> children) {
        List<String> values() {
            List<String> all = new ArrayList<>(leaves);
            all.addAll(children.keySet());
            return all;
        }
    }

    /** {@code n} values and their total. */
    static Hierarchy flat(String name, int n) {
        List<String> leaves = new ArrayList<>();
        for (int i = 1; i <= n; i++) leaves.add(name + i);
        return new Hierarchy(leaves, Map.of(name + "T", leaves));
    }

    /** Months sum to quarters, quarters to years. */
    static Hierarchy calendar(int years) {
        List<String> months = new ArrayList<>();
        Map<String, List<String>> children = new LinkedHashMap<>();
        for (int y = 1; y <= years; y++) {
            List<String> quarters = new ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                List<String> ms = new ArrayList<>();
                for (int m = 3 * q - 2; m <= 3 * q; m++) ms.add("y" + y + "m" + (m < 10 ? "0" : "") + m);
                months.addAll(ms);
                children.put("y" + y + "q" + q, ms);
                quarters.add("y" + y + "q" + q);
            }
            children.put("y" + y, quarters);
        }
        return new Hierarchy(months, children);
    }

    static CrossedTable build(List<Hierarchy> dims, long seed, ToLongFunction<Random> leafCount) {
        Random random = new Random(seed);
        Map<String, Long> counts = new LinkedHashMap<>();
        List<Relation> relations = new ArrayList<>();
        Map<List<String>, Long> memo = new HashMap<>();
        for (List<String> key : product(dims)) {
            counts.put(id(key), value(key, dims, random, leafCount, memo));
            for (int d = 0; d < dims.size(); d++) {
                List<String> children = dims.get(d).children().get(key.get(d));
                if (children == null) continue;
                List<String> parts = new ArrayList<>();
                for (String child : children) parts.add(id(with(key, d, child)));
                relations.add(new Relation(id(key), parts));
            }
        }
        return new CrossedTable(counts, relations);
    }

    List<Cell> cells() {
        return counts.entrySet().stream().map(e -> new Cell(e.getKey(), e.getValue())).toList();
    }

    static String id(List<String> key) {
        return String.join("|", key);
    }

    private static long value(List<String> key, List<Hierarchy> dims, Random random, ToLongFunction<Random> leafCount,
            Map<List<String>, Long> memo) {
        Long known = memo.get(key);
        if (known != null) return known;
        long v = 0;
        int d = 0;
        while (d < dims.size() && !dims.get(d).children().containsKey(key.get(d))) d++;
        if (d == dims.size()) {
            v = leafCount.applyAsLong(random);
        } else {
            for (String child : dims.get(d).children().get(key.get(d))) v += value(with(key, d, child), dims, random, leafCount, memo);
        }
        memo.put(key, v);
        return v;
    }

    private static List<String> with(List<String> key, int d, String value) {
        List<String> k = new ArrayList<>(key);
        k.set(d, value);
        return k;
    }

    private static List<List<String>> product(List<Hierarchy> dims) {
        List<List<String>> out = List.of(List.of());
        for (Hierarchy dim : dims) {
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : out) {
                for (String v : dim.values()) {
                    List<String> k = new ArrayList<>(prefix);
                    k.add(v);
                    next.add(k);
                }
            }
            out = next;
        }
        return out;
    }

    /** Poisson(mean) by inversion; small means give many 1s and 2s, like monthly counts per office group. */
    static long poisson(Random random, double mean) {
        double p = Math.exp(-mean), sum = p, u = random.nextDouble();
        long k = 0;
        while (u > sum && p > 0) {
            k++;
            p *= mean / k;
            sum += p;
        }
        return k;
    }
}
