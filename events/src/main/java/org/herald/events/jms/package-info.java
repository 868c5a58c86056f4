/**
 * Herald's JMS binding for CloudEvents (the SDK has none): an event travels as
 * a {@code TextMessage} holding the structured JSON event, with its attributes
 * copied to {@code cloudEvents_<attribute>} properties so consumers can select
 * without parsing, {@code JMSXGroupID} = subject for per-aggregate ordering and
 * {@code _AMQ_DUPL_ID} = id so Artemis drops a resend of the same event.
 * {@link org.herald.events.jms.TransactedSession} is the locally transacted
 * session the relay and the subscriptions batch their work in.
 */
package org.herald.events.jms;
