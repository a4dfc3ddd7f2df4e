package no.trygg.jobs.gold.disclosure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import no.trygg.jobs.gold.marts.Breakdown;
import no.trygg.jobs.gold.marts.Dimension;
import no.trygg.jobs.gold.marts.Periods;

/**
 * The sums a reader could difference: every total equals the sum of its parts along each dimension
 * (a breakdown minus one dimension, when that breakdown is published too) and along time (months → quarter
 * → year). These are exactly the relations secondary suppression must protect.
 */
public final class AdditiveRelations {

    private AdditiveRelations() {
    }

    /**
     * @param keys        every published cell
     * @param dimensions  the order of {@link CellKey#values()}
     * @param breakdowns  the published breakdowns; a parent that is not published is no relation
     */
    public static List<Relation> of(List<CellKey> keys, List<Dimension> dimensions, List<Breakdown> breakdowns) {
        Map<String, Breakdown> byName = breakdowns.stream().collect(Collectors.toMap(Breakdown::name, Function.identity()));
        Set<String> published = keys.stream().map(CellKey::id).collect(Collectors.toSet());
        Map<String, List<String>> partsByTotal = new LinkedHashMap<>();
        for (CellKey k : keys) {
            Breakdown b = byName.get(k.breakdown());
            if (b == null) throw new IllegalArgumentException("Cell " + k.id() + " has an undeclared breakdown");
            for (Dimension d : b.dimensions()) {
                Breakdown parent = b.without(d);
                if (!byName.containsKey(parent.name())) continue;
                List<String> values = new ArrayList<>(k.values());
                values.set(dimensions.indexOf(d), Dimension.TOTAL);
                // One relation per (total, summed dimension): a total can be split along several dimensions.
                String total = new CellKey(k.partition(), k.grain(), k.period(), parent.name(), values).id();
                partsByTotal.computeIfAbsent(total + "#" + d.column, x -> new ArrayList<>()).add(k.id());
            }
            String parentGrain = Periods.parentGrain(k.grain());
            if (parentGrain != null) {
                String total = new CellKey(k.partition(), parentGrain, Periods.parent(k.grain(), k.period()), k.breakdown(), k.values()).id();
                partsByTotal.computeIfAbsent(total + "#time", x -> new ArrayList<>()).add(k.id());
            }
        }
        List<Relation> out = new ArrayList<>(partsByTotal.size());
        partsByTotal.forEach((key, parts) -> {
            String total = key.substring(0, key.lastIndexOf('#'));
            if (published.contains(total)) out.add(new Relation(total, parts));
        });
        return out;
    }

    /** Extra relations "total = Σ members", e.g. a county-year total and the office-year cells of its offices. */
    public static List<Relation> grouped(Map<String, String> totalOfMember) {
        Map<String, List<String>> parts = new HashMap<>();
        totalOfMember.forEach((member, total) -> parts.computeIfAbsent(total, x -> new ArrayList<>()).add(member));
        return parts.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Relation(e.getKey(), e.getValue().stream().sorted().toList())).toList();
    }

    /** The relations whose cells all exist in {@code counts} and whose parts add up to the total there. */
    public static List<Relation> holding(List<Relation> relations, Map<String, Long> counts) {
        return relations.stream().filter(r -> {
            Long total = counts.get(r.total());
            long sum = 0;
            for (String p : r.parts()) {
                Long n = counts.get(p);
                if (n == null) return false;
                sum += n;
            }
            return total != null && total == sum;
        }).toList();
    }
}
