package org.herald.events.store;

/** A replay that would resend more events than one request may. Nothing was replayed. */
public class ReplayTooLarge extends RuntimeException {

    public ReplayTooLarge(long matching, int limit) {
        super(matching + " events match; one replay resends at most " + limit + ": narrow the range");
    }
}
