package org.herald.order.payment;

/**
 * The port to whatever moves money. Both calls run inside the order's
 * transaction and may be retried with the same {@code idempotencyKey} (the
 * order and its version), which a real gateway uses to charge or refund once
 * however often it is asked.
 */
public interface PaymentGateway {

    PaymentDecision charge(String orderId, Money amount, String idempotencyKey);

    PaymentDecision refund(String orderId, Money amount, String idempotencyKey);
}
