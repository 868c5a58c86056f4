package org.herald.events.catalogue;

import java.time.OffsetDateTime;

/**
 * Data of {@code order.cancelled}: {@code status} is {@code CANCELLED}, or
 * {@code REFUNDED} when the order had been paid and its payment was refunded.
 */
public record OrderCancelled(String orderId, String userId, String status, OffsetDateTime cancelledAt) {}
