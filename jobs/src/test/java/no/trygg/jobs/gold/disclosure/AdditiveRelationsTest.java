package no.trygg.jobs.gold.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.trygg.jobs.gold.marts.Breakdown;
import no.trygg.jobs.gold.marts.Dimension;
import org.junit.jupiter.api.Test;

class AdditiveRelationsTest {

    static final List<Dimension> DIMS = List.of(Dimension.SIZE_CLASS, Dimension.INCIDENT_TYPE);
    static final List<Breakdown> BREAKDOWNS = List.of(Breakdown.of(), Breakdown.of(Dimension.SIZE_CLASS),
            Breakdown.of(Dimension.SIZE_CLASS, Dimension.INCIDENT_TYPE));

    static CellKey key(String grain, String period, Breakdown b, String size, String type) {
        return new CellKey("", grain, period, b.name(), List.of(size, type));
    }

    @Test
    void totalsAlongEachPublishedDimensionAndAlongTime() {
        List<CellKey> keys = new ArrayList<>();
        for (String p : List.of("2024-01", "2024-02", "2024-03")) {
            keys.add(key("MONTH", p, Breakdown.of(), "ALL", "ALL"));
        }
        keys.add(key("QUARTER", "2024Q1", Breakdown.of(), "ALL", "ALL"));
        keys.add(key("QUARTER", "2024Q1", Breakdown.of(Dimension.SIZE_CLASS), "SMALL", "ALL"));
        keys.add(key("QUARTER", "2024Q1", Breakdown.of(Dimension.SIZE_CLASS), "LARGE", "ALL"));
        keys.add(key("QUARTER", "2024Q1", Breakdown.of(Dimension.SIZE_CLASS, Dimension.INCIDENT_TYPE), "SMALL", "THREAT"));
        keys.add(key("QUARTER", "2024Q1", Breakdown.of(Dimension.SIZE_CLASS, Dimension.INCIDENT_TYPE), "SMALL", "VERBAL"));
        Map<String, List<String>> relations = AdditiveRelations.of(keys, DIMS, BREAKDOWNS).stream()
                .collect(Collectors.toMap(r -> r.total() + " = " + r.parts().size(), Relation::parts));
        String quarter = key("QUARTER", "2024Q1", Breakdown.of(), "ALL", "ALL").id();
        String small = key("QUARTER", "2024Q1", Breakdown.of(Dimension.SIZE_CLASS), "SMALL", "ALL").id();
        assertTrue(relations.containsKey(quarter + " = 3"), "quarter = its three months: " + relations.keySet());
        assertTrue(relations.containsKey(quarter + " = 2"), "national = the size classes");
        assertTrue(relations.containsKey(small + " = 2"), "size class = its incident types (size_class×incident_type → size_class)");
        // size_class×incident_type without size_class is incident_type alone: not published, so no relation.
        assertEquals(3, relations.size(), relations.keySet().toString());
    }

    @Test
    void groupedMembersSumToTheirTotal() {
        List<Relation> r = AdditiveRelations.grouped(Map.of("o1", "c1", "o2", "c1", "o3", "c2"));
        assertEquals(List.of(new Relation("c1", List.of("o1", "o2")), new Relation("c2", List.of("o3"))), r);
    }
}
