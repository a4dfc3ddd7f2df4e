package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.sha2;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
import java.util.List;
import no.trygg.jobs.silver.Rejections.Reason;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;

/**
 * One silver row per key. Exact repeats of a row merge; rows with the same key (and version) but different
 * content conflict and all go to quarantine, because nobody can tell which is right; of the remaining
 * versions the newest wins. {@code source_rows} counts the bronze rows a kept row stands for, so
 * bronze = Σ source_rows + quarantine holds.
 */
public final class Deduplication {

    public static final String SOURCE_ROWS = "source_rows";
    public static final String VERSION_COUNT = "version_count";

    /** @param kept one row per key, with source_rows (and version_count when versioned); @param conflicts flagged rows */
    public record Result(Dataset<Row> kept, Dataset<Row> conflicts) {
    }

    private Deduplication() {
    }

    /**
     * @param rows          accepted rows (with rejection columns, all null)
     * @param key           columns identifying the entity
     * @param versionColumn column ordering versions, or null when a key has one version
     * @param contentColumns columns whose values make two rows the same row
     */
    public static Result latest(Dataset<Row> rows, List<String> key, String versionColumn, List<String> contentColumns) {
        return latest(rows, key, versionColumn, contentColumns, java.util.Set.of());
    }

    /**
     * As {@link #latest(Dataset, List, String, List)}; a conflict's detail names the key and quotes its values, except
     * those of {@code personKeys} (people's ids), which it masks: the row's file and line lead to the value in bronze.
     */
    public static Result latest(Dataset<Row> rows, List<String> key, String versionColumn, List<String> contentColumns,
                                java.util.Set<String> personKeys) {
        List<String> groupCols = new ArrayList<>(key);
        if (versionColumn != null) groupCols.add(versionColumn);
        Column[] group = groupCols.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new);
        Column content = sha2(concat_ws("\u0001", contentColumns.stream()
                .map(c -> coalesce(col(c).cast("string"), lit("\u0000"))).toArray(Column[]::new)), 256);
        WindowSpec sameVersion = Window.partitionBy(group);
        Dataset<Row> marked = rows.withColumn("_content", content)
                .withColumn("_n", count(lit(1)).over(sameVersion))
                .withColumn("_variants", size(collect_set("_content").over(sameVersion)))
                .withColumn("_first", row_number().over(sameVersion.orderBy(col("source_file"), col("line_number"))));

        Dataset<Row> conflicts = Rejections.flag(marked.filter(col("_variants").gt(1)), lit(true), Reason.DUPLICATE_CONFLICT,
                concat(lit("key " + String.join("+", groupCols) + " = "), concat_ws("/", groupCols.stream()
                                .map(c -> personKeys.contains(c) ? lit("[" + c + "]") : col(c)).toArray(Column[]::new)),
                        lit(" occurs in "), col("_n").cast("string"), lit(" rows with different content")))
                .drop("_content", "_n", "_variants", "_first");

        Dataset<Row> unique = marked.filter(col("_variants").equalTo(1).and(col("_first").equalTo(1)));
        Dataset<Row> kept;
        if (versionColumn == null) {
            kept = unique.withColumnRenamed("_n", SOURCE_ROWS);
        } else {
            WindowSpec sameKey = Window.partitionBy(key.stream().map(org.apache.spark.sql.functions::col).toArray(Column[]::new));
            kept = unique.withColumn(SOURCE_ROWS, sum("_n").over(sameKey))
                    .withColumn(VERSION_COUNT, count(lit(1)).over(sameKey).cast("int"))
                    .withColumn("_newest", row_number().over(sameKey.orderBy(col(versionColumn).desc())))
                    .filter(col("_newest").equalTo(1))
                    .drop("_n", "_newest");
        }
        kept = kept.withColumn(SOURCE_ROWS, col(SOURCE_ROWS).cast("long")).drop("_content", "_variants", "_first");
        return new Result(kept, conflicts);
    }
}
