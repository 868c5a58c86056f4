package org.herald.order.payment;

/** A gateway's answer to a charge or a refund: approved, or declined with a reason people can read. */
public record PaymentDecision(boolean approved, String reason) {

    public static PaymentDecision approve() {
        return new PaymentDecision(true, null);
    }

    public static PaymentDecision decline(String reason) {
        return new PaymentDecision(false, reason);
    }
}
