package no.trygg.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.AtomicType;

/**
 * One view as one file: Spark writes a folder of part files, a researcher wants {@code incident_rates.csv}. The rows
 * go through one partition sorted by every column, so the same rows always give the same file.
 */
final class SingleFile {

    /** CSV as RFC 4180 (quotes doubled, not backslash-escaped), UTF-8, one header line, \n; a suppressed (null) cell is empty. */
    static final Map<String, String> CSV = Map.of("header", "true", "encoding", "UTF-8", "quote", "\"", "escape", "\"",
            "lineSep", "\n", "nullValue", "", "dateFormat", "yyyy-MM-dd");
    static final Map<String, String> PARQUET = Map.of("compression", "snappy");

    private SingleFile() {
    }

    /** The rows in a stable order: one partition, sorted by all columns left to right. */
    static Dataset<Row> ordered(Dataset<Row> rows) {
        Column[] all = Stream.of(rows.columns()).map(functions::col).map(Column::asc_nulls_first).toArray(Column[]::new);
        return rows.repartition(1).sortWithinPartitions(all);
    }

    /** The rows as CSV can hold them: a list (e.g. missing_measures) as its JSON text, ["A","B"], which any reader can split. */
    static Dataset<Row> csvReady(Dataset<Row> rows) {
        Column[] cols = Stream.of(rows.schema().fields())
                .map(f -> f.dataType() instanceof AtomicType ? functions.col(f.name()) : functions.to_json(functions.col(f.name())).as(f.name()))
                .toArray(Column[]::new);
        return rows.select(cols);
    }

    /** Writes {@code rows} (already {@link #ordered}) as {@code target}, in Spark's {@code format}. */
    static Path write(Dataset<Row> rows, String format, Map<String, String> options, Path target) {
        Path scratch = target.resolveSibling(target.getFileName() + ".spark");
        rows.write().format(format).options(options).mode("errorifexists").save(scratch.toUri().toString());
        try {
            List<Path> parts;
            try (Stream<Path> files = Files.list(scratch)) {
                parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
            }
            if (parts.size() != 1) {
                throw new IllegalStateException("Spark wrote " + parts.size() + " part files for " + target.getFileName() + ", expected one");
            }
            Files.move(parts.get(0), target);
            deleteTree(scratch);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move Spark's output to " + target, e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
