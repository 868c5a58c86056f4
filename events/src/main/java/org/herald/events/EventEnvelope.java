package org.herald.events;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;
import org.herald.events.catalogue.EventType;
import org.herald.events.json.EventData;

/**
 * Builds Herald's CloudEvents 1.0 envelopes: id, type, source, subject (the
 * aggregate id), time, JSON data with a versioned data schema, and the
 * {@code correlationid}/{@code causationid} extensions that chain an event to
 * the one that caused it.
 */
public final class EventEnvelope {

    public static final String CORRELATION_ID = "correlationid";
    public static final String CAUSATION_ID = "causationid";
    /**
     * The CloudEvents {@code sequence} extension: the event's position among
     * the events of its subject (1, 2, 3, ...), zero-padded to 19 digits so
     * that string order is numeric order. The event store assigns it.
     */
    public static final String SEQUENCE = "sequence";

    public static final String JSON = "application/json";

    private EventEnvelope() {}

    /** A new event that starts a chain: it is its own correlation. */
    public static CloudEvent first(EventType type, URI source, String subject, Object data) {
        String id = UUID.randomUUID().toString();
        return build(id, type, source, subject, data, id, null);
    }

    /** A new event caused by {@code cause}: same correlation, causation = the cause's id. */
    public static CloudEvent causedBy(CloudEvent cause, EventType type, URI source, String subject, Object data) {
        Object correlation = cause.getExtension(CORRELATION_ID);
        String correlationId = correlation != null ? correlation.toString() : cause.getId();
        return following(correlationId, cause.getId(), type, source, subject, data);
    }

    /**
     * A new event in the chain {@code correlationId}, caused by the event
     * {@code causationId}: for a cause known only by its ids, such as the
     * last event of an aggregate that remembers them.
     */
    public static CloudEvent following(
            String correlationId, String causationId, EventType type, URI source, String subject, Object data) {
        return build(UUID.randomUUID().toString(), type, source, subject, data, correlationId, causationId);
    }

    private static CloudEvent build(
            String id,
            EventType type,
            URI source,
            String subject,
            Object data,
            String correlationId,
            String causationId) {
        Objects.requireNonNull(subject, "subject");
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withType(type.type())
                .withSource(source)
                .withSubject(subject)
                .withTime(OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS))
                .withDataSchema(type.dataSchema())
                .withData(JSON, EventData.toJson(data))
                .withExtension(CORRELATION_ID, correlationId);
        if (causationId != null) {
            builder.withExtension(CAUSATION_ID, causationId);
        }
        return builder.build();
    }

    /** {@code sequence} as the extension writes it: 19 digits, zero-padded. */
    public static String sequence(long sequence) {
        return String.format("%019d", sequence);
    }

    /** The event's {@code sequence} extension as a number, or {@code null} if it has none. */
    public static Long sequenceOf(CloudEvent event) {
        String value = extension(event, SEQUENCE);
        return value == null ? null : Long.valueOf(value);
    }

    /** The value of a string extension, or {@code null}. */
    public static String extension(CloudEvent event, String name) {
        Object value = event.getExtension(name);
        return value == null ? null : value.toString();
    }
}
