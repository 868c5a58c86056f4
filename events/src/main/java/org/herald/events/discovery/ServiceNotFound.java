package org.herald.events.discovery;

/** A service the registry does not know, or knows but cannot find bound where it should be. */
public class ServiceNotFound extends RuntimeException {

    public ServiceNotFound(String message, Throwable cause) {
        super(message, cause);
    }
}
