package org.herald.events.store;

/**
 * CDI event fired when events are stored; observed after the storing
 * transaction commits ({@code TransactionPhase.AFTER_SUCCESS}) to wake the relay.
 */
public record EventsStored(int count) {}
