/**
 * Users. {@link org.herald.user.UserService} registers a user and publishes
 * {@code user.registered} in the same JTA transaction as the insert; it is
 * found by its portable JNDI name, never by a compile-time dependency of
 * another service module.
 */
package org.herald.user;
