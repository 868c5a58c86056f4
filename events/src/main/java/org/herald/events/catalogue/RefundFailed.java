package org.herald.events.catalogue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Data of {@code refund.failed}: the refund was declined, so the order stays paid and is not cancelled. */
public record RefundFailed(
        String orderId, String userId, BigDecimal amount, String currency, String reason, OffsetDateTime failedAt) {}
