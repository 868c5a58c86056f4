package org.herald.order;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** An order as callers see it. */
public record OrderView(String id, String userId, OrderStatus status, OffsetDateTime createdAt)
        implements Serializable {
}
