package no.trygg.quality.rules;

/**
 * Watches one metric across runs (from the metrics history) and flags a sudden change.
 *
 * @param dataset  the measured dataset, as in the metrics table ("silver.incidents", "source.incidents")
 * @param metric   metric name, e.g. "Size", "QuarantineShare", "RowsPerExportFile"
 * @param strategy how far a new value may move
 * @param level    what a flagged anomaly means for the run
 * @param why      for people: what a flag here usually means
 */
public record AnomalyRule(String dataset, String metric, Strategy strategy, Level level, String why) {

    public sealed interface Strategy {
        String describe();
    }

    /** Within this many standard deviations of the recent earlier values (Deequ BatchNormalStrategy). */
    public record NormalRange(double deviations) implements Strategy {
        public String describe() { return "within ±" + deviations + " standard deviations of earlier runs"; }
    }

    /** New value / previous value within [1 − maxDecrease…, maxIncrease] (Deequ RelativeRateOfChangeStrategy); null: unbounded. */
    public record RelativeChange(Double maxDecrease, Double maxIncrease) implements Strategy {
        public String describe() { return "ratio to the previous run " + bounds(maxDecrease, maxIncrease); }
    }

    /** New value − previous value within [maxDecrease, maxIncrease] (Deequ AbsoluteChangeStrategy); null: unbounded. */
    public record AbsoluteChange(Double maxDecrease, Double maxIncrease) implements Strategy {
        public String describe() { return "change from the previous run " + bounds(maxDecrease, maxIncrease); }
    }

    private static String bounds(Double low, Double high) {
        if (low == null) return "at most " + high;
        if (high == null) return "at least " + low;
        return "between " + low + " and " + high;
    }
}
