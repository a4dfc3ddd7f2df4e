package no.trygg.jobs.gold.disclosure;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.trygg.jobs.gold.marts.Flags;
import no.trygg.jobs.gold.marts.Periods;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Disclosure control between Spark and {@link CellSuppression}: cells are keyed, collected (a mart has tens of
 * thousands of cells, not millions), suppressed together across every relation a reader could difference,
 * and the decision is joined back as a {@code suppression} column (null: publish).
 */
public final class CellProtection {

    public static final String CELL_ID = "cell_id";
    public static final String SUPPRESSION = "suppression";
    public static final String BREAKDOWN = "breakdown";

    /** A cell to decide on; {@code primaryReason} non-null marks it hidden whatever its count (e.g. a tiny office). */
    public record Candidate(CellKey key, long count, String primaryReason) {
    }

    private CellProtection() {
    }

    /** {@code cell_id} as {@link CellKey#id()} spells it, from the partition expression and the key columns. */
    public static Column id(Column partition, List<String> dimensionColumns) {
        List<Column> parts = new ArrayList<>(List.of(partition, col(Periods.GRAIN), col(Periods.PERIOD), col(BREAKDOWN)));
        dimensionColumns.forEach(c -> parts.add(col(c)));
        return concat_ws("|", parts.toArray(Column[]::new));
    }

    /** The keys of collected cell rows: columns partition, period_grain, period, breakdown, then the dimensions. */
    public static CellKey key(Row r, String partition, List<String> dimensionColumns) {
        List<String> values = new ArrayList<>(dimensionColumns.size());
        dimensionColumns.forEach(c -> values.add(r.getAs(c)));
        return new CellKey(partition, r.getAs(Periods.GRAIN), r.getAs(Periods.PERIOD), r.getAs(BREAKDOWN), values);
    }

    /**
     * Decides which cells to hide: counts 1 … minCount−1 and the candidates' own primary reasons first, then
     * complementary cells until no hidden cell can be computed from published ones and every primary keeps a
     * range at least {@code protectionWidth} wide (see {@link CellSuppression}).
     *
     * @return cell id → reason ({@link Flags#PRIMARY_SMALL_COUNT}, the candidate's reason, or {@link Flags#SECONDARY})
     */
    public static Map<String, String> decide(List<Candidate> candidates, List<Relation> relations, int minCount, int protectionWidth) {
        return decide(candidates, relations, minCount, protectionWidth, Set.of());
    }

    /**
     * As {@link #decide(List, List, int, int)}, after an earlier decision on another quantity of the same cells:
     * {@code alreadyHidden} stay hidden (and may be complements) and are not in the result, which holds the cells
     * this decision adds.
     */
    public static Map<String, String> decide(List<Candidate> candidates, List<Relation> relations, int minCount, int protectionWidth,
                                             Set<String> alreadyHidden) {
        List<Cell> cells = new ArrayList<>(candidates.size());
        Set<String> forced = new HashSet<>();
        Map<String, String> ownReason = new HashMap<>();
        for (Candidate c : candidates) {
            String id = c.key().id();
            cells.add(new Cell(id, c.count()));
            if (c.primaryReason() != null) {
                forced.add(id);
                ownReason.put(id, c.primaryReason());
            }
        }
        Map<String, SuppressionReason> decided = CellSuppression.apply(cells, relations, new Thresholds(minCount, protectionWidth), forced,
                alreadyHidden);
        Map<String, String> out = new HashMap<>();
        decided.forEach((id, reason) -> {
            if (alreadyHidden.contains(id) && !forced.contains(id)) return;
            switch (reason) {
                case NONE -> { }
                case PRIMARY_SMALL_COUNT -> out.put(id, ownReason.getOrDefault(id, Flags.PRIMARY_SMALL_COUNT));
                case SECONDARY_COMPLEMENT -> out.put(id, ownReason.getOrDefault(id, Flags.SECONDARY));
                default -> out.put(id, ownReason.getOrDefault(id, reason.name()));
            }
        });
        return out;
    }

    /** Adds {@code suppression} (null where the cell is published) by {@code cell_id}. */
    public static Dataset<Row> attach(Dataset<Row> cells, Map<String, String> suppressed) {
        StructType schema = new StructType().add(CELL_ID, DataTypes.StringType, false).add(SUPPRESSION, DataTypes.StringType, false);
        List<Row> rows = suppressed.entrySet().stream().map(e -> RowFactory.create(e.getKey(), e.getValue())).toList();
        Dataset<Row> decisions = cells.sparkSession().createDataFrame(rows, schema);
        return cells.join(org.apache.spark.sql.functions.broadcast(decisions), cells.col(CELL_ID).equalTo(decisions.col(CELL_ID)), "left")
                .drop(decisions.col(CELL_ID));
    }

    /**
     * The internal record of what was hidden and why ({@code gold.disclosure_decisions}): one row per hidden cell,
     * by cell group (the set of cells protected together) and {@code cell_id}.
     */
    public static Dataset<Row> decisions(SparkSession spark, Map<String, Map<String, String>> hiddenByGroup) {
        StructType schema = new StructType().add("cell_group", DataTypes.StringType, false).add(CELL_ID, DataTypes.StringType, false)
                .add("reason", DataTypes.StringType, false);
        List<Row> rows = new ArrayList<>();
        hiddenByGroup.forEach((group, hidden) -> hidden.forEach((id, reason) -> rows.add(RowFactory.create(group, id, reason))));
        return spark.createDataFrame(rows, schema);
    }

    /** Collected ids, for tests and audits. */
    public static List<String> ids(Dataset<Row> cells) {
        return cells.select(CELL_ID).as(Encoders.STRING()).collectAsList();
    }
}
