package no.trygg.quality.history;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.trygg.jobs.bronze.BronzeTables;
import no.trygg.jobs.warehouse.Warehouse;
import no.trygg.schemas.sources.SourceFormat;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

/**
 * The newest export each source has delivered, from the file names in bronze.ingested_files (which also
 * remembers empty files: a quiet day's export still proves the export runs).
 */
public final class ExportDates {

    /** incidents_2025-03-14.csv, office_register_2025-03.csv, office_month_2025.csv. */
    private static final Pattern PERIOD = Pattern.compile("_(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?\\.[A-Za-z]+$");

    private final Map<String, LocalDate> newest;

    private ExportDates(Map<String, LocalDate> newest) {
        this.newest = newest;
    }

    public static ExportDates read(Warehouse warehouse) {
        Map<String, LocalDate> newest = new HashMap<>();
        Dataset<Row> files = null;
        if (warehouse.exists(Warehouse.BRONZE, BronzeTables.INGESTED_FILES)) {
            files = warehouse.read(Warehouse.BRONZE, BronzeTables.INGESTED_FILES).select("source", "source_file");
        }
        // The source tables too: a crash between a batch's rows and its file-log entry must not hide the batch.
        for (SourceFormat s : SourceFormat.values()) {
            if (!warehouse.exists(Warehouse.BRONZE, BronzeTables.tableOf(s))) continue;
            Dataset<Row> named = warehouse.read(Warehouse.BRONZE, BronzeTables.tableOf(s)).select(lit(s.folder).as("source"), col("source_file"));
            files = files == null ? named : files.union(named);
        }
        if (files != null) {
            for (Row r : files.distinct().collectAsList()) {
                periodEnd(r.getString(1)).ifPresent(d -> newest.merge(r.getString(0), d, (a, b) -> a.isAfter(b) ? a : b));
            }
        }
        return new ExportDates(newest);
    }

    public Optional<LocalDate> newest(String sourceFolder) {
        return Optional.ofNullable(newest.get(sourceFolder));
    }

    /** The last day of the period a file name gives: the day, the month's last day, or 31 December. */
    public static Optional<LocalDate> periodEnd(String fileName) {
        Matcher m = PERIOD.matcher(fileName);
        if (!m.find()) return Optional.empty();
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) == null) return Optional.of(LocalDate.of(year, 12, 31));
        YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
        return Optional.of(m.group(3) == null ? month.atEndOfMonth() : month.atDay(Integer.parseInt(m.group(3))));
    }
}
