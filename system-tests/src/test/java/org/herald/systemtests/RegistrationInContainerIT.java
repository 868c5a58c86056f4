package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import jakarta.transaction.UserTransaction;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.management.ObjectName;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.herald.events.EventEnvelope;
import org.herald.events.JndiNames;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.UserRegistered;
import org.herald.events.jms.CloudEventMessages;
import org.herald.order.OrderService;
import org.herald.order.OrderStatus;
import org.herald.order.OrderView;
import org.herald.user.EmailAlreadyRegistered;
import org.herald.user.UserProfile;
import org.herald.user.UserService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs inside WildFly, beside the services, which it finds by the same JNDI
 * names the web module uses. Events travel through the real embedded broker.
 */
@ExtendWith(ArquillianExtension.class)
class RegistrationInContainerIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Deployment
    static EnterpriseArchive deployment() {
        return HeraldDeployment.withTests(RegistrationInContainerIT.class, Poll.class);
    }

    private UserService users;
    private OrderService orders;

    @BeforeEach
    void findServices() throws NamingException {
        users = InitialContext.doLookup(JndiNames.USER_SERVICE);
        orders = InitialContext.doLookup(JndiNames.ORDER_SERVICE);
    }

    @Test
    void registeringAUserOpensExactlyOneCreatedOrder() throws Exception {
        UserProfile user = users.register(uniqueEmail(), "Ada Lovelace", "correct-horse-battery");

        List<OrderView> found = Poll.until(() -> orders.findByUser(user.id()), list -> !list.isEmpty(), TIMEOUT,
                "an order for user " + user.id());

        assertEquals(1, found.size(), found.toString());
        assertEquals(OrderStatus.CREATED, found.get(0).status());
        assertEquals(user.id(), found.get(0).userId());
        assertEquals(found.get(0), orders.find(found.get(0).id()).orElseThrow());
    }

    @Test
    void theSameEventDeliveredTwiceOpensOneOrder() throws Exception {
        String userId = UUID.randomUUID().toString();
        CloudEvent event = EventEnvelope.first(EventType.USER_REGISTERED, URI.create("/herald/tests"), userId,
                new UserRegistered(userId, uniqueEmail(), "Twice", OffsetDateTime.now(ZoneOffset.UTC)));
        ObjectName userEvents = new ObjectName("jboss.as:subsystem=messaging-activemq,server=default,jms-topic=user.events");
        long addedBefore = topicAttribute(userEvents, "messagesAdded");

        ConnectionFactory factory = InitialContext.doLookup("java:/ConnectionFactory");
        Topic topic = InitialContext.doLookup(JndiNames.USER_EVENTS_TOPIC);
        try (JMSContext jms = factory.createContext()) {
            for (int delivery = 0; delivery < 2; delivery++) {
                JMSProducer producer = jms.createProducer();
                // no _AMQ_DUPL_ID: the broker must not drop the copy, Herald itself must ignore it
                CloudEventMessages.properties(event).entrySet().stream()
                        .filter(p -> !p.getKey().equals(CloudEventMessages.DUPLICATE_ID_PROPERTY))
                        .forEach(p -> producer.setProperty(p.getKey(), p.getValue()));
                producer.send(topic, jms.createTextMessage(CloudEventMessages.body(event)));
            }
        }

        // Both copies have reached the subscription and every message on the topic is consumed and acknowledged.
        Poll.until(() -> topicAttribute(userEvents, "messagesAdded") >= addedBefore + 2
                        && topicAttribute(userEvents, "messageCount") == 0, done -> done, TIMEOUT,
                "both copies consumed");
        List<OrderView> found = orders.findByUser(userId);
        assertEquals(1, found.size(), found.toString());
    }

    @Test
    void aRolledBackRegistrationPublishesNothingAndStoresNothing() throws Exception {
        ConnectionFactory factory = InitialContext.doLookup("java:/ConnectionFactory");
        Topic topic = InitialContext.doLookup(JndiNames.USER_EVENTS_TOPIC);
        UserTransaction tx = InitialContext.doLookup("java:jboss/UserTransaction");
        try (JMSContext jms = factory.createContext();
             JMSConsumer consumer = jms.createConsumer(topic)) {
            tx.begin();
            UserProfile rolledBack = users.register(uniqueEmail(), "Never", "correct-horse-battery");
            tx.rollback();
            UserProfile marker = users.register(uniqueEmail(), "Marker", "correct-horse-battery");

            List<CloudEvent> seen = receiveUntilSubject(consumer, marker.id());

            assertTrue(seen.stream().noneMatch(e -> rolledBack.id().equals(e.getSubject())),
                    "an event of the rolled-back registration left: " + seen);
            assertTrue(users.find(rolledBack.id()).isEmpty(), "the rolled-back user was stored");
            assertTrue(orders.findByUser(rolledBack.id()).isEmpty());
        }
    }

    @Test
    void aDuplicateEmailIsRefusedAndPublishesNothing() throws Exception {
        String email = uniqueEmail();
        UserProfile first = users.register(email, "First", "correct-horse-battery");
        ConnectionFactory factory = InitialContext.doLookup("java:/ConnectionFactory");
        Topic topic = InitialContext.doLookup(JndiNames.USER_EVENTS_TOPIC);
        try (JMSContext jms = factory.createContext();
             JMSConsumer consumer = jms.createConsumer(topic)) {
            assertThrows(EmailAlreadyRegistered.class,
                    () -> users.register(email.toUpperCase(), "Second", "correct-horse-battery"));
            UserProfile marker = users.register(uniqueEmail(), "Marker", "correct-horse-battery");

            List<CloudEvent> seen = receiveUntilSubject(consumer, marker.id());

            assertEquals(1, seen.size(), "only the marker's event, got " + seen);
            assertFalse(seen.stream().anyMatch(e -> first.id().equals(e.getSubject())));
        }
    }

    private static List<CloudEvent> receiveUntilSubject(JMSConsumer consumer, String subject) throws Exception {
        List<CloudEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = consumer.receive(250);
            if (message != null) {
                CloudEvent event = CloudEventMessages.read(message);
                seen.add(event);
                if (subject.equals(event.getSubject())) {
                    return seen;
                }
            }
        }
        throw new AssertionError("No event for subject " + subject + " within " + TIMEOUT + "; saw " + seen);
    }

    private static long topicAttribute(ObjectName topic, String attribute) {
        try {
            return ((Number) ManagementFactory.getPlatformMBeanServer().getAttribute(topic, attribute)).longValue();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + attribute + " of " + topic, e);
        }
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
