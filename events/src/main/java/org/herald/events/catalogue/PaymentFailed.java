package org.herald.events.catalogue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Data of {@code payment.failed}: the payment was declined and the order is still unpaid. */
public record PaymentFailed(
        String orderId, String userId, BigDecimal amount, String currency, String reason, OffsetDateTime failedAt) {}
