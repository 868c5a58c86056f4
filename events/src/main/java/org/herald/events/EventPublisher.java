package org.herald.events;

import io.cloudevents.CloudEvent;

/**
 * The port through which services publish domain events. Publishing joins the
 * caller's JTA transaction: if it rolls back, the event never leaves.
 */
public interface EventPublisher {

    void publish(CloudEvent event);
}
