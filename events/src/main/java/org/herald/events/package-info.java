/**
 * Herald's shared kernel: everything two modules must agree on to exchange
 * events without knowing each other. The envelope is a CloudEvents 1.0 event
 * ({@link org.herald.events.EventEnvelope}); the catalogue of types and topics
 * lives in {@code catalogue}; the JSON format in {@code json}; the JMS binding
 * and publisher in {@code jms}. JNDI names shared by every module are in
 * {@link org.herald.events.JndiNames}.
 */
package org.herald.events;
