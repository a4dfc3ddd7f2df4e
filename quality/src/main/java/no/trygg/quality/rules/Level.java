package no.trygg.quality.rules;

/** How much a failed rule matters. */
public enum Level {
    /** Stops the pipeline before anything is published. */
    ERROR,
    /** Recorded and shown, but the run goes on. */
    WARNING
}
