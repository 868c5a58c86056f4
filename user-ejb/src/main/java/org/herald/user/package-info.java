/**
 * Users. {@link org.herald.user.UserService} registers a user and publishes
 * {@code user.registered} in the same transaction as the insert (the event store is the outbox); it is
 * found by its portable JNDI name, never by a compile-time dependency of
 * another service module.
 */
package org.herald.user;
