package no.trygg.publish.server;

/**
 * A request to a server Trygg talks to (Superset, Airflow) that failed: the HTTP status (0 when the server did not
 * answer), the request and the server's own message, worded for the person running the command.
 */
public abstract class ServiceException extends RuntimeException {

    private final int status;
    private final String method;
    private final String path;

    protected ServiceException(int status, String method, String path, String message, Throwable cause) {
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
