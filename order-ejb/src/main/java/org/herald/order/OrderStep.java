package org.herald.order;

import java.io.Serializable;
import java.util.List;

/**
 * The result of a payment or a cancellation: the order afterwards, the events
 * the step recorded (in order), and, if the gateway declined, why. A declined
 * step is a business outcome with its own event ({@code payment.failed},
 * {@code refund.failed}), not an error: the order is simply unchanged.
 */
public record OrderStep(OrderView order, List<RecordedEvent> events, String declined) implements Serializable {

    /** An event a step recorded: its id and type. */
    public record RecordedEvent(String id, String type) implements Serializable {}
}
