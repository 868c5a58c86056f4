package org.herald.events.consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * One event handled by one consumer. Listed in the persistence unit of every
 * module that consumes events; its table comes from that module's migrations.
 */
@Entity
@Table(name = "processed_event")
@IdClass(ProcessedEvent.Key.class)
public class ProcessedEvent {

    @Id
    @Column(name = "consumer", length = 100)
    private String consumer;

    @Id
    @Column(name = "event_id", length = 64)
    private String eventId;

    @Column(name = "processed_at", nullable = false)
    private OffsetDateTime processedAt;

    protected ProcessedEvent() {
    }

    ProcessedEvent(String consumer, String eventId) {
        this.consumer = consumer;
        this.eventId = eventId;
        this.processedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Primary key: consumer name and event id. */
    public static class Key implements Serializable {
        private String consumer;
        private String eventId;

        public Key() {
        }

        public Key(String consumer, String eventId) {
            this.consumer = consumer;
            this.eventId = eventId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.consumer.equals(consumer) && key.eventId.equals(eventId);
        }

        @Override
        public int hashCode() {
            return 31 * consumer.hashCode() + eventId.hashCode();
        }
    }
}
