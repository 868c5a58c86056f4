package org.herald.events.store;

import java.time.OffsetDateTime;

/**
 * Which stored events a query or a replay is about: each criterion is
 * optional ({@code null}); {@code from} is inclusive, {@code to} exclusive,
 * both on the event's {@code time}.
 */
public record EventFilter(String type, String subject, String correlationId, OffsetDateTime from, OffsetDateTime to) {}
