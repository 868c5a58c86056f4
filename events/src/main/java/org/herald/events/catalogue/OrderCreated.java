package org.herald.events.catalogue;

import java.time.OffsetDateTime;

/** Data of {@code order.created}. */
public record OrderCreated(String orderId, String userId, String status, OffsetDateTime createdAt) {}
