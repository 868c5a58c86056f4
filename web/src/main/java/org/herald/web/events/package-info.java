/**
 * {@code /api/events}: the event store over HTTP — query with filters and a
 * cursor, one event with the consumers that applied it, and replays.
 */
package org.herald.web.events;
