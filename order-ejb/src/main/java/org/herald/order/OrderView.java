package org.herald.order;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** An order as callers see it; {@code amount} and {@code currency} once it has been paid. */
public record OrderView(
        String id,
        String userId,
        OrderStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        BigDecimal amount,
        String currency)
        implements Serializable {}
