/**
 * System events: what happened to the running Herald node and its
 * dependencies, published on {@code system.events} through the event store.
 */
package org.herald.events.system;
