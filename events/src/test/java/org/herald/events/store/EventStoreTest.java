package org.herald.events.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.herald.events.EventEnvelope;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.OrderCreated;
import org.herald.events.catalogue.UserRegistered;
import org.herald.events.json.EventData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The event store on a real H2 database ({@link MigratedDatabase}). */
class EventStoreTest {

    private static final URI USERS = URI.create("/herald/user-service");
    private static final URI ORDERS = URI.create("/herald/order-service");

    private final EventStore store = new EventStore();
    private final List<EventsStored> fired = new ArrayList<>();

    @BeforeEach
    void emptyDatabase() {
        store.database = MigratedDatabase.create();
        store.stored = new Recorder();
    }

    @Test
    void numbersEachSubjectsEventsFromOneInTheOrderStored() {
        CloudEvent registered = userRegistered("u-1");
        CloudEvent createdA = orderCreated(registered, "o-1");
        CloudEvent createdB = orderCreated(registered, "o-2");
        store.publish(registered);
        store.publish(List.of(createdA, createdB, orderCreated(registered, "o-1")));

        List<StoredEvent> unpublished = store.unpublished(10);

        assertEquals(
                List.of("u-1", "o-1", "o-2", "o-1"),
                unpublished.stream().map(e -> e.event().getSubject()).toList());
        assertEquals(
                List.of(1L, 1L, 1L, 2L),
                unpublished.stream()
                        .map(e -> EventEnvelope.sequenceOf(e.event()))
                        .toList());
        assertEquals(
                "0000000000000000002",
                EventEnvelope.extension(unpublished.get(3).event(), EventEnvelope.SEQUENCE));
        assertEquals(2, fired.size(), "one notification per publishing call");
    }

    @Test
    void givesBackTheEventAsPublishedWithItsSequence() {
        CloudEvent registered = userRegistered("u-1");
        CloudEvent created = orderCreated(registered, "o-1");
        store.publish(List.of(registered, created));

        CloudEvent stored = store.unpublished(10).get(1).event();

        assertEquals(created.getId(), stored.getId());
        assertEquals(created.getType(), stored.getType());
        assertEquals(created.getSource(), stored.getSource());
        assertEquals(created.getTime(), stored.getTime());
        assertEquals(created.getDataSchema(), stored.getDataSchema());
        assertEquals(registered.getId(), EventEnvelope.extension(stored, EventEnvelope.CAUSATION_ID));
        assertEquals(registered.getId(), EventEnvelope.extension(stored, EventEnvelope.CORRELATION_ID));
        assertEquals(EventData.read(created, OrderCreated.class), EventData.read(stored, OrderCreated.class));
    }

    @Test
    void publishedEventsLeaveTheBacklogInPositionOrder() {
        for (int i = 0; i < 5; i++) {
            store.publish(userRegistered("u-" + i));
        }
        List<StoredEvent> firstTwo = store.unpublished(2);
        store.markPublished(firstTwo.stream().map(StoredEvent::position).toList());

        List<StoredEvent> rest = store.unpublished(10);

        assertEquals(
                List.of("u-2", "u-3", "u-4"),
                rest.stream().map(e -> e.event().getSubject()).toList());
        assertEquals(3, store.backlog().count());
        assertEquals(rest.get(0).event().getTime(), store.backlog().oldest().withOffsetSameInstant(ZoneOffset.UTC));
        store.markPublished(rest.stream().map(StoredEvent::position).toList());
        assertEquals(0, store.backlog().count());
        assertNull(store.backlog().oldest());
    }

    @Test
    void anEventIdIsStoredOnce() {
        CloudEvent registered = userRegistered("u-1");
        store.publish(registered);

        assertThrows(EventStoreFailure.class, () -> store.publish(registered));
        assertEquals(1, store.unpublished(10).size());
    }

    private static CloudEvent userRegistered(String userId) {
        return EventEnvelope.first(
                EventType.USER_REGISTERED,
                USERS,
                userId,
                new UserRegistered(userId, userId + "@example.com", "Ada", OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static CloudEvent orderCreated(CloudEvent cause, String orderId) {
        return EventEnvelope.causedBy(
                cause,
                EventType.ORDER_CREATED,
                ORDERS,
                orderId,
                new OrderCreated(orderId, cause.getSubject(), "CREATED", OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** Records what the store fires, as CDI would deliver it to the relay. */
    private final class Recorder implements Event<EventsStored> {
        @Override
        public void fire(EventsStored event) {
            fired.add(event);
        }

        @Override
        public <U extends EventsStored> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends EventsStored> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<EventsStored> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends EventsStored> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends EventsStored> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
