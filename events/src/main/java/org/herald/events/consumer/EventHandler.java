package org.herald.events.consumer;

import io.cloudevents.CloudEvent;
import java.util.List;

/**
 * A consumer's effect: applies a batch of events, none of which this consumer
 * has applied before, in the caller's transaction. Typically a method of a
 * stateless session bean (transaction attribute REQUIRED), so the container
 * joins it to the transaction that records the events as consumed.
 */
@FunctionalInterface
public interface EventHandler {

    void handle(List<CloudEvent> events);
}
