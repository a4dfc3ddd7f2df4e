package no.trygg.quality.suites;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.nullif;
import static org.apache.spark.sql.functions.trim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.trygg.jobs.bronze.BronzeTables;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.quality.rules.Level;
import no.trygg.quality.rules.Rule;
import no.trygg.schemas.sources.ColumnType;
import no.trygg.schemas.sources.SourceColumn;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Checks on what the exporting systems delivered, before silver repairs anything: the newest export
 * batch of each source, as raw text. A few bad rows are normal (silver quarantines them: a Warning);
 * a column that is mostly empty or mostly off the code list means a broken export (an Error).
 * The rules come from the source formats in {@code schemas}, so a new column is checked without edits here.
 */
public final class SourceSuites {

    /** Warn below this share of good rows in a batch. */
    static final double WARN_BELOW = 0.99;
    /** Stop below this share: the export itself is broken. */
    static final double STOP_BELOW = 0.90;

    /** How old the newest export may be, in days after the period its file name gives (the schedule plus slack). */
    static final Map<SourceFormat, Integer> MAX_EXPORT_AGE_DAYS = Map.of(
            SourceFormat.INCIDENTS, 3,              // daily export
            SourceFormat.OFFICE_REGISTER, 45,       // monthly snapshot
            SourceFormat.SECURITY_MEASURES, 45,     // monthly full export
            SourceFormat.OFFICE_MONTH, 410,         // yearly file with the months of a year
            SourceFormat.STAFF_SURVEY, 410);        // yearly survey

    private SourceSuites() {
    }

    public static List<TableSuite> all() {
        return java.util.Arrays.stream(SourceFormat.values()).map(SourceSuites::of).toList();
    }

    public static String dataset(SourceFormat source) {
        return "source." + source.folder;
    }

    public static TableSuite of(SourceFormat source) {
        List<Rule> rules = new ArrayList<>();
        for (SourceColumn c : source.columns) {
            if (c.mandatory()) {
                rules.add(new Rule.Complete(c.name(), STOP_BELOW, Level.ERROR));
                rules.add(new Rule.Complete(c.name(), WARN_BELOW, Level.WARNING));
            }
            if (c.type() == ColumnType.CODE) {
                rules.add(new Rule.InCodeList(c.name(), c.codes(), STOP_BELOW, Level.ERROR));
                rules.add(new Rule.InCodeList(c.name(), c.codes(), WARN_BELOW, Level.WARNING));
            }
        }
        rules.add(new Rule.Fresh(source.folder, MAX_EXPORT_AGE_DAYS.get(source), Level.WARNING));
        return new TableSuite(dataset(source), w -> newestBatch(w, source), rules);
    }

    /** The rows of the newest ingest run that brought files of this source, one text column per source column. */
    public static Optional<Dataset<Row>> newestBatch(Warehouse warehouse, SourceFormat source) {
        return newestBatchId(warehouse, source).map(id -> asText(warehouse.read(Warehouse.BRONZE, BronzeTables.tableOf(source))
                .filter(col("ingest_run_id").equalTo(id)), source));
    }

    /** Run ids sort by time, so the newest batch is the greatest id that brought rows of this source. */
    public static Optional<String> newestBatchId(Warehouse warehouse, SourceFormat source) {
        if (!warehouse.exists(Warehouse.BRONZE, BronzeTables.tableOf(source))) return Optional.empty();
        Row newest = warehouse.read(Warehouse.BRONZE, BronzeTables.tableOf(source)).agg(max("ingest_run_id")).first();
        return newest.isNullAt(0) ? Optional.empty() : Optional.of(newest.getString(0));
    }

    /** Bronze record map → one column per source column (silver name), blank as null; free text left out. */
    public static Dataset<Row> asText(Dataset<Row> bronze, SourceFormat source) {
        List<Column> cols = new ArrayList<>();
        cols.add(col("ingest_run_id"));
        for (SourceColumn c : source.columns) {
            if (c.type() == ColumnType.FREE_TEXT) continue;
            cols.add(nullif(trim(col("record").getItem(c.header())), org.apache.spark.sql.functions.lit("")).as(c.name()));
        }
        return bronze.select(cols.toArray(Column[]::new));
    }
}
