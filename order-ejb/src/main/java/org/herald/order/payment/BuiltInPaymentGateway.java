package org.herald.order.payment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Herald's own gateway, deterministic so that every outcome can be produced
 * on purpose: a charge above {@code herald.payments.limit} (default 1000.00)
 * is declined, and so is a refund above {@code herald.payments.refund-limit}
 * (default 500.00). Anything else is approved. No money moves.
 */
@ApplicationScoped
public class BuiltInPaymentGateway implements PaymentGateway {

    @Inject
    @ConfigProperty(name = "herald.payments.limit", defaultValue = "1000.00")
    BigDecimal limit;

    @Inject
    @ConfigProperty(name = "herald.payments.refund-limit", defaultValue = "500.00")
    BigDecimal refundLimit;

    @Override
    public PaymentDecision charge(String orderId, Money amount, String idempotencyKey) {
        return amount.amount().compareTo(limit) > 0
                ? PaymentDecision.decline("Declined: " + amount + " is above the limit of " + limit.toPlainString())
                : PaymentDecision.approve();
    }

    @Override
    public PaymentDecision refund(String orderId, Money amount, String idempotencyKey) {
        return amount.amount().compareTo(refundLimit) > 0
                ? PaymentDecision.decline(
                        "Refund declined: " + amount + " is above the refund limit of " + refundLimit.toPlainString())
                : PaymentDecision.approve();
    }
}
