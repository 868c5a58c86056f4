package org.herald.order;

/** The life of an order. */
public enum OrderStatus {
    CREATED, PAID, CANCELLED, REFUNDED
}
