package org.herald.events.catalogue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Data of {@code payment.succeeded}: the order is paid. */
public record PaymentSucceeded(
        String orderId, String userId, BigDecimal amount, String currency, OffsetDateTime paidAt) {}
