package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.year;

import java.util.List;
import no.trygg.jobs.silver.Rejections.Reason;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Plausibility rules per source, beyond types and code lists. "Now" is the time the row was ingested,
 * so rebuilding silver later classifies the same rows the same way.
 */
public final class RowRules {

    /** One rule: rows where {@code failed} holds get {@code reason} with {@code detail}. */
    public record Rule(Reason reason, Column failed, Column detail) {
    }

    private RowRules() {
    }

    public static List<Rule> forSource(SourceFormat source) {
        Column now = col("ingested_at");
        return switch (source) {
            case INCIDENTS -> List.of(
                    new Rule(Reason.OUT_OF_RANGE, col("severity").lt(1).or(col("severity").gt(5)),
                            concat(lit("alvorlighet "), col("severity").cast("string"), lit(" is outside 1–5"))),
                    new Rule(Reason.OUT_OF_RANGE, col("sick_leave_days").lt(0),
                            concat(lit("sykefravaer_dager "), col("sick_leave_days").cast("string"), lit(" is negative"))),
                    new Rule(Reason.FUTURE_DATE, col("occurred_at").gt(col("version_time")),
                            concat(lit("hendelse_tidspunkt "), col("occurred_at").cast("string"),
                                    lit(" is after the report was saved ("), col("version_time").cast("string"), lit(")"))),
                    new Rule(Reason.FUTURE_DATE, col("occurred_at").gt(now),
                            concat(lit("hendelse_tidspunkt "), col("occurred_at").cast("string"), lit(" is in the future"))),
                    // A version saved "in the future" would be the newest for good and hide every real update.
                    new Rule(Reason.FUTURE_DATE, col("version_time").gt(now),
                            concat(lit("versjon_tidspunkt "), col("version_time").cast("string"), lit(" is in the future"))));
            case OFFICE_MONTH -> List.of(
                    new Rule(Reason.OUT_OF_RANGE, col("fte").leq(0),
                            concat(lit("arsverk "), col("fte").cast("string"), lit(" must be > 0"))),
                    new Rule(Reason.OUT_OF_RANGE, col("headcount").lt(0).or(col("visitors").lt(0)),
                            lit("ansatte and besok must be >= 0")),
                    new Rule(Reason.FUTURE_DATE, col("month").gt(now),
                            concat(lit("maaned "), col("month").cast("string"), lit(" is in the future"))));
            case OFFICE_REGISTER -> List.of(
                    new Rule(Reason.OUT_OF_RANGE, col("budget_fte").leq(0),
                            concat(lit("arsverk_budsjett "), col("budget_fte").cast("string"), lit(" must be > 0"))),
                    new Rule(Reason.OUT_OF_RANGE, col("state_share").lt(0).or(col("state_share").gt(1)),
                            concat(lit("andel_statlig "), col("state_share").cast("string"), lit(" is outside 0–1"))),
                    new Rule(Reason.FUTURE_DATE, col("period").gt(now),
                            concat(lit("periode "), col("period").cast("string"), lit(" is in the future"))));
            case SECURITY_MEASURES -> List.of(
                    new Rule(Reason.OUT_OF_RANGE, col("valid_to").lt(col("valid_from")),
                            concat(lit("gyldig_til "), col("valid_to").cast("string"), lit(" is before gyldig_fra "),
                                    col("valid_from").cast("string"))));
            case STAFF_SURVEY -> List.of(
                    new Rule(Reason.OUT_OF_RANGE, col("survey_year").lt(2000).or(col("survey_year").gt(year(now))),
                            concat(lit("undersokelse_ar "), col("survey_year").cast("string"), lit(" is not a plausible survey year"))));
        };
    }

    public static Dataset<Row> apply(Dataset<Row> rows, SourceFormat source) {
        Dataset<Row> out = rows;
        for (Rule r : forSource(source)) {
            out = Rejections.flag(out, r.failed(), r.reason(), r.detail());
        }
        return out;
    }
}
