package org.herald.events.consumer;

import jakarta.persistence.EntityManager;

/**
 * Guards a consumer's effect with its processed-events table. Call it inside
 * the transaction that carries the effect: two concurrent deliveries of one
 * event both pass the lookup, but the second insert violates the primary key,
 * its transaction rolls back and the broker redelivers it, to be skipped.
 */
public final class IdempotentConsumer {

    private final String consumer;

    public IdempotentConsumer(String consumer) {
        this.consumer = consumer;
    }

    /** {@code true} the first time this consumer sees {@code eventId}, and records it. */
    public boolean firstDelivery(EntityManager em, String eventId) {
        if (em.find(ProcessedEvent.class, new ProcessedEvent.Key(consumer, eventId)) != null) {
            return false;
        }
        em.persist(new ProcessedEvent(consumer, eventId));
        return true;
    }
}
