package no.trygg.jobs.privacy;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.to_json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import no.trygg.jobs.warehouse.Warehouse;
import org.apache.spark.api.java.function.FilterFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * The check that personal data stayed in bronze: every row of every other table, and the files written for people
 * (reports, dictionaries, dashboards, run records). Reports tables, kinds and row counts, never values.
 */
public final class PersonalDataScan {

    private PersonalDataScan() {
    }

    /** Every table of the catalog outside bronze, as namespace.table. */
    public static List<String> tablesOutsideBronze(Warehouse w) {
        List<String> out = new ArrayList<>();
        for (String ns : w.spark().sql("SHOW NAMESPACES IN " + w.config().catalogName()).as(Encoders.STRING()).collectAsList()) {
            if (ns.equals(Warehouse.BRONZE)) continue;
            w.spark().sql("SHOW TABLES IN " + w.config().catalogName() + "." + ns).select("tableName").as(Encoders.STRING())
                    .collectAsList().forEach(t -> out.add(ns + "." + t));
        }
        return out;
    }

    /** Per table outside bronze with personal data: rows per kind found. Empty is the expected answer. */
    public static Map<String, Map<String, Long>> tables(Warehouse w) {
        Map<String, Map<String, Long>> out = new TreeMap<>();
        for (String t : tablesOutsideBronze(w)) {
            int dot = t.indexOf('.');
            Map<String, Long> found = rowsByKind(w.read(t.substring(0, dot), t.substring(dot + 1)));
            if (!found.isEmpty()) out.put(t, found);
        }
        return out;
    }

    /** Rows of the table whose text holds personal data, per kind. */
    public static Map<String, Long> rowsByKind(Dataset<Row> table) {
        Map<String, Long> out = new TreeMap<>();
        for (Row r : table.select(explode(PersonalDataColumns.kinds(text(table))).as("kind")).groupBy("kind").count().collectAsList()) {
            out.put(r.getString(0), r.getLong(1));
        }
        return out;
    }

    /** Rows where any column, numbers included, holds one of {@code needles} (e.g. ID numbers known to be in the sources). */
    public static long rowsContaining(Dataset<Row> table, Collection<String> needles) {
        List<String> n = List.copyOf(needles);
        return table.select(to_json(struct(col("*")))).as(Encoders.STRING())
                .filter((FilterFunction<String>) json -> n.stream().anyMatch(json::contains)).count();
    }

    /**
     * A row's text: its string columns, and maps and arrays of strings (a quarantine record), joined. Numbers are left
     * out: a count or a decimal is no one's phone number.
     */
    static Column text(Dataset<Row> table) {
        List<Column> texts = new ArrayList<>();
        for (StructField f : table.schema().fields()) {
            DataType t = f.dataType();
            if (t.equals(DataTypes.StringType)) {
                texts.add(col(f.name()));
            } else if (t instanceof MapType && ((MapType) t).valueType().equals(DataTypes.StringType)
                    || t instanceof ArrayType && ((ArrayType) t).elementType().equals(DataTypes.StringType)) {
                texts.add(to_json(col(f.name())));
            }
        }
        texts.add(lit(""));
        return concat_ws(" | ", texts.toArray(Column[]::new));
    }

    /** Files read as text; other files (PDF, Parquet) are compressed, so a scan of their bytes would prove nothing. */
    static final Set<String> TEXT_FILES = Set.of("html", "md", "json", "csv", "txt", "svg", "yaml", "yml", "sql", "log");

    /**
     * Text files under {@code dir} holding personal data, with the kinds found; {@code skip} (table files, which hold
     * counters that look like phone numbers, and are scanned as tables) is left out.
     */
    public static Map<Path, Set<PersonalData.Kind>> files(Path dir, Collection<Path> skip) {
        Map<Path, Set<PersonalData.Kind>> out = new LinkedHashMap<>();
        for (Path f : regularFiles(dir)) {
            if (skip.stream().anyMatch(f::startsWith) || !isText(f)) continue;
            Set<PersonalData.Kind> kinds = PersonalData.kinds(read(f));
            if (!kinds.isEmpty()) out.put(f, kinds);
        }
        return out;
    }

    static boolean isText(Path f) {
        String name = f.getFileName().toString();
        return TEXT_FILES.contains(name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT));
    }

    public static List<Path> regularFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir, e);
        }
    }

    /** A file's text in any encoding: digits, '@' and separators are ASCII in all that Trygg reads or writes. */
    public static String read(Path f) {
        try {
            return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + f, e);
        }
    }
}
