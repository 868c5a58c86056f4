/**
 * The relay: publishes the event store's unpublished events to their topics,
 * in store order, in batches of one local broker transaction each.
 */
package org.herald.events.relay;
