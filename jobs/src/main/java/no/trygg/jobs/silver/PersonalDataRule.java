package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_distinct;
import static org.apache.spark.sql.functions.array_join;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.flatten;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import no.trygg.jobs.privacy.PersonalDataColumns;
import no.trygg.jobs.silver.Rejections.Reason;
import no.trygg.schemas.sources.ColumnType;
import no.trygg.schemas.sources.SourceColumn;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Personal data where it does not belong: a national identity number, phone number or e-mail address in a column
 * whose text reaches silver (an id, a name, opening hours) sends the row to quarantine as PERSONAL_DATA.
 * The detail names the columns and the kinds, never a value. Free text and person ids are not checked here: they
 * never reach silver as written (free text stays in bronze, ids become pseudonyms).
 */
public final class PersonalDataRule {

    private PersonalDataRule() {
    }

    /** One check over all columns (one flag, not one per column, keeps the plan small for the wide survey). */
    public static Dataset<Row> flag(Dataset<Row> rows, SourceFormat source) {
        List<SourceColumn> checked = checkedColumns(source);
        if (checked.isEmpty()) return rows;
        Column columns = concat_ws(", ", checked.stream().map(c -> when(PersonalDataColumns.found(TypedColumns.rawValue(c)),
                lit(c.header()))).toArray(Column[]::new));
        Column kinds = array_join(array_sort(array_distinct(flatten(array(checked.stream()
                .map(c -> PersonalDataColumns.kinds(TypedColumns.rawValue(c))).toArray(Column[]::new))))), ", ");
        return Rejections.flag(rows, columns.notEqual(""), Reason.PERSONAL_DATA,
                concat(lit("personal data ("), kinds, lit(") in "), columns, lit("; the values are kept in bronze only")));
    }

    /**
     * The columns checked: text that reaches silver as written (ids, names, opening hours). Other columns need no
     * check of their own: a number is stored as a number (an 8-digit count would look like a phone number), and a
     * code, yes/no or date holding personal data fails its own check, whose quoted value {@link Quarantine} masks.
     * Checking only these keeps the plan small: the survey has some 40 code columns.
     */
    static List<SourceColumn> checkedColumns(SourceFormat source) {
        // TEXT excludes the sensitive types (FREE_TEXT, PERSON_ID) too.
        return source.columns.stream().filter(c -> c.type() == ColumnType.TEXT || c.type() == ColumnType.OFFICE_NUMBER).toList();
    }
}
