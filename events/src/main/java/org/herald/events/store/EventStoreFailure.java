package org.herald.events.store;

/** The database refused a read or write of the event store. */
public class EventStoreFailure extends RuntimeException {

    public EventStoreFailure(String message, Throwable cause) {
        super(message + ": " + cause.getMessage(), cause);
    }
}
