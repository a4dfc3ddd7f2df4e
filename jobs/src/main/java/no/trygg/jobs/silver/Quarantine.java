package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import java.util.stream.Collectors;
import no.trygg.jobs.privacy.PersonalDataColumns;
import no.trygg.schemas.sources.SourceColumn;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Rows that cannot go to silver, with a machine-readable reason and where they came from. The record is
 * kept for whoever fixes the export, minus people's ids and free text (those stay in bronze, found by file and line)
 * and with any personal data in the kept values replaced by its kind, e.g. "[NATIONAL_ID_NUMBER]".
 */
public final class Quarantine {

    public static final String TABLE = "quarantine";

    private Quarantine() {
    }

    public static Dataset<Row> rows(Dataset<Row> rejected, SourceFormat source) {
        String safe = source.columns.stream().filter(c -> !c.isSensitive()).map(SourceColumn::header)
                .map(h -> "'" + h + "'").collect(Collectors.joining(", "));
        // Masked as well: personal data in a kept column (the PERSONAL_DATA rows) or quoted in a detail stays in bronze.
        Column record = PersonalDataColumns.maskedValues(functions.expr("map_filter(record, (k, v) -> k IN (" + safe + "))"));
        return rejected.select(lit(source.folder).as("source"), col("source_file"), col("line_number"),
                col("ingest_run_id"), col(Rejections.REASON).as("reason"),
                PersonalDataColumns.masked(col(Rejections.DETAIL)).as("reason_detail"), record.as("record"));
    }
}
