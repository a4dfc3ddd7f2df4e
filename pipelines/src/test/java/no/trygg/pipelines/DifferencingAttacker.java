package no.trygg.pipelines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A reader who tries to recover hidden cells from what gold publishes, written independently of the
 * production relation code: every published total minus its published parts (along each dimension of a
 * breakdown, months within quarters, quarters within years, offices within their county), repeated with every
 * value it has recovered until nothing new comes out. Whatever it recovers that was hidden is a leak.
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

    int hiddenCells() {
        return hidden.size();
    }

    int relationCount() {
        return relations.size();
    }
}
