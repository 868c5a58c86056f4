/**
 * {@code /api/dlq} (admin): the subscriptions' dead letters and the events
 * parked behind them; redrive and drop.
 */
package org.herald.web.deadletters;
