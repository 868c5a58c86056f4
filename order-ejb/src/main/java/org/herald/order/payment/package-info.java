/**
 * Payments, as a port and its adapter: {@link org.herald.order.payment.PaymentGateway}
 * is what the order service needs from whatever moves money, and
 * {@link org.herald.order.payment.BuiltInPaymentGateway} is the deterministic
 * implementation Herald ships (its rule is in its comment). Another gateway
 * is a CDI alternative implementing the same interface.
 */
package org.herald.order.payment;
