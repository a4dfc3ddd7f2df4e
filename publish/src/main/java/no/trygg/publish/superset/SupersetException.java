package no.trygg.publish.superset;

import no.trygg.publish.server.ServiceException;

/** A Superset request that failed (status 0: Superset did not answer). */
public final class SupersetException extends ServiceException {

    public SupersetException(int status, String method, String path, String message, Throwable cause) {
        super(status, method, path, message, cause);
    }
}
