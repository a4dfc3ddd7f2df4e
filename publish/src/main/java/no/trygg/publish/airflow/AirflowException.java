package no.trygg.publish.airflow;

/**
 * An Airflow request that failed: the HTTP status (0 when Airflow did not answer), the request and
 * Airflow's own message, worded for the person running the command.
 */
public final class AirflowException extends RuntimeException {

    private final int status;
    private final String method;
    private final String path;

    public AirflowException(int status, String method, String path, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.method = method;
        this.path = path;
    }

    /** HTTP status, or 0 when no answer came (connection refused, timeout). */
    public int status() {
        return status;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }
}
