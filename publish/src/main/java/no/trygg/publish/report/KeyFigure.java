package no.trygg.publish.report;

/**
 * A line of the key-figures table: one national measure now and in the period it is compared with.
 *
 * @param label     what it is, in the report's language
 * @param current   the quarter (or the last 12 months)
 * @param reference the same quarter a year earlier (or the 12 months before)
 * @param rate      true to show the rate with its interval, false to show the count
 * @param change    the rate ratio with its interval, or null when the cells cannot be compared
 */
public record KeyFigure(String label, RateCell current, RateCell reference, boolean rate, Change change) {
}
