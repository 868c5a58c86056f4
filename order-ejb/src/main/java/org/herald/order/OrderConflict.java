package org.herald.order;

import jakarta.ejb.ApplicationException;

/**
 * A change the order cannot take: its status does not allow it, or another
 * request changed the order at the same time. Rolls the transaction back, so
 * the refused change leaves no event.
 */
@ApplicationException(rollback = true)
public class OrderConflict extends Exception {

    private final OrderStatus current;

    private OrderConflict(String message, OrderStatus current) {
        super(message);
        this.current = current;
    }

    static OrderConflict wrongState(String orderId, OrderStatus current, String action) {
        return new OrderConflict("Order " + orderId + " is " + current + " and cannot be " + action, current);
    }

    static OrderConflict concurrentChange(String orderId) {
        return new OrderConflict(
                "Order " + orderId + " was changed by another request at the same time;" + " read it again and retry",
                null);
    }

    /** The status that refused the change, or {@code null} when the conflict was a concurrent change. */
    public OrderStatus current() {
        return current;
    }
}
