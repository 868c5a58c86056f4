package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cloudevents.CloudEvent;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.herald.events.EventEnvelope;
import org.herald.events.JndiNames;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.UserRegistered;
import org.herald.events.jms.CloudEventMessages;
import org.herald.events.json.EventData;
import org.herald.order.OrderService;
import org.herald.order.OrderStatus;
import org.herald.order.OrderView;
import org.herald.user.EmailAlreadyRegistered;
import org.herald.user.UserProfile;
import org.herald.user.UserService;
import org.herald.user.UserStore;
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
        return HeraldDeployment.withTests(RegistrationInContainerIT.class, HeraldJms.class, Poll.class);
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

        List<OrderView> found = Poll.until(
                () -> orders.findByUser(user.id()), list -> !list.isEmpty(), TIMEOUT, "an order for user " + user.id());

        assertEquals(1, found.size(), found.toString());
        assertEquals(OrderStatus.CREATED, found.get(0).status());
        assertEquals(user.id(), found.get(0).userId());
        assertEquals(found.get(0), orders.find(found.get(0).id()).orElseThrow());
    }

    @Test
    void theSameEventDeliveredTwiceOpensOneOrder() throws Exception {
        String userId = UUID.randomUUID().toString();
        CloudEvent event = userRegistered(userId);
        String markerId = UUID.randomUUID().toString();
        // One message group for all three: the subscription hands them to one consumer, in order,
        // so once the marker's order exists both copies have been handled.
        String group = "duplicate-test-" + UUID.randomUUID();
        try (JMSContext jms = HeraldJms.connectionFactory().createContext()) {
            // no _AMQ_DUPL_ID on the copies: the broker must not drop the second, Herald must ignore it
            send(jms, event, group);
            send(jms, event, group);
            send(jms, userRegistered(markerId), group);
        }

        Poll.until(() -> orders.findByUser(markerId), list -> !list.isEmpty(), TIMEOUT, "the marker's order");
        List<OrderView> found = orders.findByUser(userId);
        assertEquals(1, found.size(), found.toString());
    }

    /**
     * The registration's transaction is {@code UserStore}'s ({@code UserService}
     * hashes outside any): rolled back, its user and its event are gone alike.
     */
    @Test
    void aRolledBackRegistrationPublishesNothingAndStoresNothing() throws Exception {
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        UserStore store = InitialContext.doLookup("java:global/herald/user-ejb/UserStore");
        try (JMSContext jms = HeraldJms.connectionFactory().createContext();
                JMSConsumer consumer = jms.createConsumer(HeraldJms.userEvents())) {
            tx.begin();
            UserProfile rolledBack = store.insert(uniqueEmail(), "Never", "not-a-hash: never used to log in");
            tx.rollback();
            UserProfile marker = users.register(uniqueEmail(), "Marker", "correct-horse-battery");

            List<CloudEvent> seen = HeraldJms.receiveUntilSubject(consumer, marker.id(), TIMEOUT);

            assertTrue(
                    seen.stream().noneMatch(e -> rolledBack.id().equals(e.getSubject())),
                    "an event of the rolled-back registration left: " + seen);
            assertTrue(users.find(rolledBack.id()).isEmpty(), "the rolled-back user was stored");
            assertTrue(orders.findByUser(rolledBack.id()).isEmpty());
        }
    }

    @Test
    void aDuplicateEmailIsRefusedAndPublishesNothing() throws Exception {
        String email = uniqueEmail();
        try (JMSContext jms = HeraldJms.connectionFactory().createContext();
                JMSConsumer consumer = jms.createConsumer(HeraldJms.userEvents())) {
            UserProfile first = users.register(email, "First", "correct-horse-battery");
            assertThrows(
                    EmailAlreadyRegistered.class,
                    () -> users.register(email.toUpperCase(), "Second", "correct-horse-battery"));
            UserProfile marker = users.register(uniqueEmail(), "Marker", "correct-horse-battery");

            // the relay publishes in store order: once the marker's event is here, any other would be too
            List<CloudEvent> withTheEmail = HeraldJms.receiveUntilSubject(consumer, marker.id(), TIMEOUT).stream()
                    .filter(event ->
                            EventData.read(event, UserRegistered.class).email().equals(email))
                    .toList();

            assertEquals(1, withTheEmail.size(), "only the first registration's event, got " + withTheEmail);
            assertEquals(first.id(), withTheEmail.get(0).getSubject());
        }
    }

    private static CloudEvent userRegistered(String userId) {
        return EventEnvelope.first(
                EventType.USER_REGISTERED,
                URI.create("/herald/tests"),
                userId,
                new UserRegistered(userId, uniqueEmail(), "Test", OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private static void send(JMSContext jms, CloudEvent event, String group) {
        JMSProducer producer = jms.createProducer();
        CloudEventMessages.properties(event).entrySet().stream()
                .filter(p -> !p.getKey().equals(CloudEventMessages.DUPLICATE_ID_PROPERTY))
                .forEach(p -> producer.setProperty(p.getKey(), p.getValue()));
        producer.setProperty(CloudEventMessages.GROUP_ID_PROPERTY, group);
        producer.send(HeraldJms.userEvents(), jms.createTextMessage(CloudEventMessages.body(event)));
    }

    private static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }
}
