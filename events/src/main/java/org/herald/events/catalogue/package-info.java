/**
 * The event catalogue: every event type Herald knows, its kind (data, business,
 * system), the topic it is published to, and the records that make up each
 * type's {@code data}. Producers and consumers share these records; they are
 * the schema of Herald's events.
 */
package org.herald.events.catalogue;
