package no.trygg.pipelines;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.gold.marts.Flags;
import no.trygg.jobs.gold.marts.OfficeFunnel;
import no.trygg.jobs.silver.SilverTables;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * An intruder who sees every published table of a warehouse and attacks it with {@link DifferencingAttacker}:
 * the incident rates with the office funnel (offices within county, size class and stage), then the survey's group
 * sizes and, for sensitive items, its positive answers and their complements. What it finds is a leak. Used by
 * PipelineIT on its small warehouse and by {@link IntruderBenchmark} on the demo.
 */
final class PublishedTablesIntruder {

    /** What one attack on one quantity found. */
    record Finding(String quantity, int hiddenCells, int relations, Map<String, Long> recovered, Map<String, String> pinned) {
    }

    /** Reason in {@code gold.disclosure_decisions} whose cells need the full protection width, per attacked quantity. */
    private static final Map<String, String> SURVEY_NEEDS = Map.of("respondents", Flags.PRIMARY_SMALL_GROUP,
            "positive_answers", Flags.PRIMARY_SENSITIVE_ANSWERS, "negative_answers", Flags.PRIMARY_SENSITIVE_ANSWERS);

    private PublishedTablesIntruder() {
    }

    static List<Finding> attack(Warehouse w, int protectionWidth) {
        Map<String, String> reasons = new HashMap<>();
        for (Row r : w.read(Warehouse.GOLD, GoldTables.DISCLOSURE_DECISIONS).select("cell_id", "reason").collectAsList()) {
            reasons.put(r.getString(0), r.getString(1));
        }
        List<Finding> out = new ArrayList<>();
        DifferencingAttacker incidents = incidentAttacker(w);
        out.add(finding("incidents", incidents, id -> reasons.getOrDefault(id, "").startsWith("PRIMARY") ? protectionWidth : 1));

        Dataset<Row> survey = w.read(Warehouse.GOLD, GoldTables.SURVEY_INDICATORS)
                .withColumn("negative_answers", col("respondents").minus(col("positive_answers"))).cache();
        try {
            for (String quantity : List.of("respondents", "positive_answers", "negative_answers")) {
                DifferencingAttacker a = new DifferencingAttacker();
                a.addCells(quantity.equals("respondents") ? survey : survey.filter("sensitive"), "question_code", "'YEAR'", "survey_year",
                        List.of("size_class", "county_no", "channel_strategy_stage", "role", "employer"), quantity);
                String need = SURVEY_NEEDS.get(quantity);
                out.add(finding("survey " + quantity, a, id -> need.equals(reasons.get(id)) ? protectionWidth : 1));
            }
        } finally {
            survey.unpersist();
        }
        return out;
    }

    private static Finding finding(String quantity, DifferencingAttacker a, java.util.function.ToLongFunction<String> need) {
        Map<String, Long> recovered = new TreeMap<>(a.attack());
        Map<String, String> pinned = new TreeMap<>();
        a.narrowRanges(need).forEach((id, range) -> pinned.put(id, range[0] + "…" + range[1]));
        return new Finding(quantity, a.hiddenCells(), a.relationCount(), recovered, pinned);
    }

    private static DifferencingAttacker incidentAttacker(Warehouse w) {
        DifferencingAttacker attacker = new DifferencingAttacker();
        List<String> dims = List.of("size_class", "county_no", "channel_strategy_stage", "incident_type", "channel", "severity");
        attacker.addCells(w.read(Warehouse.GOLD, GoldTables.INCIDENT_RATES), null, "period_grain", "period", dims, "incidents");
        Set<String> splitGroups = officeGroupsSplitWithinAYear(w);
        for (Row r : w.read(Warehouse.GOLD, GoldTables.OFFICE_FUNNEL).collectAsList()) {
            String year = r.getAs("year");
            String office = DifferencingAttacker.id("", "YEAR", year, OfficeFunnel.BREAKDOWN, (String) r.getAs("office_id"));
            attacker.addMember(DifferencingAttacker.id("", "YEAR", year, "county_no", "ALL", r.getAs("county_no"), "ALL", "ALL", "ALL", "ALL"),
                    office, r.getAs("observed_incidents"));
            // Offices also add up to their size class and stage, where no office changed group that year.
            String size = r.getAs("size_class");
            String stage = r.getAs("channel_strategy_stage");
            if (!splitGroups.contains(year + "|size_class|" + size)) {
                attacker.addMember(DifferencingAttacker.id("", "YEAR", year, "size_class", size, "ALL", "ALL", "ALL", "ALL", "ALL"),
                        office, r.getAs("observed_incidents"));
            }
            if (!splitGroups.contains(year + "|channel_strategy_stage|" + stage)) {
                attacker.addMember(DifferencingAttacker.id("", "YEAR", year, "channel_strategy_stage", "ALL", "ALL", stage, "ALL", "ALL", "ALL"),
                        office, r.getAs("observed_incidents"));
            }
        }
        return attacker;
    }

    /**
     * "year|dimension|value" of each size class and stage that some office left or joined during the year: its
     * offices' yearly counts do not add up to the group's, so nobody can use that sum.
     */
    private static Set<String> officeGroupsSplitWithinAYear(Warehouse w) {
        Set<String> split = new HashSet<>();
        Map<String, Set<String>> valuesOfOfficeYear = new LinkedHashMap<>();
        List<Row> versions = w.read(Warehouse.SILVER, SilverTables.OFFICE_HISTORY)
                .select("office_id", "size_class", "channel_strategy_stage", "valid_from", "valid_to").collectAsList();
        for (Row v : versions) {
            int from = ((java.sql.Date) v.getAs("valid_from")).toLocalDate().getYear();
            java.sql.Date to = v.getAs("valid_to");
            int last = to == null ? 2100 : to.toLocalDate().minusDays(1).getYear();
            for (int y = Math.max(from, 2000); y <= Math.min(last, 2100); y++) {
                for (String dim : List.of("size_class", "channel_strategy_stage")) {
                    valuesOfOfficeYear.computeIfAbsent(y + "|" + dim + "|" + v.getAs("office_id"), k -> new HashSet<>())
                            .add((String) v.getAs(dim));
                }
            }
        }
        valuesOfOfficeYear.forEach((key, values) -> {
            if (values.size() < 2) return;
            String[] k = key.split("\\|");
            for (String value : values) split.add(k[0] + "|" + k[1] + "|" + value);
        });
        return split;
    }
}
