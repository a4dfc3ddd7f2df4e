package no.trygg.jobs.bronze;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The day an export file is due, from its name: {@code incidents_2024-03-05.csv} → 2024-03-05,
 * {@code office_register_2024-03.csv} → 2024-03-31, {@code staff_survey_2024.csv} → 2024-12-31: a file about a
 * period is complete when the period is over (before that it would hold "future" months). A scheduled run for a
 * day ingests the files due by then, so a backfill day by day loads the same files, in the same order, as one run
 * over the whole range.
 */
public final class ExportDate {

    private static final Pattern DATE = Pattern.compile("_(\\d{4})(?:-(\\d{2}))?(?:-(\\d{2}))?\\.[^.]+$");

    private ExportDate() {
    }

    /** Empty for a name without a date: such a file is always due. */
    public static Optional<LocalDate> of(Path file) {
        Matcher m = DATE.matcher(file.getFileName().toString());
        if (!m.find()) return Optional.empty();
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) return Optional.of(LocalDate.of(year, 12, 31));
            java.time.YearMonth month = java.time.YearMonth.of(year, Integer.parseInt(m.group(2)));
            return Optional.of(m.group(3) == null ? month.atEndOfMonth() : month.atDay(Integer.parseInt(m.group(3))));
        } catch (java.time.DateTimeException e) {
            return Optional.empty(); // a name like x_2024-13.csv is no date: the reader judges the file itself
        }
    }

    /** Whether the file is due on {@code through} (null: every file is due). */
    public static boolean due(Path file, LocalDate through) {
        return through == null || of(file).map(d -> !d.isAfter(through)).orElse(true);
    }
}
