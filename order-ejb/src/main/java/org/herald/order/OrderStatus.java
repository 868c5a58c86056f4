package org.herald.order;

import java.util.Set;

/**
 * The life of an order: {@code CREATED → PAID → REFUNDED} and
 * {@code CREATED → CANCELLED}. Cancelling a paid order refunds it, so a paid
 * order never becomes {@code CANCELLED}; {@code CANCELLED} and
 * {@code REFUNDED} are final.
 */
public enum OrderStatus {
    CREATED,
    PAID,
    CANCELLED,
    REFUNDED;

    /** Whether an order in this status may move to {@code next}. */
    public boolean leadsTo(OrderStatus next) {
        return switch (this) {
            case CREATED -> Set.of(PAID, CANCELLED).contains(next);
            case PAID -> next == REFUNDED;
            case CANCELLED, REFUNDED -> false;
        };
    }
}
