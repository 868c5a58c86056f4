package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: an order's life over HTTP, each step's events read from
 * {@code order.events} by an external core client. The built-in payment
 * gateway declines charges above 1000.00 and refunds above 500.00.
 */
@ExtendWith(ArquillianExtension.class)
class OrderLifecycleSystemIT extends BlackBoxTest {

    /** A registered user, logged in, with the order their registration opened. */
    private record Customer(String userId, String token, String orderId, JsonObject orderCreated) {}

    @Test
    void payingACreatedOrderMakesItPaidAndContinuesTheOrdersEventChain() throws Exception {
        try (ExternalSubscriber orderEvents = new ExternalSubscriber("order.events")) {
            Customer customer = customer(orderEvents);

            HttpResponse<String> paid = pay(customer, "{\"amount\": 25.5}");

            assertEquals(200, paid.statusCode(), paid.body());
            JsonObject order = HeraldClient.object(paid);
            assertAll(
                    () -> assertEquals("PAID", order.getString("status")),
                    () -> assertEquals(
                            new BigDecimal("25.50"),
                            order.getJsonNumber("amount").bigDecimalValue()),
                    () -> assertEquals("EUR", order.getString("currency")),
                    () -> assertFalse(order.containsKey("declined")),
                    () -> assertEquals(List.of("payment.succeeded"), types(order.getJsonArray("events"))));
            JsonObject event = next(orderEvents, customer, "payment.succeeded");
            assertChained(customer.orderCreated(), event, 2);
            JsonObject data = event.getJsonObject("data");
            assertAll(
                    () -> assertEquals(
                            order.getJsonArray("events").getJsonObject(0).getString("id"), event.getString("id")),
                    () -> assertEquals(customer.orderId(), data.getString("orderId")),
                    () -> assertEquals(customer.userId(), data.getString("userId")),
                    () -> assertEquals(
                            new BigDecimal("25.50"),
                            data.getJsonNumber("amount").bigDecimalValue()),
                    () -> assertEquals("EUR", data.getString("currency")));
            assertEquals(
                    order.getString("status"),
                    HeraldClient.object(herald.get("/api/orders/" + customer.orderId()))
                            .getString("status"));

            assertConflict(pay(customer, "{\"amount\": 1}"), "PAID");
        }
    }

    @Test
    void aDeclinedPaymentLeavesTheOrderCreatedWithPaymentFailedAndALaterPaymentCanSucceed() throws Exception {
        try (ExternalSubscriber orderEvents = new ExternalSubscriber("order.events")) {
            Customer customer = customer(orderEvents);

            HttpResponse<String> declined = pay(customer, "{\"amount\": 1000.01, \"currency\": \"USD\"}");

            assertEquals(200, declined.statusCode(), declined.body());
            JsonObject order = HeraldClient.object(declined);
            assertEquals("CREATED", order.getString("status"));
            assertTrue(order.getString("declined").contains("limit"), order.toString());
            assertFalse(order.containsKey("amount"), "nothing was paid");
            JsonObject failed = next(orderEvents, customer, "payment.failed");
            assertChained(customer.orderCreated(), failed, 2);
            assertEquals(
                    order.getString("declined"), failed.getJsonObject("data").getString("reason"));
            assertEquals("USD", failed.getJsonObject("data").getString("currency"));

            assertEquals(
                    "PAID",
                    HeraldClient.object(pay(customer, "{\"amount\": 1000}")).getString("status"));
            assertChained(failed, next(orderEvents, customer, "payment.succeeded"), 3);
        }
    }

    @Test
    void cancellingACreatedOrderCancelsItOnceAndForAll() throws Exception {
        try (ExternalSubscriber orderEvents = new ExternalSubscriber("order.events")) {
            Customer customer = customer(orderEvents);

            HttpResponse<String> cancelled = cancel(customer, customer.token());

            assertEquals(200, cancelled.statusCode(), cancelled.body());
            JsonObject order = HeraldClient.object(cancelled);
            assertEquals("CANCELLED", order.getString("status"));
            assertEquals(List.of("order.cancelled"), types(order.getJsonArray("events")));
            JsonObject event = next(orderEvents, customer, "order.cancelled");
            assertChained(customer.orderCreated(), event, 2);
            assertEquals("CANCELLED", event.getJsonObject("data").getString("status"));

            assertConflict(cancel(customer, customer.token()), "CANCELLED");
            assertConflict(pay(customer, "{\"amount\": 10}"), "CANCELLED");
        }
    }

    @Test
    void cancellingAPaidOrderRefundsIt() throws Exception {
        try (ExternalSubscriber orderEvents = new ExternalSubscriber("order.events")) {
            Customer customer = customer(orderEvents);
            pay(customer, "{\"amount\": 500}");
            JsonObject paid = next(orderEvents, customer, "payment.succeeded");

            HttpResponse<String> cancelled = cancel(customer, customer.token());

            assertEquals(200, cancelled.statusCode(), cancelled.body());
            JsonObject order = HeraldClient.object(cancelled);
            assertEquals("REFUNDED", order.getString("status"));
            assertEquals(List.of("refund.succeeded", "order.cancelled"), types(order.getJsonArray("events")));
            List<JsonObject> events = received(orderEvents, customer, "order.cancelled");
            JsonObject refund = events.get(events.size() - 2);
            JsonObject cancellation = events.get(events.size() - 1);
            assertEquals("refund.succeeded", refund.getString("type"));
            assertChained(paid, refund, 3);
            assertChained(refund, cancellation, 4);
            assertEquals(
                    new BigDecimal("500.00"),
                    refund.getJsonObject("data").getJsonNumber("amount").bigDecimalValue());
            assertEquals("REFUNDED", cancellation.getJsonObject("data").getString("status"));

            assertConflict(cancel(customer, customer.token()), "REFUNDED");
        }
    }

    @Test
    void aDeclinedRefundLeavesTheOrderPaid() throws Exception {
        try (ExternalSubscriber orderEvents = new ExternalSubscriber("order.events")) {
            Customer customer = customer(orderEvents);
            pay(customer, "{\"amount\": 500.01}");

            HttpResponse<String> refused = cancel(customer, customer.token());

            assertEquals(200, refused.statusCode(), refused.body());
            JsonObject order = HeraldClient.object(refused);
            assertEquals("PAID", order.getString("status"));
            assertTrue(order.getString("declined").contains("refund limit"), order.toString());
            assertEquals(List.of("refund.failed"), types(order.getJsonArray("events")));
            JsonObject failed = next(orderEvents, customer, "refund.failed");
            assertEquals(3, Long.parseLong(failed.getString("sequence")));
            assertEquals(
                    order.getString("declined"), failed.getJsonObject("data").getString("reason"));
        }
    }

    @Test
    void onlyTheOrdersOwnerOrAnAdminMayPayOrCancelIt() throws Exception {
        try (ExternalSubscriber orderEvents = new ExternalSubscriber("order.events")) {
            Customer owner = customer(orderEvents);
            Customer stranger = customer(orderEvents);

            HttpResponse<String> strangerPays = herald.postJson(payment(owner), "{\"amount\": 10}", stranger.token());
            HttpResponse<String> strangerCancels = cancel(owner, stranger.token());
            HttpResponse<String> anonymousPays = herald.postJson(payment(owner), "{\"amount\": 10}", null);
            HttpResponse<String> anonymousCancels = cancel(owner, null);
            assertAll(
                    () -> assertEquals(403, strangerPays.statusCode(), strangerPays.body()),
                    () -> assertEquals(403, strangerCancels.statusCode(), strangerCancels.body()),
                    () -> assertEquals(
                            "application/problem+json",
                            strangerPays.headers().firstValue("Content-Type").orElse("")),
                    () -> assertEquals(401, anonymousPays.statusCode(), anonymousPays.body()),
                    () -> assertEquals(401, anonymousCancels.statusCode(), anonymousCancels.body()));
            assertEquals(
                    "CREATED",
                    HeraldClient.object(herald.get("/api/orders/" + owner.orderId()))
                            .getString("status"));

            String admin = herald.adminToken();
            HttpResponse<String> adminCancels = cancel(owner, admin);
            assertEquals(200, adminCancels.statusCode(), adminCancels.body());
            // the refused calls stored nothing: the admin's cancellation is the order's second event
            assertEquals(
                    2,
                    Long.parseLong(next(orderEvents, owner, "order.cancelled").getString("sequence")));
        }
    }

    @Test
    void aBadPaymentIsRefusedWith400AndAnUnknownOrderWith404() throws Exception {
        try (ExternalSubscriber orderEvents = new ExternalSubscriber("order.events")) {
            Customer customer = customer(orderEvents);
            for (String body : List.of(
                    "{}",
                    "{\"amount\": \"10\"}",
                    "{\"amount\": 0}",
                    "{\"amount\": -5}",
                    "{\"amount\": 10.001}",
                    "{\"amount\": 1e12}",
                    "{\"amount\": 10, \"currency\": \"eur\"}",
                    "{\"amount\": 10, \"currency\": 978}",
                    "{\"amount\": 10, \"tip\": 1}",
                    "[10]",
                    "{\"amount\": 10")) {
                HttpResponse<String> response = pay(customer, body);
                assertEquals(400, response.statusCode(), body + ": " + response.body());
                assertEquals(
                        "application/problem+json",
                        response.headers().firstValue("Content-Type").orElse(""),
                        body);
            }
            HttpResponse<String> unknown = herald.postJson(
                    "/api/orders/" + UUID.randomUUID() + "/payment", "{\"amount\": 10}", customer.token());
            assertEquals(404, unknown.statusCode(), unknown.body());
            assertEquals(
                    404,
                    cancel(new Customer(null, customer.token(), "no-such-order", null), customer.token())
                            .statusCode());

            // nothing above changed the order or stored an event: the next step is its second event
            assertEquals(
                    "CREATED",
                    HeraldClient.object(herald.get("/api/orders/" + customer.orderId()))
                            .getString("status"));
            pay(customer, "{\"amount\": 10}");
            assertEquals(
                    2,
                    Long.parseLong(
                            next(orderEvents, customer, "payment.succeeded").getString("sequence")));
        }
    }

    @Test
    void concurrentPaymentsOfOneOrderPayItExactlyOnce() throws Exception {
        try (ExternalSubscriber orderEvents = new ExternalSubscriber("order.events")) {
            Customer customer = customer(orderEvents);
            int attempts = 8;
            ExecutorService clients = Executors.newFixedThreadPool(attempts);
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < attempts; i++) {
                    Callable<HttpResponse<String>> attempt = () -> pay(customer, "{\"amount\": 42}");
                    answers.add(clients.submit(attempt));
                }
                int paid = 0;
                for (Future<HttpResponse<String>> answer : answers) {
                    HttpResponse<String> response = answer.get();
                    if (response.statusCode() == 200) {
                        paid++;
                    } else {
                        assertEquals(409, response.statusCode(), response.body());
                    }
                }
                assertEquals(1, paid, "exactly one of " + attempts + " concurrent payments succeeds");
            } finally {
                clients.shutdownNow();
            }

            // the cancellation comes after every event the payments stored: after order.created (received
            // already), one payment.succeeded
            cancel(customer, customer.token());
            List<JsonObject> events = received(orderEvents, customer, "order.cancelled");
            assertEquals(
                    List.of("payment.succeeded", "refund.succeeded", "order.cancelled"),
                    events.stream().map(event -> event.getString("type")).toList());
        }
    }

    /** Registers a user, waits for the order and its {@code order.created}, logs in. */
    private Customer customer(ExternalSubscriber orderEvents) throws Exception {
        String email = HeraldClient.uniqueEmail();
        String userId = HeraldClient.object(herald.postJson("/api/users", HeraldClient.registration(email)))
                .getString("id");
        JsonArray orders = awaitOrders(userId);
        String orderId = orders.getJsonObject(0).getString("id");
        JsonObject created = envelope(
                orderEvents.receiveUntil(ExternalSubscriber.typeAndSubject("order.created", orderId), TIMEOUT).stream()
                        .reduce((first, second) -> second)
                        .orElseThrow());
        return new Customer(userId, herald.login(email, HeraldClient.PASSWORD), orderId, created);
    }

    private HttpResponse<String> pay(Customer customer, String body) {
        return herald.postJson(payment(customer), body, customer.token());
    }

    private static String payment(Customer customer) {
        return "/api/orders/" + customer.orderId() + "/payment";
    }

    private HttpResponse<String> cancel(Customer customer, String token) {
        return herald.withToken("POST", "/api/orders/" + customer.orderId() + "/cancel", token);
    }

    /** The next event of the customer's order on the topic, which must be of {@code type}. */
    private static JsonObject next(ExternalSubscriber orderEvents, Customer customer, String type) throws Exception {
        List<JsonObject> events = received(orderEvents, customer, type);
        return events.get(events.size() - 1);
    }

    /** The events of the customer's order received up to the first of {@code type}, in arrival order. */
    private static List<JsonObject> received(ExternalSubscriber orderEvents, Customer customer, String type)
            throws Exception {
        List<TextMessage> messages =
                orderEvents.receiveUntil(ExternalSubscriber.typeAndSubject(type, customer.orderId()), TIMEOUT);
        List<JsonObject> events = new ArrayList<>();
        for (TextMessage message : messages) {
            if (customer.orderId().equals(message.getStringProperty("cloudEvents_subject"))) {
                events.add(envelope(message));
            }
        }
        return events;
    }

    private static JsonObject envelope(TextMessage message) throws Exception {
        return Json.createReader(new StringReader(message.getText())).readObject();
    }

    /** {@code event} is caused by {@code cause}, in the same correlation, at {@code sequence} of the order. */
    private static void assertChained(JsonObject cause, JsonObject event, long sequence) {
        assertAll(
                () -> assertEquals(cause.getString("id"), event.getString("causationid")),
                () -> assertEquals(cause.getString("correlationid"), event.getString("correlationid")),
                () -> assertEquals(cause.getString("subject"), event.getString("subject")),
                () -> assertEquals("/herald/order-service", event.getString("source")),
                () -> assertEquals(
                        "urn:herald:schema:" + event.getString("type") + ":v1", event.getString("dataschema")),
                () -> assertEquals(String.format("%019d", sequence), event.getString("sequence")));
    }

    private static void assertConflict(HttpResponse<String> response, String status) {
        assertEquals(409, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(status, HeraldClient.object(response).getString("orderStatus"));
    }

    private static List<String> types(JsonArray events) {
        return events.getValuesAs(JsonObject.class).stream()
                .map(event -> event.getString("type"))
                .toList();
    }
}
