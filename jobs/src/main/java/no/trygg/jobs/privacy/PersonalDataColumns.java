package no.trygg.jobs.privacy;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@link PersonalData} on Spark columns. A cheap native pre-check lets only values that could hold personal data
 * reach the Java scan, so checking every column of every row costs little.
 */
public final class PersonalDataColumns {

    private static final UserDefinedFunction KINDS = udf((UDF1<String, List<String>>) text ->
            PersonalData.kinds(text).stream().map(Enum::name).toList(), DataTypes.createArrayType(DataTypes.StringType));

    private static final UserDefinedFunction MASK = udf((UDF1<String, String>) PersonalData::mask, DataTypes.StringType);

    private static final UserDefinedFunction MASK_VALUES = udf((UDF1<scala.collection.Map<String, String>, Map<String, String>>) m -> {
        if (m == null) return null;
        Map<String, String> out = new LinkedHashMap<>();
        scala.collection.JavaConverters.mapAsJavaMap(m).forEach((k, v) -> out.put(k, v == null ? null : PersonalData.mask(v)));
        return out;
    }, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType));

    private PersonalDataColumns() {
    }

    /** Whether the text holds personal data; false for null. */
    public static Column found(Column text) {
        return coalesce(candidate(text).and(size(KINDS.apply(text)).gt(0)), lit(false));
    }

    /** The kinds found (NATIONAL_ID_NUMBER, PHONE_NUMBER, EMAIL_ADDRESS), empty when none or null. */
    public static Column kinds(Column text) {
        return when(candidate(text), KINDS.apply(text)).otherwise(lit(new String[0]));
    }

    /** The text with personal data replaced by its kind in brackets. */
    public static Column masked(Column text) {
        return when(candidate(text), MASK.apply(text)).otherwise(text);
    }

    /** A map of texts (a bronze record) with personal data in its values replaced by its kind in brackets. */
    public static Column maskedValues(Column map) {
        return MASK_VALUES.apply(map);
    }

    static Column candidate(Column text) {
        return length(text).geq(PersonalData.MIN_LENGTH).and(text.rlike(PersonalData.CANDIDATE_REGEX));
    }
}
