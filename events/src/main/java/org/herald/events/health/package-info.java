/**
 * MicroProfile Health checks: database, broker, the relay (its backlog and
 * the age of the oldest unpublished event) and each subscription (status,
 * lag). They live in this library jar because WildFly discovers health checks
 * only in the EAR's {@code lib/} (WFLY-12835).
 */
package org.herald.events.health;
