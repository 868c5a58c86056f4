package org.herald.events.catalogue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Data of {@code refund.succeeded}: the payment of a cancelled order was given back. */
public record RefundSucceeded(
        String orderId, String userId, BigDecimal amount, String currency, OffsetDateTime refundedAt) {}
