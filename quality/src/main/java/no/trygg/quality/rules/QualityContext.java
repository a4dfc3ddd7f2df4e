package no.trygg.quality.rules;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * What rules may need beyond the table under test.
 *
 * @param asOf          the day "in the future" and "fresh" are judged against
 * @param officeHistory silver office history (kontorhistorikk), loaded only by rules that need it
 * @param exportDates   per source folder, the date of the newest export file loaded (ingested_files)
 */
public record QualityContext(LocalDate asOf, Supplier<Dataset<Row>> officeHistory,
                             java.util.function.Function<String, java.util.Optional<LocalDate>> exportDates) {
}
