package no.trygg.quality;

/** An Error-level check failed: the run stops before gold, and nothing is published. */
public final class QualityGateException extends IllegalStateException {

    private final transient QualityGate.Result result;

    public QualityGateException(QualityGate.Result result) {
        super(message(result));
        this.result = result;
    }

    public QualityGate.Result result() {
        return result;
    }

    private static String message(QualityGate.Result result) {
        StringBuilder sb = new StringBuilder("quality gate stopped the run (nothing published): ")
                .append(result.errors().size()).append(result.errors().size() == 1 ? " Error-level check failed" : " Error-level checks failed");
        result.errors().forEach(c -> sb.append("\n  ").append(c.line()));
        sb.append("\n  See `bin/trygg quality report` for the whole picture; results are in ")
                .append("quality.check_results, run ").append(result.runId()).append('.');
        return sb.toString();
    }
}
