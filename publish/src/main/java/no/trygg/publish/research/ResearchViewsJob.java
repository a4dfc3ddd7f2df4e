package no.trygg.publish.research;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import no.trygg.jobs.TryggVersion;
import no.trygg.jobs.gold.GoldTables;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;

/**
 * Gold → research: writes each research view as an Iceberg table with its columns documented (the comments
 * Trino, DBeaver and the data dictionary show). Materialised rather than SQL views so Spark, Trino and any
 * Iceberg reader see the same rows from the same snapshot. Rebuilt only when gold changed.
 */
public final class ResearchViewsJob {

    public record Result(boolean rebuilt, Map<String, Long> rowsPerView) {
    }

    private final Warehouse warehouse;
    private final Consumer<String> progress;

    public ResearchViewsJob(Warehouse warehouse, Consumer<String> progress) {
        this.warehouse = warehouse;
        this.progress = progress;
    }

    public String currentInputs() {
        return "code=" + TryggVersion.get() + ";" + GoldTables.ALL.stream()
                .map(t -> t + "@" + warehouse.snapshotId(Warehouse.GOLD, t)).collect(Collectors.joining(","));
    }

    public Result run(String runId) {
        String inputs = currentInputs();
        List<String> names = ResearchViews.ALL.stream().map(ResearchView::name).toList();
        if (warehouse.allBuiltFrom(ResearchViews.NAMESPACE, names, inputs)) {
            progress.accept("  research views are up to date with gold");
            return new Result(false, Map.of());
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        for (ResearchView v : ResearchViews.ALL) {
            Dataset<Row> view = documented(warehouse.read(Warehouse.GOLD, v.goldTable()), v);
            // One replace-table commit: new columns, comments and rows together, labelled with what it was built from.
            warehouse.createOrReplace(view, ResearchViews.NAMESPACE, v.name(), v.comment(),
                    Map.of(Warehouse.BUILT_FROM, inputs, Warehouse.RUN_ID, runId));
            long n = warehouse.read(ResearchViews.NAMESPACE, v.name()).count();
            rows.put(v.name(), n);
            progress.accept(String.format("  wrote research.%-18s %,8d rows", v.name(), n));
        }
        return new Result(true, rows);
    }

    /** The mart's columns minus those left out, each carrying its glossary comment. */
    public static Dataset<Row> documented(Dataset<Row> mart, ResearchView view) {
        List<Column> cols = new ArrayList<>();
        for (String c : mart.columns()) {
            if (view.leftOut().contains(c)) continue;
            Metadata comment = new MetadataBuilder().putString("comment", Glossary.of(c).comment()).build();
            cols.add(col(c).as(c, comment));
        }
        return mart.select(cols.toArray(Column[]::new));
    }
}
