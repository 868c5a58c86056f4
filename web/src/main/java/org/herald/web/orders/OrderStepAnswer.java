package org.herald.web.orders;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.herald.order.OrderStatus;
import org.herald.order.OrderStep;
import org.herald.order.OrderView;

/**
 * The answer to a payment or a cancellation: the order as {@code GET} shows
 * it, the events the step recorded, and {@code declined} with the gateway's
 * reason when it declined (the order is then unchanged).
 */
public record OrderStepAnswer(
        String id,
        String userId,
        OrderStatus status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        BigDecimal amount,
        String currency,
        List<OrderStep.RecordedEvent> events,
        String declined) {

    static OrderStepAnswer of(OrderStep step) {
        OrderView order = step.order();
        return new OrderStepAnswer(
                order.id(),
                order.userId(),
                order.status(),
                order.createdAt(),
                order.updatedAt(),
                order.amount(),
                order.currency(),
                step.events(),
                step.declined());
    }
}
