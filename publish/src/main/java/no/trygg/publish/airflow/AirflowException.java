package no.trygg.publish.airflow;

import no.trygg.publish.server.ServiceException;

/** A Airflow request that failed (status 0: Airflow did not answer). */
public final class AirflowException extends ServiceException {

    public AirflowException(int status, String method, String path, String message, Throwable cause) {
        super(status, method, path, message, cause);
    }
}
