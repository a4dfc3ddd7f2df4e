package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.regexp_replace;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.trim;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import no.trygg.jobs.silver.Rejections.Reason;
import no.trygg.schemas.sources.SourceColumn;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Bronze text to typed columns, driven by the source format: each source column becomes a silver column
 * of its type, and a row whose value is missing, unreadable or not in the code list gets a reason.
 * Values of sensitive columns (people, free text) are never echoed in a reason, nor is a value with personal data
 * in it ({@link PersonalDataRule}).
 */
public final class TypedColumns {

    private static final List<String> TIMESTAMP_FORMATS = List.of("yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm",
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "dd.MM.yyyy HH:mm:ss", "dd.MM.yyyy HH:mm");
    private static final List<String> DATE_FORMATS = List.of("yyyy-MM-dd", "dd.MM.yyyy");

    private TypedColumns() {
    }

    /** Adds one typed column per source column and the rejection columns; keeps the bronze columns. */
    public static Dataset<Row> parse(Dataset<Row> bronze, SourceFormat format) {
        Dataset<Row> df = Rejections.start(bronze);
        df = Rejections.flag(df, col("record_issue").startsWith(Reason.MALFORMED_ROW.name()), Reason.MALFORMED_ROW, col("record_issue"));
        df = Rejections.flag(df, col("record_issue").startsWith(Reason.ENCODING_ERROR.name()), Reason.ENCODING_ERROR, col("record_issue"));
        // Before the column checks, whose details quote values: personal data must not be quoted anywhere.
        df = PersonalDataRule.flag(df, format);
        for (SourceColumn c : format.columns) {
            Column raw = rawValue(c);
            Column typed = typed(c, raw);
            df = df.withColumn(c.name(), typed);
            if (c.mandatory()) {
                df = Rejections.flag(df, raw.isNull(), Reason.MISSING_MANDATORY,
                        lit("column " + c.header() + " is empty but mandatory"));
            }
            Reason unreadable = switch (c.type()) {
                case CODE, YES_NO -> Reason.INVALID_CODE;
                default -> Reason.UNPARSEABLE_VALUE;
            };
            Column detail = c.isSensitive()
                    ? lit("column " + c.header() + " cannot be read as " + c.type())
                    : concat(lit("column " + c.header() + ": '"), Rejections.shown(raw), lit("' " + expectation(c)));
            df = Rejections.flag(df, raw.isNotNull().and(col(c.name()).isNull()), unreadable, detail);
        }
        return df;
    }

    /** The trimmed text of a column, null when absent or blank. */
    static Column rawValue(SourceColumn c) {
        Column v = trim(element_at(col("record"), lit(c.header())));
        return when(v.equalTo(""), lit(null).cast("string")).otherwise(v);
    }

    static Column typed(SourceColumn c, Column raw) {
        return switch (c.type()) {
            // A control character (a NUL in an office name) would make a new version of a dimension out of nothing.
            case TEXT -> trim(regexp_replace(regexp_replace(raw, "[\\t\\n\\r]+", " "), "[\\x00-\\x1F\\x7F]", ""));
            case OFFICE_NUMBER -> when(raw.rlike("^[0-9]{4}$"), raw);
            case PERSON_ID, FREE_TEXT -> raw;
            case INTEGER -> when(raw.rlike("^[+-]?[0-9]{1,9}$"), raw.cast("int"));
            case DECIMAL -> {
                Column dot = regexp_replace(raw, ",", ".");
                yield when(dot.rlike("^[+-]?[0-9]+(\\.[0-9]+)?$"), dot.cast("double"));
            }
            case DATE -> coalesce(DATE_FORMATS.stream().map(f -> to_date(raw, f)).toArray(Column[]::new));
            // Read in the session's zone, Europe/Oslo. A time in the spring-forward gap (2025-03-30 02:30) reads as the
            // clock not yet moved would show it: 03:30 summer time. An autumn time that occurs twice (2025-10-26 02:30)
            // reads as the first, summer-time one. Both rows are kept: the day and the hour stay right, and the export
            // cannot say more (corpus README, DST cases).
            case TIMESTAMP -> coalesce(TIMESTAMP_FORMATS.stream().map(f -> to_timestamp(raw, f)).toArray(Column[]::new));
            case MONTH -> when(raw.rlike("^[0-9]{4}-[0-9]{2}$"), to_date(concat(raw, lit("-01")), "yyyy-MM-dd"));
            case YES_NO -> when(upper(raw).isin("J", "JA"), lit(true)).when(upper(raw).isin("N", "NEI"), lit(false));
            case CODE -> when(upper(raw).isin(c.codes().toArray()), upper(raw));
        };
    }

    private static String expectation(SourceColumn c) {
        return switch (c.type()) {
            case INTEGER -> "is not a whole number";
            case DECIMAL -> "is not a number";
            case DATE -> "is not a date (yyyy-MM-dd or dd.MM.yyyy)";
            case TIMESTAMP -> "is not a time (yyyy-MM-ddTHH:mm[:ss] or dd.MM.yyyy HH:mm)";
            case MONTH -> "is not a month (yyyy-MM)";
            case YES_NO -> "is not J or N";
            case OFFICE_NUMBER -> "is not a unit number (4 digits; a leading zero lost?)";
            case CODE -> "is not in the code list (" + String.join(", ", c.codes()) + ")";
            default -> "cannot be read";
        };
    }
}
