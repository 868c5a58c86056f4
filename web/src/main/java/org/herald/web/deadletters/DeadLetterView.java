package org.herald.web.deadletters;

import java.time.OffsetDateTime;
import org.herald.events.EventEnvelope;
import org.herald.events.consumer.DeadLetters;

/**
 * One entry of {@code GET /api/dlq}: a failed event ({@code FAILED}) or one
 * parked behind it ({@code PARKED}), with why and since when.
 */
public record DeadLetterView(
        String id,
        String subscription,
        String state,
        String reason,
        int attempts,
        OffsetDateTime recordedAt,
        String eventId,
        String type,
        String subject,
        Long sequence) {

    static DeadLetterView of(DeadLetters.Entry entry) {
        return new DeadLetterView(
                entry.id(),
                entry.consumer(),
                entry.state(),
                entry.reason(),
                entry.attempts(),
                entry.recordedAt(),
                entry.event().getId(),
                entry.event().getType(),
                entry.event().getSubject(),
                EventEnvelope.sequenceOf(entry.event()));
    }
}
