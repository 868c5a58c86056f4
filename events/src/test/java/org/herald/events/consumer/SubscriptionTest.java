package org.herald.events.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.herald.events.catalogue.EventTopic;
import org.herald.events.catalogue.EventType;
import org.junit.jupiter.api.Test;

class SubscriptionTest {

    @Test
    void selectsItsEventTypesByTheTypeProperty() {
        Subscription subscription = Subscription.to(
                EventTopic.ORDER_EVENTS, "audit-orders", EventType.ORDER_CREATED, EventType.ORDER_CANCELLED);

        assertEquals("cloudEvents_type IN ('order.cancelled', 'order.created')", subscription.selector());
    }

    @Test
    void refusesANameTheBrokerWouldEscape() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Subscription.to(EventTopic.ORDER_EVENTS, "audit.orders", EventType.ORDER_CREATED));
    }

    @Test
    void refusesATypeThatTravelsOnAnotherTopic() {
        assertThrows(
                IllegalArgumentException.class,
                () -> Subscription.to(
                        EventTopic.USER_EVENTS, "mixed", EventType.USER_REGISTERED, EventType.ORDER_CREATED));
    }
}
