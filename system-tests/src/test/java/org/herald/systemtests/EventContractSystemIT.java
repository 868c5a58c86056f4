package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: the EAR as built, called over HTTP, its events read by an
 * external Artemis core client. Checks every field CONTRACT.md promises.
 */
@ExtendWith(ArquillianExtension.class)
class EventContractSystemIT extends BlackBoxTest {

    @Test
    void registrationPublishesUserRegisteredThenOrderCreatedWithTheContractsFields() throws Exception {
        try (ExternalSubscriber userEvents = new ExternalSubscriber("user.events");
                ExternalSubscriber orderEvents = new ExternalSubscriber("order.events")) {
            String email = HeraldClient.uniqueEmail();

            HttpResponse<String> created = herald.postJson("/api/users", HeraldClient.registration(email));

            assertEquals(201, created.statusCode(), created.body());
            JsonObject user = HeraldClient.object(created);
            String userId = user.getString("id");
            assertEquals(
                    "/api/users/" + userId,
                    created.headers().firstValue("Location").orElseThrow());
            assertEquals(email, user.getString("email"));
            assertEquals("Grace Hopper", user.getString("name"));
            assertDoesNotThrow(() -> OffsetDateTime.parse(user.getString("registeredAt")));
            assertFalse(user.containsKey("password") || user.containsKey("passwordHash"));

            List<TextMessage> users = userEvents.receiveUntil(ExternalSubscriber.subject(userId), TIMEOUT);
            TextMessage registeredMessage = users.get(users.size() - 1);
            JsonObject registered = envelope(registeredMessage, "user.registered", "/herald/user-service", userId);
            assertEquals(
                    registered.getString("id"),
                    registered.getString("correlationid"),
                    "a registration starts its correlation");
            assertFalse(registered.containsKey("causationid"));
            JsonObject registeredData = registered.getJsonObject("data");
            assertEquals(userId, registeredData.getString("userId"));
            assertEquals(email, registeredData.getString("email"));
            assertEquals("Grace Hopper", registeredData.getString("name"));
            assertEquals(user.getString("registeredAt"), registeredData.getString("registeredAt"));

            JsonArray orders = awaitOrders(userId);
            assertEquals(1, orders.size(), orders.toString());
            JsonObject order = orders.getJsonObject(0);
            assertEquals("CREATED", order.getString("status"));
            assertEquals(userId, order.getString("userId"));
            String orderId = order.getString("id");
            assertEquals(order, HeraldClient.object(herald.get("/api/orders/" + orderId)));

            List<TextMessage> orderMessages = orderEvents.receiveUntil(ExternalSubscriber.subject(orderId), TIMEOUT);
            JsonObject orderCreated = envelope(
                    orderMessages.get(orderMessages.size() - 1), "order.created", "/herald/order-service", orderId);
            assertEquals(registered.getString("id"), orderCreated.getString("causationid"));
            assertEquals(registered.getString("correlationid"), orderCreated.getString("correlationid"));
            assertNotEquals(registered.getString("id"), orderCreated.getString("id"));
            JsonObject orderData = orderCreated.getJsonObject("data");
            assertEquals(orderId, orderData.getString("orderId"));
            assertEquals(userId, orderData.getString("userId"));
            assertEquals("CREATED", orderData.getString("status"));
            assertEquals(order.getString("createdAt"), orderData.getString("createdAt"));
        }
    }

    /** Checks the CloudEvents envelope and the JMS properties of one message; returns the envelope. */
    private static JsonObject envelope(TextMessage message, String type, String source, String subject)
            throws Exception {
        JsonObject event =
                Json.createReader(new StringReader(message.getText())).readObject();
        assertEquals("1.0", event.getString("specversion"));
        assertEquals(type, event.getString("type"));
        assertEquals(source, event.getString("source"));
        assertEquals(subject, event.getString("subject"));
        assertEquals("application/json", event.getString("datacontenttype"));
        assertEquals("urn:herald:schema:" + type + ":v1", event.getString("dataschema"));
        assertDoesNotThrow(() -> OffsetDateTime.parse(event.getString("time")));
        assertTrue(event.getString("id").length() >= 32, event.getString("id"));
        assertTrue(event.containsKey("correlationid"));
        assertEquals("0000000000000000001", event.getString("sequence"), "the first event of its subject");

        assertEquals(event.getString("id"), message.getStringProperty("cloudEvents_id"));
        assertEquals(type, message.getStringProperty("cloudEvents_type"));
        assertEquals(source, message.getStringProperty("cloudEvents_source"));
        assertEquals(subject, message.getStringProperty("cloudEvents_subject"));
        assertEquals(subject, message.getStringProperty("JMSXGroupID"));
        assertEquals(event.getString("sequence"), message.getStringProperty("cloudEvents_sequence"));
        assertEquals(event.getString("id"), message.getStringProperty("_AMQ_DUPL_ID"));
        assertEquals(jakarta.jms.DeliveryMode.PERSISTENT, message.getJMSDeliveryMode());
        return event;
    }
}
