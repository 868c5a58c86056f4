/**
 * {@code /api/orders}: a user's orders and single orders, payment and
 * cancellation; the state machine and the payment gateway live in order-ejb.
 */
package org.herald.web.orders;
