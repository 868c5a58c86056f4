package org.herald.events.store;

import io.cloudevents.CloudEvent;

/** An event as the store holds it: its position in the store and the event, {@code sequence} included. */
public record StoredEvent(long position, CloudEvent event) {
}
