/**
 * Orders. {@link org.herald.order.OrderOnUserRegistered} listens to
 * {@code user.events} and opens an order for every new user, at most once per
 * event; {@link org.herald.order.OrderService} holds the logic and is found by
 * its portable JNDI name.
 */
package org.herald.order;
