package org.herald.events.catalogue;

import java.time.OffsetDateTime;

/**
 * Data of {@code system.dead-letter-dropped}: an operator dropped an event a
 * consumer had given up on; it was never applied. The audit trail of a drop.
 * Subject: the consumer (subscription) name; causation: the dropped event.
 */
public record DeadLetterDropped(
        String consumer,
        String eventId,
        String eventType,
        String eventSubject,
        Long eventSequence,
        String reason,
        OffsetDateTime droppedAt) {}
