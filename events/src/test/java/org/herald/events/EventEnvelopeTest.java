package org.herald.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.OrderCreated;
import org.herald.events.catalogue.UserRegistered;
import org.herald.events.json.EventData;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private static final URI USERS = URI.create("/herald/user-service");
    private static final OffsetDateTime AT = OffsetDateTime.of(2026, 11, 23, 9, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void firstEventOfAChainIsItsOwnCorrelationAndHasNoCause() {
        CloudEvent event = EventEnvelope.first(
                EventType.USER_REGISTERED, USERS, "u-1", new UserRegistered("u-1", "ada@example.com", "Ada", AT));

        assertEquals("1.0", event.getSpecVersion().toString());
        assertEquals("user.registered", event.getType());
        assertEquals(USERS, event.getSource());
        assertEquals("u-1", event.getSubject());
        assertEquals("application/json", event.getDataContentType());
        assertEquals(URI.create("urn:herald:schema:user.registered:v1"), event.getDataSchema());
        assertEquals(event.getId(), EventEnvelope.extension(event, EventEnvelope.CORRELATION_ID));
        assertNull(event.getExtension(EventEnvelope.CAUSATION_ID));
        assertEquals(
                "ada@example.com", EventData.read(event, UserRegistered.class).email());
    }

    @Test
    void causedEventKeepsTheCorrelationAndPointsAtItsCause() {
        CloudEvent cause = EventEnvelope.first(
                EventType.USER_REGISTERED, USERS, "u-1", new UserRegistered("u-1", "ada@example.com", "Ada", AT));
        CloudEvent effect = EventEnvelope.causedBy(
                cause,
                EventType.ORDER_CREATED,
                URI.create("/herald/order-service"),
                "o-1",
                new OrderCreated("o-1", "u-1", "CREATED", AT));

        assertNotEquals(cause.getId(), effect.getId());
        assertEquals(cause.getId(), EventEnvelope.extension(effect, EventEnvelope.CAUSATION_ID));
        assertEquals(
                EventEnvelope.extension(cause, EventEnvelope.CORRELATION_ID),
                EventEnvelope.extension(effect, EventEnvelope.CORRELATION_ID));
        assertEquals(new OrderCreated("o-1", "u-1", "CREATED", AT), EventData.read(effect, OrderCreated.class));
    }
}
