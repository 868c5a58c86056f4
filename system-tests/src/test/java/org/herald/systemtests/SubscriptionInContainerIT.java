package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.naming.InitialContext;
import org.herald.events.EventEnvelope;
import org.herald.events.EventPipeline;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.UserRegistered;
import org.herald.events.consumer.ConsumedEvents;
import org.herald.events.consumer.Subscriber;
import org.herald.events.jms.CloudEventMessages;
import org.herald.order.OrderService;
import org.herald.order.OrderView;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The order service's subscription, inside the server, fed by the real
 * broker: batches applied once, failures isolated, poison messages set
 * aside, a subject's order kept (also against its delivery order, and behind
 * an event that failed for good until it is redriven).
 */
@ExtendWith(ArquillianExtension.class)
class SubscriptionInContainerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String CONSUMER = "order-service-user-registered";

    @Deployment
    static EnterpriseArchive deployment() {
        return HeraldDeployment.withTests(
                SubscriptionInContainerIT.class,
                HeraldJms.class,
                Poll.class,
                EventStoreRows.class,
                EventStoreRows.Row.class,
                HeraldClient.class);
    }

    /** Herald's HTTP API, called from inside the server as any client would. */
    private final HeraldClient http = new HeraldClient();

    @Inject
    ConsumedEvents consumed;

    @Inject
    EventPipeline pipeline;

    private OrderService orders;

    @BeforeEach
    void findServices() throws Exception {
        orders = InitialContext.doLookup(org.herald.events.JndiNames.ORDER_SERVICE);
    }

    @Test
    void aBatchAppliedAgainHasNoSecondEffectAndItsStoredOutputsAreRelayedOnce() throws Exception {
        CloudEvent first = userRegistered(UUID.randomUUID().toString(), 1);
        CloudEvent second = userRegistered(UUID.randomUUID().toString(), 1);

        // what the subscription does with a batch, twice: as after a crash between the two commits
        assertEquals(
                2,
                consumed.apply(CONSUMER, List.of(first, second), orders::openFor)
                        .applied());
        assertEquals(
                0,
                consumed.apply(CONSUMER, List.of(second, first), orders::openFor)
                        .applied());

        for (CloudEvent cause : List.of(first, second)) {
            String userId = cause.getSubject();
            List<OrderView> opened = orders.findByUser(userId);
            assertEquals(1, opened.size(), opened.toString());
            List<EventStoreRows.Row> outputs = Poll.until(
                    () -> EventStoreRows.causedBy(cause.getId()),
                    rows -> rows.size() == 1 && rows.get(0).published(),
                    TIMEOUT,
                    "order.created relayed");
            assertEquals("order.created", outputs.get(0).type());
            assertEquals(opened.get(0).id(), outputs.get(0).subject());
            assertEquals(1, outputs.get(0).sequence());
        }
        assertEquals(1, consumed.lastApplied(CONSUMER, first.getSubject()));
    }

    @Test
    void poisonMessagesEndAsDeadLettersOrAreFilteredOutAndNeverStopTheFlow() throws Exception {
        String marker = UUID.randomUUID().toString();
        CloudEvent before = userRegistered(UUID.randomUUID().toString(), 1);
        CloudEvent after = userRegistered(UUID.randomUUID().toString(), 1);
        // a user.registered whose data is no UserRegistered: a CloudEvent, so it gets the
        // subscription's own dead letter (its subject held back), not the broker's
        CloudEvent wrongData = io.cloudevents.core.builder.CloudEventBuilder.v1(
                        userRegistered(UUID.randomUUID().toString(), 1))
                .withData("application/json", "[42]".getBytes())
                .build();
        // a type the subscription does not take: its selector keeps it out of the queue
        CloudEvent unknownType = io.cloudevents.core.builder.CloudEventBuilder.v1(
                        userRegistered(UUID.randomUUID().toString(), 1))
                .withType("user.renamed")
                .build();
        String notJson = "{ this is not a CloudEvent";
        String oversized = "x".repeat(2 * 1024 * 1024);

        try (JMSContext jms = HeraldJms.connectionFactory().createContext();
                JMSConsumer dlq = jms.createConsumer(
                        HeraldJms.userEventsDeadLetters(), "herald_test_marker = '" + marker + "'")) {
            send(jms, before, null);
            // messages that are no CloudEvent, each with the type property that passes the selector
            jms.createProducer()
                    .setProperty(CloudEventMessages.TYPE_PROPERTY, "user.registered")
                    .setProperty("herald_test_marker", marker)
                    .send(HeraldJms.userEvents(), notJson);
            jms.createProducer()
                    .setProperty(CloudEventMessages.TYPE_PROPERTY, "user.registered")
                    .setProperty("herald_test_marker", marker)
                    .send(HeraldJms.userEvents(), oversized);
            jms.createProducer()
                    .setProperty(CloudEventMessages.TYPE_PROPERTY, "user.registered")
                    .setProperty("herald_test_marker", marker)
                    .send(
                            HeraldJms.userEvents(),
                            CloudEventMessages.body(before).getBytes()); // a BytesMessage
            send(jms, wrongData, null);
            send(jms, unknownType, null);
            send(jms, after, null);

            Set<String> dead = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                Message message = dlq.receive(TIMEOUT.toMillis());
                assertNotNull(message, "only " + dead + " reached DLQ.user.events");
                String body = message instanceof BytesMessage ? "a BytesMessage" : message.getBody(String.class);
                dead.add(body.length() > 1000 ? body.length() + " characters" : body);
            }
            assertEquals(Set.of(notJson, oversized.length() + " characters", "a BytesMessage"), dead);
        }
        for (CloudEvent event : List.of(before, after)) {
            Poll.until(
                    () -> orders.findByUser(event.getSubject()),
                    list -> list.size() == 1,
                    TIMEOUT,
                    "the order of " + event.getSubject());
        }
        String failed = Poll.until(
                () -> deadLetter(wrongData, "FAILED"),
                line -> line != null,
                TIMEOUT,
                "the event with the wrong data dead-lettered");
        assertEquals(List.of(), orders.findByUser(wrongData.getSubject()));
        assertEquals(
                "1 event(s) of subject " + wrongData.getSubject() + " dropped (the failed event) and released",
                subscriber().drop(failed.split(" ", 2)[0]));
        // filtered out by the selector: no effect and nothing to redrive, now that a later event is applied
        assertEquals(List.of(), orders.findByUser(unknownType.getSubject()));
        assertNull(deadLetter(unknownType, "FAILED"));
        assertEquals(0, consumed.lastApplied(CONSUMER, unknownType.getSubject()));
    }

    @Test
    void aFailingEventHoldsBackTheLaterEventsOfItsSubject() throws Exception {
        String userId = UUID.randomUUID().toString();
        CloudEvent first = userRegistered(userId, 1);
        CloudEvent second = userRegistered(userId, 2);
        CloudEvent third = userRegistered(userId, 3);
        // an order already claims the second event as its cause: applying it fails on the unique
        // constraint until the test removes that order (a stand-in for any transient failure)
        String blocker = blockOrderFor(second);
        try (JMSContext jms = HeraldJms.connectionFactory().createContext()) {
            send(jms, first, userId);
            Poll.until(() -> consumed.lastApplied(CONSUMER, userId), last -> last == 1, TIMEOUT, "the first event");
            long failedBefore = subscriber().getFailedAttempts();
            send(jms, second, userId);
            send(jms, third, userId);
            Poll.until(
                    () -> subscriber().getFailedAttempts(),
                    failed -> failed > failedBefore,
                    TIMEOUT,
                    "a failed attempt to apply the second event");
        }

        assertEquals(1, consumed.lastApplied(CONSUMER, userId), "an event overtook the failing second one");
        assertEquals(1, EventStoreRows.update("DELETE FROM orders WHERE id = ?", blocker), "the blocking order");
        Poll.until(() -> consumed.lastApplied(CONSUMER, userId), last -> last == 3, TIMEOUT, "all three events");
        List<Long> positions = List.of(first, second, third).stream()
                .map(cause -> onlyOrderCreatedBy(cause).position())
                .toList();
        assertEquals(positions.stream().sorted().toList(), positions, "orders opened out of order: " + positions);
        assertEquals(3, orders.findByUser(userId).size());
    }

    @Test
    void anEventThatFailsForGoodIsDeadLetteredAndParksItsSubjectUntilRedriven() throws Exception {
        String userId = UUID.randomUUID().toString();
        CloudEvent first = userRegistered(userId, 1);
        CloudEvent second = userRegistered(userId, 2);
        CloudEvent third = userRegistered(userId, 3);
        CloudEvent elsewhere = userRegistered(UUID.randomUUID().toString(), 1);
        // the second event fails until the blocking order is removed, which this time waits
        // until Herald has given up on it
        String blocker = blockOrderFor(second);
        try (JMSContext jms = HeraldJms.connectionFactory().createContext()) {
            send(jms, first, userId);
            Poll.until(() -> consumed.lastApplied(CONSUMER, userId), last -> last == 1, TIMEOUT, "the first event");
            send(jms, second, userId);
            send(jms, third, userId);
            String failed = Poll.until(
                    () -> deadLetter(second, "FAILED"),
                    line -> line != null,
                    TIMEOUT,
                    "the second event dead-lettered");
            Poll.until(
                    () -> deadLetter(third, "PARKED"),
                    line -> line != null,
                    TIMEOUT,
                    "the third event parked behind it");
            // other subjects keep flowing
            send(jms, elsewhere, null);
            Poll.until(
                    () -> consumed.lastApplied(CONSUMER, elsewhere.getSubject()),
                    last -> last == 1,
                    TIMEOUT,
                    "an event of another subject");
            assertEquals(1, consumed.lastApplied(CONSUMER, userId), "an event overtook the dead letter");
            assertEquals(1, orders.findByUser(userId).size());

            // the operator's view and redrive, over HTTP as an admin (/api/dlq)
            String token = http.adminToken();
            String id = failed.split(" ", 2)[0];
            JsonArray listed =
                    HeraldClient.json(http.withToken("GET", "/api/dlq", token)).asJsonArray();
            assertEquals(
                    List.of("FAILED " + second.getId(), "PARKED " + third.getId()),
                    listed.stream()
                            .map(JsonValue::asJsonObject)
                            .filter(entry -> userId.equals(entry.getString("subject")))
                            .map(entry -> entry.getString("state") + " " + entry.getString("eventId"))
                            .toList());
            assertEquals(1, EventStoreRows.update("DELETE FROM orders WHERE id = ?", blocker), "the blocking order");
            HttpResponse<String> redriven = http.withToken("POST", "/api/dlq/" + id + "/redrive", token);
            assertEquals(200, redriven.statusCode(), redriven.body());
            assertEquals(
                    List.of(second.getId(), third.getId()),
                    HeraldClient.json(redriven).asJsonArray().stream()
                            .map(entry -> entry.asJsonObject().getString("eventId"))
                            .toList());
        }
        assertEquals(3, consumed.lastApplied(CONSUMER, userId));
        assertNull(deadLetter(second, "FAILED"));
        assertNull(deadLetter(third, "PARKED"));
        List<Long> positions = List.of(first, second, third).stream()
                .map(cause -> onlyOrderCreatedBy(cause).position())
                .toList();
        assertEquals(positions.stream().sorted().toList(), positions, "orders opened out of order: " + positions);
    }

    @Test
    void aDroppedDeadLetterReleasesItsSubjectAndLeavesAnAuditEvent() throws Exception {
        String userId = UUID.randomUUID().toString();
        CloudEvent first = userRegistered(userId, 1);
        CloudEvent second = userRegistered(userId, 2);
        CloudEvent third = userRegistered(userId, 3);
        String blocker = blockOrderFor(second);
        try (JMSContext jms = HeraldJms.connectionFactory().createContext()) {
            send(jms, first, userId);
            send(jms, second, userId);
            send(jms, third, userId);
            String failed = Poll.until(
                    () -> deadLetter(second, "FAILED"),
                    line -> line != null,
                    TIMEOUT,
                    "the second event dead-lettered");
            Poll.until(() -> deadLetter(third, "PARKED"), line -> line != null, TIMEOUT, "the third event parked");

            HttpResponse<String> dropped =
                    http.withToken("DELETE", "/api/dlq/" + failed.split(" ", 2)[0], http.adminToken());
            assertEquals(204, dropped.statusCode(), dropped.body());
        }
        assertEquals(3, consumed.lastApplied(CONSUMER, userId), "the parked event, applied");
        assertNull(deadLetter(second, "FAILED"));
        // the dropped event never had an effect (the only order it names is the test's blocker),
        // and its drop is on record
        assertEquals(
                List.of(blocker),
                orders.findByUser("blocker").stream()
                        .filter(order -> order.id().equals(blocker))
                        .map(OrderView::id)
                        .toList());
        List<EventStoreRows.Row> audit = EventStoreRows.causedBy(second.getId());
        assertEquals(
                List.of("system.dead-letter-dropped"),
                audit.stream().map(EventStoreRows.Row::type).toList());
        assertEquals(CONSUMER, audit.get(0).subject());
        assertEquals(1, EventStoreRows.update("DELETE FROM orders WHERE id = ?", blocker));
    }

    @Test
    void aSubjectsEventsDeliveredOutOfOrderAreAppliedInSequenceAndALateOneIsDeadLettered() throws Exception {
        String userId = UUID.randomUUID().toString();
        CloudEvent first = userRegistered(userId, 1);
        CloudEvent second = userRegistered(userId, 2);
        CloudEvent third = userRegistered(userId, 3);
        CloudEvent late = userRegistered(userId, 2); // another event claiming the second place
        CloudEvent fourth = userRegistered(userId, 4);
        // one batch out of order, with the first event twice, as the subscription hands it over
        // (how the broker splits a stream into batches is its business): each applied once, in sequence
        assertEquals(
                3,
                consumed.apply(CONSUMER, List.of(third, first, second, first), orders::openFor)
                        .applied());
        assertEquals(3, orders.findByUser(userId).size());
        List<Long> positions = List.of(first, second, third).stream()
                .map(cause -> onlyOrderCreatedBy(cause).position())
                .toList();
        assertEquals(positions.stream().sorted().toList(), positions, "orders opened out of order: " + positions);

        try (JMSContext jms = HeraldJms.connectionFactory().createContext()) {
            // an event behind the last applied one is not applied out of order: it waits as a dead
            // letter, and the subject's later events are parked behind it
            send(jms, late, userId);
            String failed = Poll.until(
                    () -> deadLetter(late, "FAILED"), line -> line != null, TIMEOUT, "the late event dead-lettered");
            assertTrue(failed.contains("arrived out of order: sequence 2 after 3 was applied"), failed);
            send(jms, fourth, userId);
            Poll.until(() -> deadLetter(fourth, "PARKED"), line -> line != null, TIMEOUT, "the fourth event parked");
            assertEquals(3, orders.findByUser(userId).size(), "the late or the fourth event had an effect");

            // the operator's redrive applies it as it is, then the parked one
            assertEquals(
                    "2 event(s) of subject " + userId + " redriven",
                    subscriber().redrive(failed.split(" ", 2)[0]));
        }
        assertEquals(4, consumed.lastApplied(CONSUMER, userId));
        assertEquals(5, orders.findByUser(userId).size());
        assertTrue(
                onlyOrderCreatedBy(late).position() < onlyOrderCreatedBy(fourth).position(),
                "the parked event overtook the redriven one");
    }

    /** An order that claims {@code event} as its cause: applying the event fails until it is deleted. */
    private static String blockOrderFor(CloudEvent event) {
        String blocker = UUID.randomUUID().toString();
        EventStoreRows.update(
                "INSERT INTO orders (id, user_id, status, created_at, version, caused_by)"
                        + " VALUES (?, ?, 'CREATED', ?, 0, ?)",
                blocker,
                "blocker",
                OffsetDateTime.now(ZoneOffset.UTC),
                event.getId());
        return blocker;
    }

    /** The subscription's dead-letter line for {@code event} in {@code state}, or {@code null}. */
    private String deadLetter(CloudEvent event, String state) {
        return Arrays.stream(subscriber().getDeadLetters())
                .filter(line -> line.contains(" " + state + " ") && line.contains(event.getId()))
                .findFirst()
                .orElse(null);
    }

    private Subscriber subscriber() {
        return pipeline.subscribers().stream()
                .filter(subscriber -> subscriber.getName().equals(CONSUMER))
                .findFirst()
                .orElseThrow();
    }

    private EventStoreRows.Row onlyOrderCreatedBy(CloudEvent cause) {
        List<EventStoreRows.Row> rows = EventStoreRows.causedBy(cause.getId());
        assertEquals(
                1,
                rows.size(),
                "events caused by " + cause.getId() + " (sequence "
                        + EventEnvelope.sequenceOf(cause) + "): " + rows + "; orders of the user: "
                        + orders.findByUser(cause.getSubject()));
        return rows.get(0);
    }

    private static CloudEvent userRegistered(String userId, long sequence) {
        CloudEvent event = EventEnvelope.first(
                EventType.USER_REGISTERED,
                URI.create("/herald/tests"),
                userId,
                new UserRegistered(
                        userId,
                        "user-" + UUID.randomUUID() + "@example.com",
                        "Test",
                        OffsetDateTime.now(ZoneOffset.UTC)));
        return io.cloudevents.core.builder.CloudEventBuilder.v1(event)
                .withExtension(EventEnvelope.SEQUENCE, EventEnvelope.sequence(sequence))
                .build();
    }

    /** Sends as the relay does (group = subject unless given), without the duplicate id. */
    private static void send(JMSContext jms, CloudEvent event, String group) {
        JMSProducer producer = jms.createProducer();
        CloudEventMessages.properties(event).entrySet().stream()
                .filter(p -> !p.getKey().equals(CloudEventMessages.DUPLICATE_ID_PROPERTY))
                .forEach(p -> producer.setProperty(p.getKey(), p.getValue()));
        if (group != null) {
            producer.setProperty(CloudEventMessages.GROUP_ID_PROPERTY, group);
        }
        producer.send(HeraldJms.userEvents(), jms.createTextMessage(CloudEventMessages.body(event)));
    }
}
