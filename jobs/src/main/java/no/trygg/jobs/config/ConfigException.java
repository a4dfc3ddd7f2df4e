package no.trygg.jobs.config;

/** A setting is missing or wrong; the message tells the user what to change. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
