/**
 * Idempotent consumers: a consumer records each event id it has handled in its
 * own {@code processed_event} table, in the same transaction as its effect, so
 * a redelivered or republished event has no second effect.
 */
package org.herald.events.consumer;
