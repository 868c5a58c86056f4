/**
 * The event store, which is also the transactional outbox: every event Herald
 * publishes is a row of the {@code event} table, inserted in the transaction
 * of the change it reports and numbered within its subject (the CloudEvents
 * {@code sequence} extension). The relay publishes rows to the broker and
 * stamps them; the rows stay, to be queried and replayed.
 */
package org.herald.events.store;
