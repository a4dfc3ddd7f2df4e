package no.trygg.quality.history;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.sql.Row;

/** Earlier runs' dataset-level metrics from quality.metrics, as series for the anomaly checks. */
public final class MetricsHistory {

    record Point(String dataset, String metric, double value, String batch) {
    }

    private final List<Point> points;

    MetricsHistory(List<Point> points) {
        this.points = points;
    }

    public static MetricsHistory read(Warehouse warehouse) {
        List<Point> points = new ArrayList<>();
        if (warehouse.exists(Warehouse.QUALITY, QualityTables.METRICS)) {
            List<Row> rows = warehouse.read(Warehouse.QUALITY, QualityTables.METRICS).filter(col("instance").equalTo("*"))
                    .orderBy("measured_at", "run_id").select("dataset", "metric", "value", "batch").collectAsList();
            rows.forEach(r -> points.add(new Point(r.getString(0), r.getString(1), r.getDouble(2), r.isNullAt(3) ? null : r.getString(3))));
        }
        return new MetricsHistory(points);
    }

    /**
     * Earlier values, oldest first. Batch metrics count each export batch once (re-runs measure the same
     * batch again) and leave out {@code currentBatch}, which is the value under test.
     */
    public List<Double> series(String dataset, String metric, String currentBatch) {
        Map<Object, Double> byKey = new LinkedHashMap<>();
        int i = 0;
        for (Point p : points) {
            if (!p.dataset().equals(dataset) || !p.metric().equals(metric)) continue;
            if (currentBatch != null && Objects.equals(p.batch(), currentBatch)) continue;
            Object key = p.batch() != null ? p.batch() : i++;
            byKey.remove(key);
            byKey.put(key, p.value());
        }
        return new ArrayList<>(byKey.values());
    }
}
