package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.trygg.jobs.privacy.PersonalData;
import no.trygg.jobs.privacy.PersonalDataColumns;
import no.trygg.schemas.sources.ColumnType;
import no.trygg.schemas.sources.SourceColumn;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * How much personal data the free text (beskrivelse) holds: bronze rows scanned, rows with any personal data, and
 * rows per kind. Counts only, never values: the free text itself stays in bronze. Shown in the run summary, so a
 * rise (a new form field inviting ID numbers) is noticed.
 */
public final class FreeTextPersonalData {

    public static final String ROWS_SCANNED = "rows_scanned";
    public static final String WITH_PERSONAL_DATA = "with_personal_data";
    /** Snapshot property of silver.quarantine that keeps the counts of the build, for runs that rebuild nothing. */
    public static final String PROPERTY = "trygg.free-text-personal-data";

    private FreeTextPersonalData() {
    }

    /** The counts for one source's checked bronze rows; empty when the source has no free text. */
    public static Map<String, Long> count(Dataset<Row> rows, SourceFormat source) {
        List<Column> texts = source.columns.stream().filter(c -> c.type() == ColumnType.FREE_TEXT)
                .map(SourceColumn::name).map(n -> PersonalDataColumns.kinds(col(n))).toList();
        if (texts.isEmpty()) return Map.of();
        Column kinds = col("kinds");
        List<Column> per = new ArrayList<>();
        per.add(sum(when(size(kinds).gt(0), 1).otherwise(0)));
        for (PersonalData.Kind k : PersonalData.Kind.values()) per.add(sum(when(array_contains(kinds, k.name()), 1).otherwise(0)));
        Row r = rows.select(array_distinct(flatten(array(texts.toArray(Column[]::new)))).as("kinds"))
                .agg(functions.count(lit(1)), per.toArray(Column[]::new)).first();
        Map<String, Long> out = new LinkedHashMap<>();
        out.put(ROWS_SCANNED, r.getLong(0));
        out.put(WITH_PERSONAL_DATA, r.isNullAt(1) ? 0L : r.getLong(1));
        for (PersonalData.Kind k : PersonalData.Kind.values()) out.put(k.name(), r.isNullAt(2 + k.ordinal()) ? 0L : r.getLong(2 + k.ordinal()));
        return out;
    }

    /** "incidents.rows_scanned=120,incidents.with_personal_data=14,…": counts as a snapshot property. */
    public static String encode(Map<String, Map<String, Long>> perSource) {
        List<String> parts = new ArrayList<>();
        perSource.forEach((source, counts) -> counts.forEach((k, n) -> parts.add(source + "." + k + "=" + n)));
        return String.join(",", parts);
    }

    public static Map<String, Map<String, Long>> decode(String property) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        if (property == null || property.isBlank()) return out;
        for (String part : property.split(",")) {
            int dot = part.indexOf('.');
            int eq = part.indexOf('=');
            out.computeIfAbsent(part.substring(0, dot), s -> new LinkedHashMap<>())
                    .put(part.substring(dot + 1, eq), Long.parseLong(part.substring(eq + 1)));
        }
        return out;
    }

    /** "incidents: 14 of 120 rows (NATIONAL_ID_NUMBER 10, PHONE_NUMBER 3, EMAIL_ADDRESS 2)". */
    public static String describe(String source, Map<String, Long> counts) {
        List<String> kinds = new ArrayList<>();
        for (PersonalData.Kind k : PersonalData.Kind.values()) kinds.add(k.name() + " " + counts.getOrDefault(k.name(), 0L));
        return source + ": " + counts.getOrDefault(WITH_PERSONAL_DATA, 0L) + " of " + counts.getOrDefault(ROWS_SCANNED, 0L)
                + " rows (" + String.join(", ", kinds) + ")";
    }
}
