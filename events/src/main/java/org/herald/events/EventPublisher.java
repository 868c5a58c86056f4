package org.herald.events;

import io.cloudevents.CloudEvent;
import java.util.List;

/**
 * The port through which services publish domain events. Publishing joins the
 * caller's transaction: the events are stored with the caller's own writes
 * (the event store is the outbox) and relayed to the broker after the
 * transaction commits; if it rolls back, they never existed.
 */
public interface EventPublisher {

    /** Stores the events in the caller's transaction, in order; each gets its subject's next sequence number. */
    void publish(List<CloudEvent> events);

    default void publish(CloudEvent event) {
        publish(List.of(event));
    }
}
