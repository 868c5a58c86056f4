/**
 * Batched, idempotent consumers. A module declares a
 * {@link org.herald.events.consumer.Subscription} (topic, durable name, event
 * types) and an {@link org.herald.events.consumer.EventHandler}; a
 * {@link org.herald.events.consumer.Subscriber} takes batches from the broker
 * and applies each in one database transaction, skipping events already
 * recorded in {@code consumed_event}, so a redelivered or republished event
 * has no second effect.
 */
package org.herald.events.consumer;
