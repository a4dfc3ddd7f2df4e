package no.trygg.jobs.silver;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import no.trygg.jobs.bronze.ExportDate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.api.java.UDF3;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;

/**
 * The repeated hour when clocks go back (Europe/Oslo, last Sunday of October, 02:00–03:00 twice). Exports write local
 * time without an offset, so a version saved at 02:10 the second time reads as 02:10 summer time, 50 minutes before a
 * version saved at 02:40 the first time, and newest-version-wins would keep the wrong one. The delivery tells them
 * apart: a version in the repeated hour that comes in a file exported on a later day than the version's own day was
 * saved late, so it is read as the second occurrence (standard time). One in its own day's file stays the first
 * (summer time), as {@code to_timestamp} reads it. Within one file the two occurrences cannot be told apart.
 */
public final class AutumnFold {

    private AutumnFold() {
    }

    /** {@code column}: a timestamp read in {@code zone} (first occurrence at an overlap); needs {@code source_file}. */
    public static Dataset<Row> resolve(Dataset<Row> rows, String column, String zone) {
        UserDefinedFunction resolve = udf(new LaterWhenDeliveredLater(), DataTypes.TimestampType);
        return rows.withColumn(column, resolve.apply(col(column), col("source_file"), lit(zone)));
    }

    /** The same instant, or the second occurrence of its local time when the file was exported on a later day. */
    static Timestamp resolve(Timestamp read, String sourceFile, String zone) {
        if (read == null) return null;
        ZoneId z = ZoneId.of(zone);
        LocalDateTime local = LocalDateTime.ofInstant(read.toInstant(), z);
        if (z.getRules().getValidOffsets(local).size() < 2) return read; // not in a repeated hour
        ZonedDateTime first = ZonedDateTime.ofLocal(local, z, null).withEarlierOffsetAtOverlap();
        if (!first.toInstant().equals(read.toInstant())) return read; // already the second occurrence
        Optional<LocalDate> exported = sourceFile == null ? Optional.empty() : ExportDate.of(Path.of(sourceFile));
        return exported.isPresent() && exported.get().isAfter(local.toLocalDate())
                ? Timestamp.from(first.withLaterOffsetAtOverlap().toInstant()) : read;
    }

    private static final class LaterWhenDeliveredLater implements UDF3<Timestamp, String, String, Timestamp> {
        @Override
        public Timestamp call(Timestamp read, String sourceFile, String zone) {
            return resolve(read, sourceFile, zone);
        }
    }
}
